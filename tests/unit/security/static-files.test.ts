import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../main/security/static-files';
import { isAllowlistedHttpsUrl, isAppUrl } from '../../../main/security/navigation';
import { contentSecurityPolicy } from '../../../main/security/csp';

describe('serving the renderer', () => {
  const root = '/app/out/renderer';
  it('maps paths inside the renderer folder, index.html by default', () => {
    expect(resolveStaticPath(root, '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index.js?v=1')).toBe('/app/out/renderer/assets/index.js');
  });
  it('refuses path traversal, encoded or not', () => {
    for (const attempt of [
      '/../main/index.js',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fsecret',
      '/a%00b',
      '/..\\x',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, attempt)).toBeNull();
    }
  });
});

describe('navigation guards', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://point-numerique/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://point-numerique/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
  it('allows https hosts of the allowlist and their subdomains only', () => {
    const hosts = ['ants.gouv.fr', 'franceconnect.gouv.fr'];
    expect(isAllowlistedHttpsUrl('https://immatriculation.ants.gouv.fr/demarche', hosts)).toBe(true);
    expect(isAllowlistedHttpsUrl('https://ants.gouv.fr/', hosts)).toBe(true);
    expect(isAllowlistedHttpsUrl('http://ants.gouv.fr/', hosts)).toBe(false);
    expect(isAllowlistedHttpsUrl('https://ants.gouv.fr.evil.com/', hosts)).toBe(false);
    expect(isAllowlistedHttpsUrl('https://evilants.gouv.fr/', hosts)).toBe(false);
    expect(isAllowlistedHttpsUrl('https://user:pw@ants.gouv.fr/', hosts)).toBe(false);
  });
  it('sends a CSP with no inline script and no remote origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
