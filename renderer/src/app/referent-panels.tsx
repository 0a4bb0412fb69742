import type { ReactElement } from 'react';

/**
 * The tabs of the référent area (/referent). Each capability adds its own settings panel here (printer, scan
 * folder, démarches, statistics, …); main/config's area renders them after the référent PIN is checked.
 */
export interface ReferentPanel {
  id: string;
  label: string;
  element: ReactElement;
}

export const referentPanels: ReferentPanel[] = [];
