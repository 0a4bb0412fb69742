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

/**
 * The official suffixes: the one table a host must fall under to be allowlisted without an explicit exception
 * (config section 'site': `extraHosts` only under these, anything else in `exceptionHosts`, shown with a warning).
 * Every built-in host above falls under one (tests/unit/site/official-hosts.test.ts).
 */
export const OFFICIAL_HOST_SUFFIXES: readonly string[] = [
  // The State: ministries, ANTS, préfectures (vaucluse.gouv.fr…), impots, antai, certificat-air, histovec…
  'gouv.fr',
  'ants.gouv.fr',
  'interieur.gouv.fr',
  'franceconnect.gouv.fr',
  'franceconnect.fr',
  'service-public.fr',
  // Public bodies whose sites are not under gouv.fr: sécurité sociale, CAF, retraite, France Travail, MSA.
  'ameli.fr',
  'caf.fr',
  'info-retraite.fr',
  'francetravail.fr',
  'msa.fr',
  // FranceConnect identity providers (La Poste's L'Identité Numérique).
  'laposte.fr',
  'identite-numerique.fr',
];

/** `*.ants.gouv.fr` → `ants.gouv.fr`; lower case, no trailing dot. */
export function bareHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/** On label boundaries: `x.ants.gouv.fr` is official, `ants.gouv.fr.evil.com` and `evilgouv.fr` are not. */
export function isOfficialHost(host: string): boolean {
  const bare = bareHost(host);
  return OFFICIAL_HOST_SUFFIXES.some((suffix) => bare === suffix || bare.endsWith(`.${suffix}`));
}

/** Built-in hosts, the référent's official extra hosts and the hosts marked as exceptions. */
export function siteHosts(extraHosts: readonly string[], exceptionHosts: readonly string[] = []): string[] {
  return [
    ...new Set([...BUILT_IN_SITE_HOSTS, ...[...extraHosts, ...exceptionHosts].map((host) => host.toLowerCase())]),
  ];
}

/** True when the URL's host is reached only through a référent exception (the mediator sees it marked). */
export function isExceptionUrl(url: string, exceptionHosts: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (isOfficialHost(host) || BUILT_IN_SITE_HOSTS.some((b) => host === b || host.endsWith(`.${b}`))) return false;
  return exceptionHosts.some((e) => host === bareHost(e) || host.endsWith(`.${bareHost(e)}`));
}
