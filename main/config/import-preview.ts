import { randomUUID } from 'node:crypto';
import type { ImportPreview } from '../../preload/contract/config';
import {
  StationConfigSchema,
  type ConfigSectionName,
  type StationConfig,
} from '../../preload/contract/config-sections';
import { CounterFault } from '../errors';
import type { ConfigFile } from './config-file';
import { fieldLabel } from './field-errors';
import type { StationStores } from './setup';

/** French names of the sections, for the preview's headings. */
const SECTION_LABELS: Record<ConfigSectionName, string> = {
  station: 'Poste',
  printer: 'Imprimante de reçus',
  scan: 'Dossier du scanner',
  scanner: 'Scanner réseau',
  session: 'Délais et verrouillage',
  demarches: 'Démarches',
  site: 'Sites autorisés',
  survey: 'Questionnaire de satisfaction',
  retention: 'Conservation des statistiques',
};

/** A value as the référent reads it: oui/non, (vide), a list's items, a count for local démarches. */
export function shownValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'demarches.local' && Array.isArray(value)) {
    const titles = value
      .map((entry) => (entry as { title?: unknown } | null)?.title)
      .filter((t) => typeof t === 'string');
    return value.length === 0
      ? '(aucune)'
      : `${value.length} démarche(s) locale(s) : ${titles.join(', ')}`.slice(0, 500);
  }
  if (Array.isArray(value)) return value.length === 0 ? '(aucun)' : value.map(String).join(', ').slice(0, 500);
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 500);
  return String(value).slice(0, 500);
}

/** What importing `file` would change; reads only. */
export function previewImport(
  { store, config }: Pick<StationStores, 'store' | 'config'>,
  file: ConfigFile,
): Omit<ImportPreview, 'picked' | 'token'> {
  const sections: ImportPreview['sections'] = [];
  for (const name of Object.keys(file.config) as ConfigSectionName[]) {
    if (file.config[name] === undefined) continue;
    const before = config.section(name) as Record<string, unknown>;
    const after = StationConfigSchema.shape[name].parse(file.config[name]) as Record<string, unknown>;
    const changes = Object.keys(after)
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => {
        const field = `${name}.${key}`;
        return {
          field,
          label: fieldLabel(field),
          before: shownValue(field, before[key]),
          after: shownValue(field, after[key]),
        };
      });
    if (changes.length > 0) sections.push({ section: name, label: SECTION_LABELS[name], changes });
  }
  const accounts: string[] = [];
  if (file.referentPinHash) {
    accounts.push(
      store.referent()
        ? 'Le code du référent sera remplacé par celui du fichier : notez-le avant de confirmer.'
        : 'Le code du référent sera celui du fichier.',
    );
  }
  for (const mediator of file.mediators ?? []) {
    const state = mediator.active ? '' : ' (désactivé)';
    accounts.push(
      store.mediatorByPseudonym(mediator.pseudonym)
        ? `Médiateur « ${mediator.pseudonym} » : son code sera remplacé par celui du fichier${state}.`
        : `Médiateur ajouté : « ${mediator.pseudonym} »${state}.`,
    );
  }
  const exceptions = (file.config.site as StationConfig['site'] | undefined)?.exceptionHosts ?? [];
  const warnings = exceptions.map(
    (host) =>
      `Le site « ${host} » n'est pas sous un domaine officiel : il sera autorisé par exception, et signalé au médiateur. Vérifiez que vous en avez besoin.`,
  );
  return { sections, accounts, warnings };
}

const EXPIRED = new CounterFault(
  'config_import_expired',
  "Cet aperçu de l'import n'est plus valable (il a expiré ou un autre fichier a été choisi). Choisissez le fichier à nouveau. Rien n'a été modifié.",
);
const PREVIEW_MINUTES = 10;

/** The one file read by the last preview, until it is applied, replaced or expired. Memory only. */
export class PendingImport {
  private pending: { token: string; file: ConfigFile; until: number } | null = null;

  constructor(private readonly now: () => Date) {}

  hold(file: ConfigFile): string {
    const token = randomUUID();
    this.pending = { token, file, until: this.now().getTime() + PREVIEW_MINUTES * 60_000 };
    return token;
  }

  /** The held file, once: a second apply of the same token is refused. */
  take(token: string): ConfigFile {
    const pending = this.pending;
    if (!pending || pending.token !== token || this.now().getTime() > pending.until) throw EXPIRED;
    this.pending = null;
    return pending.file;
  }

  drop(): void {
    this.pending = null;
  }
}
