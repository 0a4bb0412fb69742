import type { Outcome, PieceStatus } from '../../../../preload/api';

export const OUTCOME_LABELS: Record<Outcome['kind'], string> = {
  deposee: 'Déposée',
  incomplete: 'Incomplète',
  orientee: 'Orientée ailleurs',
  abandonnee: 'Abandonnée',
};

export const PIECE_STATUS_LABELS: Record<PieceStatus, string> = {
  'a-verifier': 'À vérifier',
  present: 'Présente',
  manquant: 'Manquante',
  scan: 'Scan importé',
};

export function errorMessage(caught: unknown, fallback: string): string {
  return caught instanceof Error && caught.message ? caught.message : fallback;
}
