import type { Handlers } from '../dispatch';
import { CounterFault } from '../errors';
import type { Services } from '../services';
import {
  applyConfigFile,
  buildConfigFile,
  checkFileSafety,
  CONFIG_FILE_MAX_BYTES,
  configFileName,
  configFileText,
  parseConfigFile,
  TOO_BIG,
} from './config-file';
import { PendingImport, previewImport } from './import-preview';
import { mergeSections, type StationStores } from './setup';

type ConfigChannels =
  | 'config.get'
  | 'config.saveSections'
  | 'config.listMediators'
  | 'config.addMediator'
  | 'config.setMediatorActive'
  | 'config.resetMediatorPin'
  | 'config.changeReferentPin'
  | 'config.export'
  | 'config.import'
  | 'config.previewImport'
  | 'config.applyImport'
  | 'config.resetFields';

const NO_REFERENT_PIN = new CounterFault(
  'config_file_no_referent_pin',
  "Ce fichier ne contient pas le code du référent : il ne peut pas installer le poste à lui seul. Remplissez le formulaire d'installation, puis importez le fichier depuis l'espace référent (onglet Sauvegarde). Rien n'a été modifié.",
);

const NEEDS_PREVIEW = new CounterFault(
  'config_import_needs_preview',
  "Ce poste est déjà installé : l'import passe par l'espace référent (onglet Sauvegarde), qui montre d'abord ce qui va changer. Rien n'a été modifié.",
);

/** The file's text: sent by the renderer (web host), or asked with an open dialog (desktop); null when cancelled. */
async function readFileText(services: Services, text: string | undefined): Promise<string | null> {
  if (text !== undefined) return text;
  const dialogs = services.platform.configFiles;
  if (!dialogs) throw new CounterFault('config_file_missing', 'Choisissez un fichier de configuration.');
  const picked = await dialogs.open();
  if (!picked) return null;
  if (picked.bytes > CONFIG_FILE_MAX_BYTES) throw TOO_BIG;
  return picked.read();
}

/**
 * Every configuration channel is for the référent (access level `referent`, checked by main/dispatch.ts); the only
 * exception, `config.import` (level `setup`): a file that carries the référent PIN may install a new station.
 */
export function configHandlers(services: Services): Pick<Handlers, ConfigChannels> {
  const { access } = services;
  const stores = (): StationStores => ({ store: access.store, config: services.config, journal: services.journal });
  const ok = { ok: true as const };
  const pending = new PendingImport(() => access.now());
  return {
    'config.get': () => services.config.get(),
    'config.saveSections': ({ sections }) => {
      const merged = mergeSections(services.config, sections);
      const names = Object.keys(merged);
      // One transaction: the delays panel saves three sections, a failure must not leave one of them saved.
      const saved = services.config.setSections(merged, () => {
        for (const section of names) services.journal.append('config.changed', { section }, 'referent');
      });
      // Kiosk and start-at-login take effect now, not at the next start.
      if (names.includes('session')) services.platform.applyShellOptions?.(saved.session);
      return saved;
    },
    'config.listMediators': () => access.listMediators(),
    'config.addMediator': ({ pseudonym, pin }) => access.addMediator(pseudonym, pin),
    'config.setMediatorActive': ({ id, active }) => {
      access.setMediatorActive(id, active);
      return ok;
    },
    'config.resetMediatorPin': async ({ id, pin }) => {
      await access.resetMediatorPin(id, pin);
      return ok;
    },
    'config.changeReferentPin': async ({ pin }) => {
      await access.changeReferentPin(pin);
      return ok;
    },
    'config.export': async ({ includePins, referentPin }) => {
      // The PIN hashes leave the station only after the référent PIN is typed again (issue 16).
      if (includePins) await access.confirmReferentPin(referentPin);
      const now = access.now();
      const text = configFileText(buildConfigFile(stores(), { includePins, now }));
      const fileName = configFileName(now);
      const dialogs = services.platform.configFiles;
      // Desktop: a save dialog writes the file. Web host: the renderer downloads the text.
      const saved = dialogs ? await dialogs.save(fileName, text) : true;
      if (saved) services.journal.append('config.exported', { pins: includePins }, 'referent');
      return dialogs ? { fileName, saved } : { fileName, saved, text };
    },
    'config.import': async ({ text }) => {
      // First start only: a file carrying the référent PIN installs the station. Afterwards an import goes through
      // config.previewImport, which shows what will change, then config.applyImport.
      if (access.isSetUp()) throw NEEDS_PREVIEW;
      const content = await readFileText(services, text);
      if (content === null) return { imported: false, sections: [], mediators: 0 };
      const file = parseConfigFile(content);
      if (!file.referentPinHash) throw NO_REFERENT_PIN;
      checkFileSafety(services.config, file);
      const summary = applyConfigFile(stores(), file, access.now());
      services.journal.append('station.configured', { imported: true }, 'referent');
      return { imported: true, sections: summary.sections, mediators: summary.mediators };
    },
    'config.previewImport': async ({ text }) => {
      const content = await readFileText(services, text);
      if (content === null) return { picked: false, sections: [], accounts: [], warnings: [] };
      const file = parseConfigFile(content);
      checkFileSafety(services.config, file);
      return { picked: true, token: pending.hold(file), ...previewImport(stores(), file) };
    },
    'config.applyImport': ({ token }) => {
      const file = pending.take(token);
      // Checked again: the station may have changed since the preview (another save, a folder made).
      checkFileSafety(services.config, file);
      const summary = applyConfigFile(stores(), file, access.now());
      return { imported: true, sections: summary.sections, mediators: summary.mediators };
    },
    'config.resetFields': () => services.config.resetFields(),
  };
}
