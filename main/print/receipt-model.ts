import type { FlowRecord } from '../flow/records';

/** What the receipt needs of the station (config.station): never anything about the usager. */
export interface ReceiptStation {
  name: string;
  type: 'prefecture' | 'sous-prefecture' | 'france-services';
  commune: string;
  contactPhone: string;
  /** IANA time zone of the station (Europe/Paris, America/Cayenne, Indian/Reunion…). */
  timeZone?: string;
}

export interface ReceiptDemarche {
  title: string;
  /** The result in the usager's words ("Pré-demande faite (pas encore envoyée)"). */
  outcome: string;
  /** The number with its right name, set apart on the receipt. Only when filed. */
  numero: { label: string; value: string } | null;
  /** What the usager must do now, as actions. */
  doNow: string[];
  /** Missing pièces, each with where to get it. */
  missing: Array<{ label: string; whereToGet: string }>;
  /** The délai with the year or source it describes, when filed. */
  delais: string | null;
}

export interface ReceiptFollowUp {
  /** The démarches it serves, when the receipt has several (one block for all of them). */
  for: string[];
  url: string;
  how: string;
}

/** The counter's receipt, as plain French sentences: layout.ts (thermal) and a4-*.ts (A4) lay it out. */
export interface ReceiptModel {
  title: string;
  station: string;
  place: string;
  printedAt: string;
  notice: string;
  demarches: ReceiptDemarche[];
  followUps: ReceiptFollowUp[];
  /** Said once, whatever the number of démarches: keep the receipt and the number. */
  keep: string | null;
  /** Whom to call: the station's line and each administration's own line, once each. */
  contacts: string[];
  privacy: string;
}

/** The one title of the receipt, on paper, on the PDF, on screen. */
export const RECEIPT_TITLE = 'Reçu du point numérique';

const STATION_TYPES: Record<ReceiptStation['type'], string> = {
  prefecture: 'Préfecture',
  'sous-prefecture': 'Sous-préfecture',
  'france-services': 'France Services',
};

export const RECEIPT_NOTICE =
  "Ce reçu n'est pas l'accusé de réception de l'administration : celui-ci est sur le site officiel.";
export const RECEIPT_PRIVACY = 'Ce poste ne garde rien de personnel : tout est effacé à la fin du rendez-vous.';
export const RECEIPT_KEEP = 'Gardez ce reçu. Le numéro sert pour toute question sur votre dossier.';

/** "lundi 23 novembre 2026 à 18:36", in the station's time zone (its configuration, for overseas départements). */
export function formatPrintedAt(date: Date, timeZone = 'Europe/Paris'): string {
  const zone = validTimeZone(timeZone);
  const day = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(date);
  return `${day} à ${time}`;
}

export function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone });
    return timeZone;
  } catch {
    return 'Europe/Paris';
  }
}

/**
 * Pure: the session's démarches (FlowRecords) and the station → the receipt. Takes labels and catalog texts only;
 * a FlowRecord carries no name, address or image of the usager, and the numéro appears only when filed. What
 * several démarches share (the follow-up page, "gardez le numéro", a help line) is said once.
 */
export function buildReceiptModel(input: {
  records: FlowRecord[];
  station: ReceiptStation;
  printedAt: Date;
}): ReceiptModel {
  const { records, station } = input;
  const followUps: ReceiptFollowUp[] = [];
  for (const record of records) {
    if (!record.followUp || (record.outcome !== 'deposee' && record.outcome !== 'incomplete')) continue;
    const known = followUps.find((f) => f.url === record.followUp!.url);
    if (known) known.for.push(record.title);
    else followUps.push({ for: [record.title], url: record.followUp.url, how: record.followUp.how });
  }
  if (records.length < 2) followUps.forEach((f) => (f.for = []));
  const contacts = [
    station.contactPhone
      ? `Une question ? Appelez le ${station.contactPhone}.`
      : 'Une question ? Revenez au point numérique.',
  ];
  for (const record of records) {
    if (!record.helpLine) continue;
    const line = `${record.helpLine.name} : ${record.helpLine.phone}.`;
    if (!contacts.includes(line)) contacts.push(line);
  }
  const type = STATION_TYPES[station.type];
  return {
    title: RECEIPT_TITLE,
    station: station.name,
    place: station.commune ? `${type} - ${station.commune}` : type,
    printedAt: `Le ${formatPrintedAt(input.printedAt, station.timeZone)}`,
    notice: RECEIPT_NOTICE,
    demarches: records.map(toDemarche),
    followUps,
    keep: records.some((r) => r.outcome === 'deposee' && r.numero) ? RECEIPT_KEEP : null,
    contacts,
    privacy: RECEIPT_PRIVACY,
  };
}

function toDemarche(record: FlowRecord): ReceiptDemarche {
  const filed = record.outcome === 'deposee';
  return {
    title: record.title,
    outcome: record.outcomeLabel,
    numero: filed && record.numero ? { label: record.numeroLabel, value: record.numero } : null,
    doNow: [...record.nextSteps],
    missing: record.piecesMissing.map((piece) => ({ ...piece })),
    delais: filed && record.delais ? `${record.delais.text} (Source : ${record.delais.source}.)` : null,
  };
}
