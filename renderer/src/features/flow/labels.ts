import type { PieceStatus } from '../../../../preload/api';

// One label per outcome code, the same on the démarche screen, the receipt screen and the statistics.
export { OUTCOME_LABELS } from '../../../../preload/api';

export const PIECE_STATUS_LABELS: Record<PieceStatus, string> = {
  'a-verifier': 'À vérifier',
  present: 'Présente',
  manquant: 'Manquante',
  scan: 'Scan importé',
};
