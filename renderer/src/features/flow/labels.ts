// One label per code value, the same on the démarche screen, the receipt screen and the statistics.
export { OUTCOME_LABELS, PIECE_STATUS_LABELS } from '../../../../preload/api';
