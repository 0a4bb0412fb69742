import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../main/app/resources-dir';
import { useTempDir } from '../../helpers/temp-dir';
import { openHostileStation, type HostileStation } from './hostile-station';

/**
 * Issue 17, point 1: configuration files a référent may be handed (or a hostile one), imported through the real
 * handlers on a real station: each is refused with its French message, and NOTHING changes in station.db. The same
 * values saved from the référent's forms (config.saveSections) are refused the same way: one guard for both.
 */
const tempDir = useTempDir('pn-hostile-');
let station: HostileStation | undefined;

afterEach(() => {
  station?.services.close();
  station = undefined;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases break an exported file on purpose
type FileJson = Record<string, any>;

interface Paths {
  dataDir: string;
  outside: string;
}

interface HostileCase {
  what: string;
  /** Sections merged into the file's configuration (and saved through config.saveSections too). */
  sections?: (paths: Paths) => Record<string, Record<string, unknown>>;
  /** Other changes to the whole file (PIN hashes). */
  mutate?: (file: FileJson) => void;
  message: RegExp;
}

const official = JSON.parse(readFileSync(join(resourcesDir(), 'demarches', 'permis-duplicata.json'), 'utf8')) as {
  id: string;
};
const salt = Buffer.alloc(16, 1).toString('base64');
const key = Buffer.alloc(32, 2).toString('base64');

const CASES: HostileCase[] = [
  {
    what: 'a look-alike allowlisted host (ants.gouv.fr.evil.com)',
    sections: () => ({ site: { extraHosts: ['ants.gouv.fr.evil.com'] } }),
    message: /« Sites autorisés en plus ».*pas sous un domaine officiel/,
  },
  {
    what: 'a host that only ends like an official one (evilgouv.fr)',
    sections: () => ({ site: { extraHosts: ['evilgouv.fr'] } }),
    message: /pas sous un domaine officiel/,
  },
  {
    what: 'a look-alike host passed off as an exception',
    sections: () => ({ site: { exceptionHosts: ['permisdeconduire.ants.gouv.fr.example.com'] } }),
    message: /« Sites autorisés par exception.*imite le nom d'un site officiel/,
  },
  {
    what: 'an official démarche hidden behind a same-titled local one',
    sections: () => ({
      demarches: { hidden: [official.id], local: [{ ...official, id: 'permis-duplicata-bis' }] },
    }),
    message: /« Démarches locales ».*titre d'une démarche officielle masquée/,
  },
  {
    what: 'a printer that is a regular file',
    sections: ({ outside }) => ({ printer: { interface: join(outside, 'receipt.txt') } }),
    message: /« Adresse de l'imprimante ».*mène à un fichier/,
  },
  {
    what: 'station.db as the printer',
    sections: ({ dataDir }) => ({ printer: { interface: join(dataDir, 'station.db') } }),
    message: /« Adresse de l'imprimante ».*dossier de données du poste/,
  },
  {
    what: 'a printer path inside the data dir (that does not exist yet)',
    sections: ({ dataDir }) => ({ printer: { interface: join(dataDir, 'sessions', 'lp0') } }),
    message: /dossier de données du poste/,
  },
  {
    what: 'a printer link that leads to station.db',
    sections: ({ outside }) => ({ printer: { interface: join(outside, 'lp-link') } }),
    message: /dossier de données du poste/,
  },
  {
    what: 'a relative printer path',
    sections: () => ({ printer: { interface: 'recu.txt' } }),
    message: /pas l'adresse d'une imprimante/,
  },
  {
    what: 'the data dir as scan folder',
    sections: ({ dataDir }) => ({ scan: { folder: dataDir } }),
    message: /« Dossier du scanner ».*dossier de données du poste/,
  },
  {
    what: 'a scan folder inside the data dir',
    sections: ({ dataDir }) => ({ scan: { folder: join(dataDir, 'logs') } }),
    message: /dossier de données du poste/,
  },
  {
    what: 'a parent of the data dir as scan folder',
    sections: ({ dataDir }) => ({ scan: { folder: dirname(dataDir) } }),
    message: /dossier de données du poste/,
  },
  { what: '/etc as scan folder', sections: () => ({ scan: { folder: '/etc' } }), message: /dossier du système/ },
  { what: '/ as scan folder', sections: () => ({ scan: { folder: '/' } }), message: /dossier du système/ },
  {
    what: "the app's resources as scan folder",
    sections: () => ({ scan: { folder: join(resourcesDir(), 'demarches') } }),
    message: /dossier du système ou de l'application/,
  },
  {
    what: 'the home folder itself as scan folder',
    sections: () => ({ scan: { folder: homedir() } }),
    message: /dossier personnel|dossier du système/,
  },
  {
    what: 'a référent PIN hash of an unknown cost (N = 2^20)',
    mutate: (f) => void (f.referentPinHash = `scrypt$1048576$8$1$${salt}$${key}`),
    message: /referentPinHash/,
  },
  {
    what: 'a mediator PIN hash of another format',
    mutate: (f) => void (f.mediators = [{ pseudonym: 'Lou', active: true, pinHash: `bcrypt$10$${salt}${key}` }]),
    message: /mediators\.0\.pinHash/,
  },
  {
    what: 'a PIN in clear instead of its hash',
    mutate: (f) => void (f.referentPinHash = '24681357'),
    message: /referentPinHash/,
  },
];

async function prepare(): Promise<{ s: HostileStation; paths: Paths; base: FileJson; files: string }> {
  // Nested, as in the app (…/Point numérique/station): its parent is an ordinary folder, not /tmp.
  const dataDir = join(tempDir(), 'station');
  mkdirSync(dataDir);
  const outside = tempDir();
  const files = tempDir();
  const scans = join(outside, 'scans');
  mkdirSync(scans);
  writeFileSync(join(outside, 'receipt.txt'), 'contenu à garder');
  symlinkSync(join(dataDir, 'station.db'), join(outside, 'lp-link'));
  const s = await openHostileStation(dataDir, files, {
    config: { printer: { enabled: true, interface: 'tcp://10.0.0.7:9100' }, scan: { folder: scans } },
  });
  station = s;
  expect(await s.call('config.export', { includePins: false })).toMatchObject({ ok: true });
  const base = JSON.parse(readFileSync(s.saved(), 'utf8')) as FileJson;
  return { s, paths: { dataDir, outside }, base, files };
}

function hostileFile(base: FileJson, paths: Paths, hostile: HostileCase): FileJson {
  const file = structuredClone(base);
  for (const [name, fields] of Object.entries(hostile.sections?.(paths) ?? {})) {
    file.config[name] = { ...file.config[name], ...fields };
  }
  hostile.mutate?.(file);
  return file;
}

describe('hostile configuration files', () => {
  for (const hostile of CASES) {
    it(`refuses ${hostile.what}, says why in French, and changes nothing in station.db`, async () => {
      const { s, paths, base, files } = await prepare();
      const path = join(files, 'hostile.json');
      writeFileSync(path, JSON.stringify(hostileFile(base, paths, hostile), null, 2));
      const before = s.snapshot();
      s.pick(path);
      const result = await s.call('config.previewImport', {});
      expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^config_file_/) } });
      if (!result.ok) {
        expect(result.error.message).toMatch(hostile.message);
        expect(result.error.message).toContain("Rien n'a été modifié");
      }
      expect(s.snapshot()).toBe(before);
      expect(readFileSync(join(paths.outside, 'receipt.txt'), 'utf8')).toBe('contenu à garder');
      expect(s.services.config.section('printer').interface).toBe('tcp://10.0.0.7:9100');
    });

    if (!hostile.sections) continue;
    it(`refuses ${hostile.what} saved from the référent's forms too`, async () => {
      const { s, paths } = await prepare();
      const before = s.snapshot();
      const result = await s.call('config.saveSections', { sections: hostile.sections!(paths) });
      expect(result).toMatchObject({ ok: false, error: { code: 'config_unsafe' } });
      if (!result.ok) expect(result.error.message).toMatch(hostile.message);
      expect(s.snapshot()).toBe(before);
    });
  }

  it('accepts a file saved with a UTF-8 byte-order mark (Windows Notepad), after the confirmation', async () => {
    const { s, base, files } = await prepare();
    const file = structuredClone(base);
    file.config.station.name = 'Sous-préfecture de Sarrebourg';
    const path = join(files, 'bom.json');
    writeFileSync(path, '\uFEFF' + JSON.stringify(file, null, 2), 'utf8');
    expect(readFileSync(path)[0]).toBe(0xef);
    s.pick(path);
    const before = s.snapshot();
    const preview = await s.call('config.previewImport', {});
    expect(preview).toMatchObject({ ok: true, value: { picked: true } });
    // The preview alone writes nothing.
    expect(s.snapshot()).toBe(before);
    const token = preview.ok ? (preview.value as { token: string }).token : '';
    expect(await s.call('config.applyImport', { token })).toMatchObject({ ok: true, value: { imported: true } });
    expect(s.services.config.section('station').name).toBe('Sous-préfecture de Sarrebourg');
    expect(s.snapshot()).not.toBe(before);
  });

  it('imports a site outside the official domains only as an exception, shown with a warning first', async () => {
    const { s, base, files } = await prepare();
    const file = structuredClone(base);
    file.config.site.exceptionHosts = ['paiement.example.org'];
    const path = join(files, 'exception.json');
    writeFileSync(path, JSON.stringify(file));
    s.pick(path);
    const preview = await s.call('config.previewImport', {});
    expect(preview).toMatchObject({
      ok: true,
      value: {
        warnings: [expect.stringContaining("« paiement.example.org » n'est pas sous un domaine officiel")],
        sections: [{ section: 'site', changes: [{ field: 'site.exceptionHosts', after: 'paiement.example.org' }] }],
      },
    });
    // No PIN hash ever shows in a preview.
    expect(JSON.stringify(preview)).not.toMatch(/scrypt/);
    const token = preview.ok ? (preview.value as { token: string }).token : '';
    expect(await s.call('config.applyImport', { token })).toMatchObject({ ok: true });
    expect(s.services.site.allowedHosts()).toContain('paiement.example.org');
    // The token is used up: a second confirmation changes nothing.
    expect(await s.call('config.applyImport', { token })).toMatchObject({
      ok: false,
      error: { code: 'config_import_expired' },
    });
  });
});
