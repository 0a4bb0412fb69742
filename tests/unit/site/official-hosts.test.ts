import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../main/app/resources-dir';
import { BUILT_IN_SITE_HOSTS, isExceptionUrl, isOfficialHost } from '../../../main/site/hosts';

/** Every https address of the built-in catalog: start pages, follow-ups, steps' sites. */
function catalogHosts(): string[] {
  const dir = join(resourcesDir(), 'demarches');
  const hosts = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const d = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      startUrl: string;
      followUp: { url: string };
      steps: Array<{ site?: string }>;
    };
    for (const url of [d.startUrl, d.followUp.url, ...d.steps.flatMap((s) => (s.site ? [s.site] : []))]) {
      hosts.add(new URL(url).hostname);
    }
  }
  return [...hosts];
}

describe('the official host suffixes (one table, main/site/hosts.ts)', () => {
  it('cover every built-in allowlisted host and every host the built-in catalog opens', () => {
    const hosts = [...BUILT_IN_SITE_HOSTS, ...catalogHosts()];
    expect(hosts.length).toBeGreaterThan(15);
    expect(hosts.filter((host) => !isOfficialHost(host))).toEqual([]);
  });

  it.each([
    ['ants.gouv.fr', true],
    ['permisdeconduire.ants.gouv.fr', true],
    ['*.interieur.gouv.fr', true],
    ['app.franceconnect.gouv.fr', true],
    ['www.service-public.fr', true],
    ['ANTS.GOUV.FR.', true],
    ['ants.gouv.fr.evil.com', false],
    ['evilgouv.fr', false],
    ['gouv.fr-paiement.com', false],
    ['service-public.fr.example.org', false],
    ['notameli.fr', false],
    ['fr', false],
  ])('%s is official: %s (label boundaries)', (host, official) => {
    expect(isOfficialHost(host)).toBe(official);
  });

  it('marks a page reached only through a référent exception', () => {
    expect(isExceptionUrl('https://paiement.example.org/x', ['paiement.example.org'])).toBe(true);
    expect(isExceptionUrl('https://sub.paiement.example.org/', ['*.paiement.example.org'])).toBe(true);
    expect(isExceptionUrl('https://permisdeconduire.ants.gouv.fr/', ['paiement.example.org'])).toBe(false);
    expect(isExceptionUrl('pas une adresse', ['paiement.example.org'])).toBe(false);
  });
});
