import type { PieceStatus } from '../../preload/api';

/** A scan of the session as main/scan holds it: which démarche and pièce it is attached to. */
export interface AttachedScan {
  id: string;
  demarcheId: string | null;
  pieceId: string | null;
}

export type PieceState = { status: PieceStatus; scans: string[] };

/**
 * The rule "a scan attached to a pièce marks it provided", applied where the flow is read (screens, receipt,
 * end of session) rather than in a screen: the receipt is the same whether the mediator opened the démarche
 * screen after scanning or not. A pièce with scans is 'scan' with their ids; a pièce marked 'scan' whose scans
 * were all removed is to be checked again. The scans go to the démarche's latest entry (`isTarget`).
 */
export function withAttachedScans(
  pieces: ReadonlyMap<string, PieceState>,
  demarcheId: string,
  isTarget: boolean,
  scans: readonly AttachedScan[],
): Map<string, PieceState> {
  const result = new Map<string, PieceState>();
  for (const [pieceId, piece] of pieces) {
    const attached = isTarget
      ? scans.filter((scan) => scan.demarcheId === demarcheId && scan.pieceId === pieceId).map((scan) => scan.id)
      : [];
    if (attached.length > 0) result.set(pieceId, { status: 'scan', scans: attached });
    else if (piece.status === 'scan') result.set(pieceId, { status: 'a_verifier', scans: [] });
    else result.set(pieceId, { status: piece.status, scans: [] });
  }
  return result;
}
