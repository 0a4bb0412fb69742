import type { Handlers } from '../dispatch';
import { CounterFault } from '../errors';
import type { Services } from '../services';
import {
  applyConfigFile,
  buildConfigFile,
  CONFIG_FILE_MAX_BYTES,
  configFileName,
  configFileText,
  parseConfigFile,
  TOO_BIG,
} from './config-file';
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
  | 'config.import';

const NO_REFERENT_PIN = new CounterFault(
  'config_file_no_referent_pin',
  "Ce fichier ne contient pas le code du référent : il ne peut pas installer le poste à lui seul. Remplissez le formulaire d'installation, puis importez le fichier depuis l'espace référent (onglet Sauvegarde). Rien n'a été modifié.",
);

/**
 * Every configuration channel is for the référent (access level `referent`, checked by main/dispatch.ts); the only
 * exception, `config.import` (level `setup`): a file that carries the référent PIN may install a new station.
 */
export function configHandlers(services: Services): Pick<Handlers, ConfigChannels> {
  const { access } = services;
  const stores = (): StationStores => ({ store: access.store, config: services.config, journal: services.journal });
  const ok = { ok: true as const };
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
      // Before the first setup there is no référent yet: a file carrying the référent PIN may install the station.
      const firstStart = !access.isSetUp();
      let content = text;
      const dialogs = services.platform.configFiles;
      if (content === undefined) {
        // Desktop: an open dialog asks for the file. Web host: the renderer sent the file's text.
        const picked = dialogs ? await dialogs.open() : null;
        if (!picked) {
          if (!dialogs) throw new CounterFault('config_file_missing', 'Choisissez un fichier de configuration.');
          return { imported: false, sections: [], mediators: 0 };
        }
        if (picked.bytes > CONFIG_FILE_MAX_BYTES) throw TOO_BIG;
        content = await picked.read();
      }
      const file = parseConfigFile(content);
      if (firstStart && !file.referentPinHash) throw NO_REFERENT_PIN;
      const summary = applyConfigFile(stores(), file, access.now());
      if (firstStart) services.journal.append('station.configured', { imported: true }, 'referent');
      return { imported: true, sections: summary.sections, mediators: summary.mediators };
    },
  };
}
