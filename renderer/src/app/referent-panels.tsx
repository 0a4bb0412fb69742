import type { ReactElement } from 'react';
import { StatsPanel } from '../features/survey/StatsPanel';
import { ScanFolderPanel } from '../features/scan/ScanFolderPanel';
import { PrinterPanel } from '../features/print/PrinterPanel';
import { ScannerPanel } from '../features/scanner/ScannerPanel';
import { DemarchesReferentPanel } from '../features/flow/DemarchesReferentPanel';

/**
 * The tabs of the référent area (/referent). Each capability adds its own settings panel here (printer, scan
 * folder, démarches, statistics, …); main/config's area renders them after the référent PIN is checked.
 */
export interface ReferentPanel {
  id: string;
  label: string;
  element: ReactElement;
}

export const referentPanels: ReferentPanel[] = [
  { id: 'statistiques', label: 'Statistiques', element: <StatsPanel /> },
  { id: 'demarches', label: 'Démarches', element: <DemarchesReferentPanel /> },
  { id: 'scanner', label: 'Dossier du scanner', element: <ScanFolderPanel /> },
  { id: 'scanner-reseau', label: 'Scanner réseau', element: <ScannerPanel /> },
  { id: 'imprimante', label: 'Imprimante', element: <PrinterPanel /> },
];
