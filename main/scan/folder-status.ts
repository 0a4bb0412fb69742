import type { ScanFolderStatus } from '../../preload/contract/scan';
import type { FolderState } from './watcher';

/** The scan folder's state in French for the counter. Pure. */
export function folderStatusOf(
  settings: { folder: string | null; usePolling: boolean },
  state: FolderState | null,
): ScanFolderStatus {
  const { folder, usePolling } = settings;
  if (!folder) {
    return {
      state: 'not_configured',
      folder: null,
      usePolling,
      message:
        "Aucun dossier de numérisation n'est réglé. Le référent numérique peut le régler ; en attendant, choisissez les fichiers ou déposez-les ici.",
    };
  }
  if (state === 'watching') {
    return {
      state,
      folder,
      usePolling,
      message: 'Le dossier de numérisation est surveillé : les documents scannés arrivent ici.',
    };
  }
  if (state === 'error') {
    return {
      state,
      folder,
      usePolling,
      message:
        "Le dossier de numérisation ne peut pas être surveillé (erreur d'accès). Vérifiez le partage réseau ; l'application réessaie toute seule.",
    };
  }
  return {
    state: 'missing',
    folder,
    usePolling,
    message:
      "Le dossier de numérisation est introuvable (partage réseau coupé ou disque débranché). Les scans n'arrivent plus ; l'application reprend toute seule quand le dossier revient. En attendant, choisissez les fichiers ou déposez-les ici.",
  };
}
