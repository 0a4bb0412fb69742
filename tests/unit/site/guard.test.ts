import { describe, expect, it } from 'vitest';
import { decideNavigation, decideSitePermission, decideWindowOpen } from '../../../main/site/guard';
import { BUILT_IN_SITE_HOSTS, siteHosts } from '../../../main/site/hosts';

const hosts = BUILT_IN_SITE_HOSTS;

describe('official-site allowlist', () => {
  it('allows the ANTS, FranceConnect and other hosts of the domain notes, with their subdomains', () => {
    for (const url of [
      'https://immatriculation.ants.gouv.fr/',
      'https://permisdeconduire.ants.gouv.fr/demarches',
      'https://passeport.ants.gouv.fr/',
      'https://moncompte.ants.gouv.fr/connexion',
      'https://app.franceconnect.gouv.fr/api/v1/authorize?x=1',
      'https://histovec.interieur.gouv.fr/',
      'https://timbres.impots.gouv.fr/',
      'https://www.service-public.fr/particuliers/vosdroits/F33640',
    ]) {
      expect(decideNavigation(url, hosts), url).toEqual({ allow: true });
    }
  });

  it('refuses other sites, look-alike hosts, plain http and credentials in the URL, with a French message', () => {
    for (const url of [
      'https://example.com/',
      'https://ants.gouv.fr.attaquant.example/',
      'https://faux-ants.gouv.fr.example.net/',
      'http://immatriculation.ants.gouv.fr/',
      'https://user:pass@ants.gouv.fr/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'pas une adresse',
    ]) {
      expect(decideNavigation(url, hosts).allow, url).toBe(false);
    }
    const refused = decideNavigation('https://example.com/page', hosts);
    expect(refused).toMatchObject({ allow: false, host: 'example.com' });
    expect(!refused.allow && refused.message).toMatch(
      /« example\.com » ne fait pas partie des sites officiels autorisés.*référent/,
    );
    const insecure = decideNavigation('http://ants.gouv.fr/', hosts);
    expect(!insecure.allow && insecure.message).toMatch(/pas sécurisée/);
  });

  it('adds the référent’s extra hosts', () => {
    expect(decideNavigation('https://paiement.example.org/', hosts).allow).toBe(false);
    expect(decideNavigation('https://paiement.example.org/', siteHosts(['example.org'])).allow).toBe(true);
  });

  it('opens an allowlisted window.open in the same view and refuses the others', () => {
    expect(decideWindowOpen('https://moncompte.ants.gouv.fr/', hosts)).toBe('same-view');
    expect(decideWindowOpen('https://pub.example.com/', hosts)).toBe('refuse');
  });

  it('refuses camera, microphone, location, notifications; allows only the small list', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'hid',
      'serial',
      'usb',
      'openExternal',
    ]) {
      expect(decideSitePermission(permission), permission).toBe(false);
    }
    expect(decideSitePermission('clipboard-sanitized-write')).toBe(true);
  });
});
