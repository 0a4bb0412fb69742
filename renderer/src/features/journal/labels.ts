/** French names of the journal's event codes (main/journal/codes.ts); an unknown code shows as itself. */
export const JOURNAL_LABELS: Record<string, string> = {
  'station.configured': 'Poste installé',
  'config.changed': 'Configuration modifiée',
  'config.exported': 'Configuration exportée',
  'config.imported': 'Configuration importée',
  'mediator.added': 'Médiateur ajouté',
  'mediator.changed': 'Médiateur modifié',
  'mediator.signed_in': 'Connexion d’un médiateur',
  'mediator.signed_out': 'Déconnexion d’un médiateur',
  'mediator.locked_out': 'Médiateur bloqué (codes incorrects)',
  'referent.signed_in': 'Connexion du référent',
  'referent.signed_out': 'Espace référent fermé',
  'referent.locked_out': 'Code du référent bloqué (codes incorrects)',
  'session.opened': 'Accompagnement commencé',
  'session.closed': 'Accompagnement terminé',
  'session.idle_timeout': 'Fin pour inactivité',
  'wipe.completed': 'Effacement terminé',
  'wipe.failed': 'Effacement incomplet',
  'wipe.startup_leftover': 'Restes effacés au démarrage',
  'receipt.printed': 'Reçu imprimé',
  'receipt.print_failed': 'Échec d’impression du reçu',
  'export.made': 'Export des statistiques',
  'retention.purged': 'Purge des anciennes données',
  'scan.delete_failed': 'Scan non supprimé du dossier de numérisation',
  'scanner.refused': 'Scanner réseau refusé (autre appareil ou certificat changé)',
};

const DETAIL_LABELS: Record<string, string> = {
  section: 'partie',
  sections: 'parties',
  mediator: 'médiateur n°',
  mediators: 'médiateurs',
  active: 'actif',
  pin: 'code',
  pins: 'avec les codes',
  referentPin: 'code du référent',
  lockouts: 'blocages',
  imported: 'par fichier',
  reason: 'motif',
  minutes: 'minutes',
};

export function describeDetails(details: Record<string, number | boolean | string>): string {
  return Object.entries(details)
    .map(([key, value]) => `${DETAIL_LABELS[key] ?? key} : ${value === true ? 'oui' : value === false ? 'non' : value}`)
    .join(', ');
}
