import { ORIENTATIONS, type Demarche } from '../../preload/api';
import type { FlowRecord } from './records';
import type { FlowEntryState } from './service';

/** Pure: one démarche of the session as the receipt needs it (labels only, never a scan or a note). */
export function buildRecord(demarche: Demarche, entry: FlowEntryState): FlowRecord {
  const label = (id: string) => demarche.pieces.find((piece) => piece.id === id)?.label ?? id;
  const provided = [...entry.pieces].filter(([, p]) => p.status === 'present' || p.status === 'scan').map(([id]) => id);
  const missing = new Set([...entry.pieces].filter(([, p]) => p.status === 'manquant').map(([id]) => id));
  const outcome = entry.outcome;
  if (outcome?.kind === 'incomplete') outcome.missing.forEach((id) => missing.add(id));
  const orientation =
    outcome?.kind === 'orientee'
      ? { to: ORIENTATIONS[outcome.orientation].label, why: outcome.why || 'Démarche à faire ailleurs.' }
      : null;
  return {
    demarcheId: demarche.id,
    title: demarche.title,
    category: demarche.category,
    outcome: outcome?.kind ?? null,
    numero: outcome?.kind === 'deposee' && outcome.numero ? outcome.numero : null,
    orientation,
    piecesProvided: provided.map(label),
    piecesMissing: [...missing].map(label),
    nextSteps: nextSteps(demarche, entry, orientation),
    delais: demarche.delais.text,
    receives: [...demarche.receives],
    reminders: demarche.reminders.map((reminder) => reminder.text),
    followUp: demarche.followUp.url
      ? { url: demarche.followUp.url, how: demarche.followUp.how, statuses: [...demarche.followUp.statuses] }
      : null,
  };
}

function nextSteps(demarche: Demarche, entry: FlowEntryState, orientation: FlowRecord['orientation']): string[] {
  switch (entry.outcome?.kind) {
    case 'deposee':
      return ['Votre demande est envoyée.', 'Gardez le numéro de demande.', demarche.followUp.how];
    case 'incomplete':
      return [
        'Votre demande n’est pas finie.',
        'Rassemblez les pièces qui manquent.',
        'Revenez ensuite au point numérique pour finir la démarche.',
      ];
    case 'orientee':
      return [`Allez voir : ${orientation!.to}.`, orientation!.why];
    case 'abandonnee':
      return ['La démarche est arrêtée.', 'Vous pouvez revenir au point numérique pour la reprendre.'];
    default:
      return ['La démarche n’est pas terminée.'];
  }
}
