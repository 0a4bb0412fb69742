import type { z } from 'zod';

/** French names of the fields the référent sees, so an error points to something they recognise. */
const FIELD_LABELS: Record<string, string> = {
  'station.name': 'Nom du poste',
  'station.type': 'Type de lieu',
  'station.commune': 'Commune',
  'station.departement': 'Département',
  'station.contactPhone': 'Numéro de téléphone donné aux usagers',
  'station.timeZone': 'Fuseau horaire du poste',
  'printer.enabled': 'Imprimante utilisée',
  'printer.type': "Type d'imprimante",
  'printer.interface': "Adresse de l'imprimante",
  'printer.width': 'Largeur du papier',
  'printer.characterSet': 'Jeu de caractères',
  'printer.qrMode': 'Impression du code QR',
  'printer.timeoutMs': "Délai d'attente de l'imprimante",
  'printer.askStatus': "Demander l'état de l'imprimante (papier, capot)",
  'printer.a4Printer': 'Imprimante A4 du système',
  'scan.folder': 'Dossier du scanner',
  'scan.usePolling': 'Surveillance par relecture du dossier',
  'scan.maxUploadBytes': "Taille maximale d'un fichier",
  'scan.maxInputBytes': "Taille maximale d'un fichier reçu du scanner",
  'scan.maxPixels': "Nombre maximal de pixels d'une image",
  'scan.maxPages': 'Nombre maximal de pages',
  'scan.quietSeconds': "Délai avant la lecture d'un scan (secondes)",
  'scanner.address': 'Adresse du scanner réseau',
  'scanner.uuid': 'Identifiant du scanner réseau',
  'scanner.name': 'Nom du scanner réseau',
  'scanner.fingerprint': 'Empreinte du certificat du scanner réseau',
  'scanner.pageTimeoutSeconds': "Délai d'attente d'une page (secondes)",
  'session.idleMinutes': "Délai d'inactivité (minutes)",
  'session.idleWarningSeconds': "Durée de l'avertissement d'inactivité (secondes)",
  'session.referentIdleMinutes': "Fermeture de l'espace référent sans action (minutes)",
  'session.kiosk': 'Mode plein écran verrouillé',
  'session.openAtLogin': "Ouverture au démarrage de l'ordinateur",
  'demarches.hidden': 'Démarches masquées',
  'demarches.local': 'Démarches locales',
  'site.extraHosts': 'Sites autorisés en plus',
  'site.exceptionHosts': 'Sites autorisés par exception (hors domaines officiels)',
  'site.maxDownloadMegabytes': "Taille maximale d'un téléchargement du site officiel (Mo)",
  'survey.enabled': 'Questionnaire de satisfaction',
  'survey.askRecommendation': 'Question de recommandation',
  'retention.months': 'Durée de conservation (mois)',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'oui/non (true ou false)',
  array: 'une liste',
  object: 'un groupe de champs',
  null: 'vide (null)',
};

/** The French label of `printer.width`, or the dotted name when it has none. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** "config.printer.width" → « Largeur du papier » (config.printer.width). */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  const dotted = path.map(String).join('.');
  const withoutRoot = path[0] === 'config' ? path.slice(1).map(String).join('.') : dotted;
  const key = withoutRoot.replace(/\.\d+$/, '');
  const label = FIELD_LABELS[key];
  if (!dotted) return 'le fichier';
  return label ? `« ${label} » (${dotted})` : `« ${dotted} »`;
}

/** One French sentence for one zod issue: which field, what is wrong. */
export function describeIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): string {
  const path = [...prefix, ...issue.path];
  const where = fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `« ${[...path, key].map(String).join('.')} »`).join(', ');
      return issue.keys.length > 1
        ? `Les champs ${keys} sont inconnus : retirez-les du fichier.`
        : `Le champ ${keys} est inconnu : retirez-le du fichier.`;
    }
    case 'invalid_type': {
      const missing = 'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);
      if (missing) return `Le champ ${where} manque.`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `Le champ ${where} n'a pas le bon type : il faut ${expected}.`;
    }
    case 'invalid_value':
      return `Le champ ${where} a une valeur non permise. Valeurs possibles : ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union':
      return `Le champ ${where} a une valeur non permise.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Le champ ${where} est trop court (au moins ${issue.minimum} caractère${Number(issue.minimum) > 1 ? 's' : ''}).`
        : issue.origin === 'array'
          ? `Le champ ${where} doit contenir au moins ${issue.minimum} élément(s).`
          : `Le champ ${where} est trop petit (au moins ${issue.minimum}).`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Le champ ${where} est trop long (au plus ${issue.maximum} caractères).`
        : issue.origin === 'array'
          ? `Le champ ${where} contient trop d'éléments (au plus ${issue.maximum}).`
          : `Le champ ${where} est trop grand (au plus ${issue.maximum}).`;
    case 'invalid_format':
      return `Le champ ${where} n'a pas la bonne forme.`;
    case 'not_multiple_of':
      return `Le champ ${where} n'a pas une valeur permise.`;
    default:
      return `Le champ ${where} n'est pas valide.`;
  }
}

/** Up to three issues, joined: enough to fix the file without drowning the référent. */
export function describeIssues(error: z.ZodError, prefix: PropertyKey[] = []): string {
  const lines = error.issues.slice(0, 3).map((issue) => describeIssue(issue, prefix));
  const more = error.issues.length > 3 ? ` (et ${error.issues.length - 3} autre(s) erreur(s))` : '';
  return lines.join(' ') + more;
}
