import type { ConfigSectionName, StationConfig } from '../../preload/contract/config-sections';
import { isOfficialHost, OFFICIAL_HOST_SUFFIXES } from '../site/hosts';
import type { FieldProblem, GuardContext } from './guard-context';
import { checkPrinterInterface } from './printer-device';
import { checkScanFolder } from './scan-folder-rules';

/**
 * The one check that configuration values are safe, not only well-formed (issue 17). The schema of
 * preload/contract/config-sections.ts says a value has the right shape; this says it does no harm on this station.
 * Used by every save, every import (main/config/config-store.ts) and every read of a stored section.
 * Reasons never repeat the value: they go to the log too.
 */
export class ConfigGuard {
  constructor(readonly context: GuardContext) {}

  check<S extends ConfigSectionName>(name: S, value: StationConfig[S]): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const say = (field: string, problem: { code: string; reason: string } | null) => {
      if (problem) problems.push({ field: `${name}.${field}`, ...problem });
    };
    if (name === 'printer') {
      say('interface', checkPrinterInterface((value as StationConfig['printer']).interface, this.context));
    } else if (name === 'scan') {
      say('folder', checkScanFolder((value as StationConfig['scan']).folder, this.context));
    } else if (name === 'site') {
      say('extraHosts', checkOfficialHosts((value as StationConfig['site']).extraHosts));
      say('exceptionHosts', checkExceptionHosts((value as StationConfig['site']).exceptionHosts));
    } else if (name === 'demarches') {
      say('local', this.checkLocalTitles(value as StationConfig['demarches']));
    }
    return problems;
  }

  /** A local démarche may carry an official one's title only while the official one is shown beside it. */
  private checkLocalTitles(section: StationConfig['demarches']): { code: string; reason: string } | null {
    const official = this.context.officialDemarches?.() ?? [];
    const hidden = new Set(section.hidden);
    const hiddenTitles = new Set(official.filter((d) => hidden.has(d.id)).map((d) => comparable(d.title)));
    const replaces = section.local.some((entry) => {
      const title = (entry as { title?: unknown } | null)?.title;
      return typeof title === 'string' && hiddenTitles.has(comparable(title));
    });
    if (!replaces) return null;
    return {
      code: 'demarche_replaces_official',
      reason:
        "une démarche locale porte le titre d'une démarche officielle masquée : elle la remplacerait sans que le médiateur le voie. Donnez-lui un autre titre, ou ne masquez pas la démarche officielle.",
    };
  }
}

function checkOfficialHosts(hosts: readonly string[]): { code: string; reason: string } | null {
  const outside = hosts.filter((host) => !isOfficialHost(host)).length;
  if (outside === 0) return null;
  return {
    code: 'host_not_official',
    reason: `${outside === 1 ? 'un site de la liste n’est' : `${outside} sites de la liste ne sont`} pas sous un domaine officiel (${OFFICIAL_HOST_SUFFIXES.slice(0, 6).join(', ')}…). Un autre site ne peut être ajouté que comme exception (« Sites autorisés par exception »), signalée au médiateur.`,
  };
}

/** An exception is a deliberate outside site, never one dressed as an official name (ants.gouv.fr.evil.com). */
function checkExceptionHosts(hosts: readonly string[]): { code: string; reason: string } | null {
  const lookAlike = hosts.some((host) => !isOfficialHost(host) && looksOfficial(host));
  if (!lookAlike) return null;
  return {
    code: 'host_look_alike',
    reason:
      "un site de la liste imite le nom d'un site officiel sans en être un (par exemple ants.gouv.fr.autre-site.com) : il est refusé, même comme exception.",
  };
}

function looksOfficial(host: string): boolean {
  const bare = host.toLowerCase();
  return bare.includes('gouv') || OFFICIAL_HOST_SUFFIXES.some((suffix) => bare.includes(suffix));
}

/** Titles compared without case, accents or extra spaces: « Permis  de conduire » is « permis de conduire ». */
export function comparable(title: string): string {
  return title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
