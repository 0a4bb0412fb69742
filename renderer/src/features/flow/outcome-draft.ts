import type { Outcome, OrientationCode } from '../../../../preload/api';

export interface OutcomeFields {
  kind: Outcome['kind'] | '';
  numero: string;
  missing: string[];
  orientation: OrientationCode;
  why: string;
}

/** The outcome the form says (null while no kind is chosen): what "Enregistrer" saves and what the draft keeps. */
export function outcomeOf(fields: OutcomeFields): Outcome | null {
  switch (fields.kind) {
    case 'deposee':
      return { kind: 'deposee', numero: fields.numero };
    case 'incomplete':
      return { kind: 'incomplete', missing: fields.missing };
    case 'orientee':
      return { kind: 'orientee', orientation: fields.orientation, why: fields.why };
    case 'abandonnee':
      return { kind: 'abandonnee' };
    default:
      return null;
  }
}

/** True when the form shows something else than the saved outcome (then "Résultat enregistré" would be stale). */
export function differsFromSaved(fields: OutcomeFields, saved: Outcome | null): boolean {
  const shown = outcomeOf(fields);
  if (!shown) return false;
  if (!saved || saved.kind !== shown.kind) return true;
  if (shown.kind === 'deposee' && saved.kind === 'deposee') return shown.numero.trim() !== saved.numero;
  if (shown.kind === 'orientee' && saved.kind === 'orientee') {
    return shown.orientation !== saved.orientation || shown.why.trim() !== saved.why;
  }
  if (shown.kind === 'incomplete' && saved.kind === 'incomplete') {
    return [...shown.missing].sort().join() !== [...saved.missing].sort().join();
  }
  return false;
}
