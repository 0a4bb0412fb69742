import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../../preload/contract/config-sections';
import { useTempDir } from '../../helpers/temp-dir';
import { openHostileStation, type HostileStation } from './hostile-station';

/**
 * Issue 17, point 2: a bad stored field (written straight into station.db, as a broken disk, an old version or a
 * hand edit would) falls back ALONE to its default; the other fields keep their stored values; the log says which
 * field and why (never the value); the référent's channel says it in French.
 */
const tempDir = useTempDir('pn-stored-');
let station: HostileStation | undefined;

afterEach(() => {
  station?.services.close();
  station = undefined;
});

/** Edits one stored section in station.db with plain SQLite, while no station holds it. */
function editStored(dataDir: string, section: string, edit: (value: Record<string, unknown>) => void): void {
  const db = new Database(join(dataDir, 'station.db'));
  const key = `config.${section}`;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string };
  const value = JSON.parse(row.value) as Record<string, unknown>;
  edit(value);
  db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify(value), key);
  db.close();
}

function dataDirWithSeed(): { dataDir: string; scans: string } {
  const root = tempDir();
  const dataDir = join(root, 'station');
  const scans = join(root, 'scans');
  mkdirSync(dataDir);
  mkdirSync(scans);
  return { dataDir, scans };
}

const SEED = (scans: string) => ({
  config: {
    printer: { enabled: true, interface: 'tcp://10.0.0.7:9100', width: 42, qrMode: 'image' },
    scan: { folder: scans, quietSeconds: 5 },
    site: { extraHosts: ['auth.example.gouv.fr'] },
  },
});

describe('stored settings, field by field', () => {
  it('resets only the bad field: the printer stays at tcp://10.0.0.7:9100', async () => {
    const { dataDir, scans } = dataDirWithSeed();
    const files = tempDir();
    // Seed, then break one field of the printer section the way an old or damaged station.db would hold it.
    const first = await openHostileStation(dataDir, files, SEED(scans));
    first.services.close();
    editStored(dataDir, 'printer', (printer) => void (printer.width = 'large'));

    station = await openHostileStation(dataDir, files, null);
    const printer = station.services.config.section('printer');
    expect(printer).toMatchObject({ enabled: true, interface: 'tcp://10.0.0.7:9100', qrMode: 'image' });
    expect(printer.width).toBe(CONFIG_DEFAULTS.printer.width);
    // Other sections are untouched.
    expect(station.services.config.section('scan')).toMatchObject({ folder: scans, quietSeconds: 5 });

    const log = readFileSync(join(dataDir, 'logs', 'station.log'), 'utf8');
    const lines = log.split('\n').filter((line) => line.includes('config.field_reset'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', field: 'printer.width', reason: 'invalid_union' });
    expect(log).not.toContain('large');

    const reply = await station.call('config.resetFields');
    expect(reply).toMatchObject({ ok: true, value: [{ field: 'printer.width' }] });
    const message = reply.ok ? (reply.value as Array<{ message: string }>)[0]!.message : '';
    expect(message).toContain('« Largeur du papier »');
    expect(message).toContain('a repris sa valeur par défaut');
    expect(message).not.toContain('large');

    // Saving the section again (the référent corrects it) clears the notice.
    expect(await station.call('config.saveSections', { sections: { printer: { width: 48 } } })).toMatchObject({
      ok: true,
    });
    expect(await station.call('config.resetFields')).toEqual({ ok: true, value: [] });
    expect(station.services.config.section('printer').interface).toBe('tcp://10.0.0.7:9100');
  });

  it('resets a stored field that is well-formed but unsafe (a look-alike host, a file as printer), alone', async () => {
    const { dataDir, scans } = dataDirWithSeed();
    const files = tempDir();
    const first = await openHostileStation(dataDir, files, SEED(scans));
    first.services.close();
    editStored(dataDir, 'site', (site) => void (site.extraHosts = ['ants.gouv.fr.evil.com']));
    editStored(dataDir, 'printer', (printer) => void (printer.interface = join(dataDir, 'station.db')));

    station = await openHostileStation(dataDir, files, null);
    expect(station.services.config.section('site').extraHosts).toEqual([]);
    expect(station.services.site.allowedHosts()).not.toContain('ants.gouv.fr.evil.com');
    expect(station.services.config.section('printer')).toMatchObject({
      interface: CONFIG_DEFAULTS.printer.interface,
      width: 42,
      qrMode: 'image',
    });
    const reply = await station.call('config.resetFields');
    expect(reply.ok && (reply.value as Array<{ field: string }>).map((r) => r.field).sort()).toEqual([
      'printer.interface',
      'site.extraHosts',
    ]);
    const log = readFileSync(join(dataDir, 'logs', 'station.log'), 'utf8');
    expect(log).toContain('"field":"site.extraHosts","reason":"host_not_official"');
    expect(log).toContain('"field":"printer.interface","reason":"printer_in_data_dir"');
    expect(log).not.toContain('evil');
    expect(log).not.toContain('station.db');
  });
});
