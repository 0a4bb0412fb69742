/**
 * The anonymous facts of one accompaniment, gathered in memory while it runs by each capability and written to
 * the anonymous session log when it ends (main/survey). Only codes and counts: never a name, a numéro, a file.
 */
export type DemarcheOutcome = 'deposee' | 'incomplete' | 'orientee' | 'abandonnee';

export interface DemarcheFact {
  demarcheId: string;
  category: string;
  outcome: DemarcheOutcome | null;
  /** Orientation structure code when the outcome is 'orientee'. */
  orientation?: string;
}

export interface SessionFacts {
  demarches: DemarcheFact[];
  piecesImported: number;
  receiptPrinted: boolean;
}

export function emptyFacts(): SessionFacts {
  return { demarches: [], piecesImported: 0, receiptPrinted: false };
}
