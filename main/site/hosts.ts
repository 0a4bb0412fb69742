/**
 * The hosts the official-site panel may show: the starting allowlist of the domain notes (a host also allows its
 * subdomains, see isAllowlistedHttpsUrl) plus the hosts the référent adds (config section 'site').
 * The identity providers FranceConnect sends to and the State's card-payment pages are not confirmed: the
 * référent extends the list when a counter meets one (shared/domain/demarches.md marks them unsure).
 */
export const BUILT_IN_SITE_HOSTS: readonly string[] = [
  // ANTS / France Titres: immatriculation., permisdeconduire., passeport., moncompte. are subdomains.
  'ants.gouv.fr',
  // FranceConnect and app.franceconnect.gouv.fr.
  'franceconnect.gouv.fr',
  // Identity providers reached through FranceConnect (unsure: exact hosts).
  'impots.gouv.fr',
  'ameli.fr',
  'laposte.fr',
  'msa.fr',
  'identite-numerique.fr',
  'service-public.fr',
  'histovec.interieur.gouv.fr',
  // ANEF (titres de séjour, naturalisation): the foreigners' téléservice of the ministry of the Interior.
  'administration-etrangers-en-france.interieur.gouv.fr',
  // Solde de points (Mes points permis).
  'mespoints.permisdeconduire.gouv.fr',
  // Orientation entries (where to go): fines, Crit'Air, CAF, retraite, France Travail; CPAM is ameli.fr above,
  // impôts is impots.gouv.fr above.
  'antai.gouv.fr',
  'certificat-air.gouv.fr',
  'caf.fr',
  'info-retraite.fr',
  'francetravail.fr',
  // Electronic tax stamps (timbres fiscaux); a subdomain of impots.gouv.fr, kept explicit for readers.
  'timbres.impots.gouv.fr',
];

export function siteHosts(extraHosts: readonly string[]): string[] {
  return [...new Set([...BUILT_IN_SITE_HOSTS, ...extraHosts.map((host) => host.toLowerCase())])];
}
