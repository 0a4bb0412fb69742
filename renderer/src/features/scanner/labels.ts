import type { ScannerSource, ScannerSourceId } from '../../../../preload/api';

export const SOURCE_LABELS: Record<ScannerSourceId, string> = {
  platen: 'Vitre (une feuille)',
  adf: 'Chargeur (plusieurs feuilles)',
  'adf-duplex': 'Chargeur recto-verso',
};

export const MODE_LABELS: Record<ScannerSource['colorModes'][number], string> = {
  color: 'Couleur',
  grayscale: 'Niveaux de gris',
  blackwhite: 'Noir et blanc',
};

export const STEP_LABELS = {
  connecting: 'Connexion au scanner…',
  scanning: 'Le scanner numérise…',
  page: 'Pages reçues',
  preparing: 'Préparation du document…',
  done: 'Terminé',
  failed: 'Échec',
  cancelled: 'Annulé',
} as const;
