import type { FlowRecord } from '../flow/records';
import type { DemarcheOutcome } from '../session/facts';

/** What the receipt needs of the station (config.station): never anything about the usager. */
export interface ReceiptStation {
  name: string;
  type: 'prefecture' | 'sous-prefecture' | 'france-services';
  commune: string;
  contactPhone: string;
}

export interface ReceiptDemarche {
  title: string;
  outcome: string;
  explanation: string;
  /** Only when the démarche was filed ('deposee'). */
  numero: string | null;
  orientation: { to: string; why: string } | null;
  piecesProvided: string[];
  piecesMissing: string[];
  receives: string[];
  nextSteps: string[];
  delais: string | null;
  reminders: string[];
}

export interface ReceiptFollowUp {
  url: string;
  how: string;
  statuses: Array<{ name: string; meaning: string }>;
}

/** The counter's récépissé, as plain French sentences: the one layout (layout.ts) turns it into lines. */
export interface ReceiptModel {
  title: string;
  station: string;
  place: string;
  printedAt: string;
  notice: string;
  demarches: ReceiptDemarche[];
  followUps: ReceiptFollowUp[];
  contact: string;
  privacy: string;
}

const STATION_TYPES: Record<ReceiptStation['type'], string> = {
  prefecture: 'Préfecture',
  'sous-prefecture': 'Sous-préfecture',
  'france-services': 'France Services',
};

const OUTCOMES: Record<DemarcheOutcome | 'none', { label: string; explanation: string }> = {
  deposee: {
    label: 'Demande déposée',
    explanation: "Votre demande est envoyée. L'administration va l'étudier.",
  },
  incomplete: {
    label: 'Demande pas terminée',
    explanation: "Il manque encore quelque chose. Votre demande n'est pas encore envoyée.",
  },
  orientee: {
    label: 'À faire ailleurs',
    explanation: 'Cette démarche ne se fait pas ici.',
  },
  abandonnee: {
    label: 'Démarche arrêtée',
    explanation: "La démarche n'a pas été faite aujourd'hui. Vous pouvez revenir quand vous voulez.",
  },
  none: {
    label: 'Démarche commencée',
    explanation: "La démarche n'est pas terminée.",
  },
};

export const RECEIPT_NOTICE =
  "Ce papier est le récépissé du point numérique. Ce n'est pas l'accusé de réception de l'administration : " +
  'celui-ci est sur le site officiel, dans votre espace.';
export const RECEIPT_PRIVACY =
  "Aucune donnée personnelle n'est gardée sur cet ordinateur. Tout est effacé à la fin du rendez-vous.";

/** "lundi 23 novembre 2026 à 18:36", in the station's time zone. */
export function formatPrintedAt(date: Date, timeZone = 'Europe/Paris'): string {
  const day = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
  return `${day} à ${time}`;
}

/**
 * Pure: the session's démarches (FlowRecords) and the station → the receipt. Takes labels and catalog texts only;
 * a FlowRecord carries no name, address or image of the usager, and the numéro appears only when filed.
 */
export function buildReceiptModel(input: {
  records: FlowRecord[];
  station: ReceiptStation;
  printedAt: Date;
  timeZone?: string;
}): ReceiptModel {
  const { records, station } = input;
  const demarches = records.map(toDemarche);
  const followUps: ReceiptFollowUp[] = [];
  for (const record of records) {
    if (!record.followUp || (record.outcome !== 'deposee' && record.outcome !== 'incomplete')) continue;
    if (followUps.some((known) => known.url === record.followUp!.url)) continue;
    followUps.push({ url: record.followUp.url, how: record.followUp.how, statuses: [...record.followUp.statuses] });
  }
  const type = STATION_TYPES[station.type];
  return {
    title: 'Récépissé du point numérique',
    station: station.name,
    place: station.commune ? `${type} - ${station.commune}` : type,
    printedAt: `Le ${formatPrintedAt(input.printedAt, input.timeZone)}`,
    notice: RECEIPT_NOTICE,
    demarches,
    followUps,
    contact: station.contactPhone
      ? `Une question sur votre dossier ? Appelez le ${station.contactPhone.replace(/ /g, '\u00a0')}.`
      : 'Une question sur votre dossier ? Revenez au point numérique.',
    privacy: RECEIPT_PRIVACY,
  };
}

function toDemarche(record: FlowRecord): ReceiptDemarche {
  const outcome = OUTCOMES[record.outcome ?? 'none'];
  const orientation = record.outcome === 'orientee' ? record.orientation : null;
  return {
    title: record.title,
    outcome: outcome.label,
    explanation: outcome.explanation,
    numero: record.outcome === 'deposee' && record.numero ? record.numero : null,
    orientation,
    piecesProvided: [...record.piecesProvided],
    piecesMissing: [...record.piecesMissing],
    receives: record.outcome === 'deposee' ? [...record.receives] : [],
    nextSteps: [...record.nextSteps],
    delais: record.outcome === 'deposee' ? record.delais : null,
    reminders: [...record.reminders],
  };
}
