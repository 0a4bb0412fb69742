/**
 * The French sentences the mediator reads when part of a wipe failed: what could not be removed, what it means,
 * what to do. Pure functions, so the wording is tested without a failing disk.
 */

const PARTICIPANT_LABELS: Record<string, string> = {
  site: 'le site officiel (connexion, cookies, historique)',
  downloads: 'les fichiers téléchargés depuis le site officiel',
  scan: 'les pièces importées',
  print: 'les reçus préparés',
  flow: 'la démarche en cours (notes, numéro de demande)',
  survey: "le journal anonyme de l'accompagnement",
};

export function participantLabel(name: string, label?: string): string {
  return label ?? PARTICIPANT_LABELS[name] ?? `la partie « ${name} » de l'application`;
}

export function persistFailed(label: string): string {
  return `L'enregistrement anonyme n'a pas pu être fait (${label}). Les données de l'usager sont quand même effacées. Prévenez le référent numérique.`;
}

export function clearFailed(label: string, detail?: string): string {
  const why = detail ? ` (${detail})` : '';
  return `Effacement incomplet : ${label}${why}. Des données de l'usager sont peut-être encore sur le poste. Ne commencez pas d'autre accompagnement : redémarrez le poste, l'effacement sera refait au démarrage. Si le message revient, prévenez le référent numérique.`;
}

/** A part cleared, but its own check still finds something of the session (the detail says what, and what to do). */
export function stillHeld(label: string, detail: string): string {
  return `Effacement incomplet : ${label} (${detail}). Des données de l'usager sont peut-être encore sur le poste. Ne commencez pas d'autre accompagnement avant d'avoir réglé ce point. Si le message revient, prévenez le référent numérique.`;
}

export function fileNotRemoved(paths: string[]): string {
  const shown = paths.slice(0, 5).map((path) => `« ${path} »`);
  const more = paths.length > 5 ? ` et ${paths.length - 5} autre(s)` : '';
  const which = paths.length > 1 ? `Ces fichiers n'ont pas pu être effacés` : `Ce fichier n'a pas pu être effacé`;
  return `${which} : ${shown.join(', ')}${more}. Un autre programme les utilise peut-être (antivirus, visionneuse, sauvegarde). Leur contenu est chiffré et la clé est oubliée : personne ne peut le lire. Fermez les autres programmes puis redémarrez le poste : ils seront effacés au démarrage. Si le message revient, prévenez le référent numérique.`;
}

export const CHECKPOINT_FAILED =
  "La base du poste n'a pas pu être compactée après l'effacement. Aucune donnée personnelle n'y est enregistrée ; prévenez le référent numérique si le message revient.";

export const CLIPBOARD_FAILED =
  "Le presse-papiers n'a pas pu être vidé. Copiez un mot sans importance (par exemple « bonjour ») pour remplacer ce qui y reste.";

export const RENDERER_FAILED =
  "L'écran n'a pas pu être remplacé. Fermez puis rouvrez l'application avant l'usager suivant.";
