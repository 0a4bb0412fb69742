import type { DemarcheOutcome } from '../session/facts';

/**
 * What the session did for one démarche, as the receipt (main/print) and the end-of-session screens need it.
 * Built by main/flow from the session's flow state and the catalog. Lives in memory only, with the session.
 * Every text is already in the usager's words: main/print only lays it out.
 */
export interface FlowRecord {
  demarcheId: string;
  title: string;
  category: string;
  outcome: DemarcheOutcome | null;
  /** The result as the usager should read it: "Pré-demande faite (pas encore envoyée)", "Vente déclarée"… */
  outcomeLabel: string;
  /** The numéro when the démarche was filed ('deposee'). */
  numero: string | null;
  /** The right name of that number: numéro de demande, code de cession, numéro de pré-demande, … */
  numeroLabel: string;
  orientation: { to: string; why: string } | null;
  piecesProvided: string[];
  /** Missing pièces, each with where to get it (the catalog's text). */
  piecesMissing: Array<{ label: string; whereToGet: string }>;
  /** What the usager must do now, as actions, for this démarche and this outcome. */
  nextSteps: string[];
  /** Typical délais (when filed), with the year or the source they come from. */
  delais: { text: string; source: string } | null;
  /** What the usager receives (CPI, code de cession, …). */
  receives: string[];
  /** Reminders of the catalog that matter for this démarche (shown on screen). */
  reminders: string[];
  followUp: { url: string; how: string; statuses: Array<{ name: string; meaning: string }> } | null;
  /** The administration's own help line, when it is not the station's (ANEF: 0 806 001 620). */
  helpLine: { name: string; phone: string } | null;
}
