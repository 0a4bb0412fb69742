import { ORIENTATIONS, type Demarche } from '../../preload/api';
import type { FlowRecord } from './records';
import type { FlowEntryState } from './service';

const NOT_DONE = {
  incomplete: 'Pas finie : il manque des pièces',
  orientee: 'À faire ailleurs',
  abandonnee: 'Arrêtée aujourd’hui',
  none: 'Commencée, pas finie',
} as const;

/** Pure: one démarche of the session as the receipt needs it (labels only, never a scan or a note). */
export function buildRecord(demarche: Demarche, entry: FlowEntryState): FlowRecord {
  const piece = (id: string) => demarche.pieces.find((p) => p.id === id);
  const provided = [...entry.pieces].filter(([, p]) => p.status === 'present' || p.status === 'scan').map(([id]) => id);
  const missing = new Set([...entry.pieces].filter(([, p]) => p.status === 'manquant').map(([id]) => id));
  const outcome = entry.outcome;
  if (outcome?.kind === 'incomplete') outcome.missing.forEach((id) => missing.add(id));
  const orientation =
    outcome?.kind === 'orientee'
      ? { to: ORIENTATIONS[outcome.orientation].label, why: outcome.why || 'Démarche à faire ailleurs.' }
      : null;
  const filed = outcome?.kind === 'deposee';
  return {
    demarcheId: demarche.id,
    title: demarche.title,
    category: demarche.category,
    outcome: outcome?.kind ?? null,
    outcomeLabel: filed ? demarche.filed.outcome : NOT_DONE[outcome?.kind ?? 'none'],
    numero: filed && outcome.numero ? outcome.numero : null,
    numeroLabel: demarche.numero.label,
    orientation,
    piecesProvided: provided.map((id) => piece(id)?.label ?? id),
    piecesMissing: [...missing].map((id) => ({
      label: piece(id)?.label ?? id,
      whereToGet: piece(id)?.whereToGet ?? '',
    })),
    nextSteps: nextSteps(demarche, entry, orientation),
    delais: filed ? { text: demarche.delais.text, source: demarche.delais.source } : null,
    receives: filed ? [...demarche.receives] : [],
    reminders: demarche.reminders.map((reminder) => reminder.text),
    followUp: demarche.followUp.url
      ? { url: demarche.followUp.url, how: demarche.followUp.how, statuses: [...demarche.followUp.statuses] }
      : null,
    helpLine: demarche.helpLine ? { name: demarche.helpLine.name, phone: demarche.helpLine.phone } : null,
  };
}

/**
 * What the usager must do now. Filed: the catalog's actions for that démarche (a pré-demande is brought to a
 * mairie, a code de cession given to the buyer). Not filed: never an action that only follows a filing (print
 * the CPI), only what finishes the démarche.
 */
function nextSteps(demarche: Demarche, entry: FlowEntryState, orientation: FlowRecord['orientation']): string[] {
  switch (entry.outcome?.kind) {
    case 'deposee':
      return [...demarche.filed.doNow];
    case 'incomplete':
      return [
        'Rassemblez les pièces qui manquent (liste ci-dessous).',
        'Revenez au point numérique pour finir la démarche.',
      ];
    case 'orientee':
      return [`Allez voir : ${orientation!.to}.`, orientation!.why];
    case 'abandonnee':
      return ['La démarche est arrêtée.', 'Vous pouvez revenir au point numérique pour la reprendre.'];
    default:
      return ['Revenez au point numérique pour finir la démarche.'];
  }
}
