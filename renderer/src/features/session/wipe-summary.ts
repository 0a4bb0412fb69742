import type { WipeReport } from '../../../../preload/api';

/** The figures of a wipe report in one French sentence for the home screen. */
export function wipeSummary(report: WipeReport): string {
  const files = report.removed.files;
  const size = formatBytes(report.removed.bytes);
  const what = files === 0 ? 'Aucun fichier' : files === 1 ? `1 fichier (${size})` : `${files} fichiers (${size})`;
  if (report.reason === 'startup') {
    // The start-up sweep only removes files: their content was encrypted with a key lost when the app stopped.
    return `${what} chiffré${files > 1 ? 's' : ''} supprimé${files > 1 ? 's' : ''}. Personne ne pouvait les lire.`;
  }
  const parts = report.removed.participants.length;
  const ms = Math.round(report.durationMs);
  const check = report.verification.ok ? 'la vérification ne trouve plus rien' : 'la vérification a trouvé des restes';
  return `${what} supprimé${files > 1 ? 's' : ''}, ${parts} partie${parts > 1 ? 's' : ''} de l'application vidée${
    parts > 1 ? 's' : ''
  }, en ${ms} ms ; ${check}.`;
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
