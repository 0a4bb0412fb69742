import type { DemarcheOutcome } from '../session/facts';

/**
 * What the session did for one démarche, as the receipt (main/print) and the end-of-session screens need it.
 * Built by main/flow from the session's flow state and the catalog. Lives in memory only, with the session.
 */
export interface FlowRecord {
  demarcheId: string;
  title: string;
  category: string;
  outcome: DemarcheOutcome | null;
  /** The numéro de demande / de dossier when the démarche was filed ('deposee'). */
  numero: string | null;
  orientation: { to: string; why: string } | null;
  piecesProvided: string[];
  piecesMissing: string[];
  /** Plain-French next steps from the catalog. */
  nextSteps: string[];
  /** Typical délais from the catalog, e.g. "La plupart des cartes grises arrivent en une semaine." */
  delais: string | null;
  /** What the usager receives (CPI, code de cession, …). */
  receives: string[];
  /** Reminders that matter for this démarche (print the CPI now, pré-demande valid 6 months, …). */
  reminders: string[];
  followUp: { url: string; how: string; statuses: Array<{ name: string; meaning: string }> } | null;
}
