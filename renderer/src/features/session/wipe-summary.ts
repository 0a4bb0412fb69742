import type { WipeReport } from '../../../../preload/api';

/** The figures of a wipe report in one French sentence for the home screen. */
export function wipeSummary(report: WipeReport): string {
  const files = report.removed.files;
  const size = formatBytes(report.removed.bytes);
  const what = files === 0 ? 'Aucun fichier' : files === 1 ? `1 fichier (${size})` : `${files} fichiers (${size})`;
  if (report.reason === 'startup') return startupSummary(report);
  const parts = report.removed.participants.length;
  const ms = Math.round(report.durationMs);
  const check = report.verification.ok ? 'la vérification ne trouve plus rien' : 'la vérification a trouvé des restes';
  return `${what} supprimé${files > 1 ? 's' : ''}, ${parts} partie${parts > 1 ? 's' : ''} de l'application vidée${
    parts > 1 ? 's' : ''
  }, en ${ms} ms ; ${check}.`;
}

/**
 * The start-up sweep removes the workspace's files, whose content was encrypted with a key lost when the app
 * stopped, and the scans the session had brought into the scan folder, which were in clear.
 */
function startupSummary(report: WipeReport): string {
  const { files, bytes, workspaceFiles, workspaceBytes } = report.removed;
  const scans = Math.max(0, files - workspaceFiles);
  const sentences: string[] = [];
  if (workspaceFiles > 0 || scans === 0) {
    const what =
      workspaceFiles === 0
        ? 'Aucun fichier'
        : `${workspaceFiles} fichier${workspaceFiles > 1 ? 's' : ''} (${formatBytes(workspaceBytes)})`;
    const plural = workspaceFiles > 1 ? 's' : '';
    sentences.push(`${what} chiffré${plural} supprimé${plural}. Personne ne pouvait les lire.`);
  }
  if (scans > 0) {
    const plural = scans > 1 ? 's' : '';
    sentences.push(
      `${scans} fichier${plural} scanné${plural} pendant l'accompagnement (${formatBytes(
        Math.max(0, bytes - workspaceBytes),
      )}) supprimé${plural} du dossier de numérisation.`,
    );
  }
  return sentences.join(' ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}

const REASONS: Record<WipeReport['reason'], string> = {
  ended: "L'accompagnement a été terminé.",
  signed_out: "Le médiateur s'est déconnecté.",
  idle: "Personne n'a utilisé le poste pendant le délai prévu : l'accompagnement s'est terminé tout seul.",
  quit: "L'application a été fermée.",
  startup:
    "L'accompagnement précédent a été effacé au démarrage. L'application s'était arrêtée avant la fin (panne, coupure ou fermeture).",
};

/** Why the previous accompaniment ended, for the mediator coming back to the counter. */
export function wipeReason(report: WipeReport): string {
  return REASONS[report.reason];
}
