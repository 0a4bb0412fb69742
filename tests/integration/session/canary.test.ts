import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from 'electron';
import { wipeBeforeQuit } from '../../../main/session/electron-platform';
import { startWebHost } from '../../../main/web-host';
import { seedStation } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { alive, killLeftoverVictims, startVictim } from '../../helpers/victim';
import { openTestStation } from '../../helpers/station';
import { allFiles, makeCanaries, scanForCanaries, sessionLeftovers, startAndFill, type Canaries } from './canary';
import { openStation, type TestStation } from './station';

const tempDir = useTempDir('pn-canary-');
const opened: TestStation[] = [];
afterEach(() => {
  killLeftoverVictims();
  for (const station of opened.splice(0)) {
    try {
      station.services.close();
    } catch {
      // already closed by the test
    }
  }
  app.removeAllListeners('before-quit');
  vi.restoreAllMocks();
});

async function signedInStation() {
  const dataDir = tempDir();
  seedStation(dataDir);
  const station = openStation(dataDir);
  opened.push(station);
  await station.services.access.signIn('Camille', '482915');
  return { dataDir, station };
}

/** After the session ended: no canary anywhere under the data dir, no workspace file, the report says so. */
function expectNothingLeft(dataDir: string, station: TestStation, canaries: Canaries, workspaceDir: string) {
  expect(existsSync(workspaceDir)).toBe(false);
  expect(sessionLeftovers(dataDir)).toEqual([]);
  expect(station.clipboard.text).toBe('');
  expect(scanForCanaries(dataDir, canaries)).toEqual([]);
  const report = station.services.sessions.recentWipe();
  expect(report?.status, report?.problems.join('\n')).toBe('completed');
  expect(report?.verification.ok).toBe(true);
  // And once the station is closed (the WAL folded back into station.db): still nothing.
  station.services.close();
  expect(scanForCanaries(dataDir, canaries)).toEqual([]);
}

describe('canary: nothing of the usager remains under the data dir', () => {
  it('the scan itself finds a canary wherever it is left (station.db, logs, any file)', async () => {
    const { dataDir, station } = await signedInStation();
    const canaries = makeCanaries();
    const { workspaceDir } = await startAndFill(station.services, canaries, station.clipboard);
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    appendFileSync(join(dataDir, 'logs', 'station.log'), `{"left":"${canaries.notes}"}\n`);
    station.services.settings.set('test.canary', canaries.numero);
    const found = scanForCanaries(dataDir, canaries).map((trace) => trace.found);
    expect(found).toEqual(expect.arrayContaining([canaries.notes, canaries.numero]));
    const report = await station.services.sessions.end('ended');
    expect(report!.removed.workspaceFiles).toBeGreaterThanOrEqual(3);
    expect(report!.removed.figures['scan.imports']).toBe(1); // the scan capability dropped its import
    expect(existsSync(workspaceDir)).toBe(false);
  });

  it('after "Terminer l\'accompagnement"', async () => {
    const { dataDir, station } = await signedInStation();
    const canaries = makeCanaries();
    const { dispatch, workspaceDir } = await startAndFill(station.services, canaries, station.clipboard);
    expect(scanForCanaries(dataDir, [canaries.workspace])).toEqual([]); // encrypted at rest, even while running
    const result = await dispatch('session.end', { reason: 'ended' }, { transport: 'web' });
    expect(result.ok).toBe(true);
    expectNothingLeft(dataDir, station, canaries, workspaceDir);
  });

  it('after the mediator signs out', async () => {
    const { dataDir, station } = await signedInStation();
    const canaries = makeCanaries();
    const { dispatch, workspaceDir } = await startAndFill(station.services, canaries, station.clipboard);
    const result = await dispatch('access.signOut', undefined, { transport: 'web' });
    expect(result.ok).toBe(true);
    expect(station.services.sessions.recentWipe()?.reason).toBe('signed_out');
    expectNothingLeft(dataDir, station, canaries, workspaceDir);
  });

  it('after the idle timeout (fake clock: 10 minutes without activity)', async () => {
    const { dataDir, station } = await signedInStation();
    const canaries = makeCanaries();
    const { workspaceDir } = await startAndFill(station.services, canaries, station.clipboard);
    station.clock.advance(10 * 60_000);
    await station.services.sessions.settled();
    expect(station.services.sessions.recentWipe()?.reason).toBe('idle');
    expectNothingLeft(dataDir, station, canaries, workspaceDir);
  });

  it('after the app quits during a session (before-quit waits for the wipe)', async () => {
    const { dataDir, station } = await signedInStation();
    const canaries = makeCanaries();
    const { workspaceDir } = await startAndFill(station.services, canaries, station.clipboard);
    const quit = vi.spyOn(app, 'quit');
    wipeBeforeQuit(app, station.services.sessions);
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    expect(station.services.sessions.recentWipe()?.reason).toBe('quit');
    // The second before-quit (from app.quit()) is let through.
    const second = { preventDefault: vi.fn() };
    app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expectNothingLeft(dataDir, station, canaries, workspaceDir);
  });

  it('after the web host stops during a session (its quit)', async () => {
    const dataDir = tempDir();
    seedStation(dataDir);
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const host = await startWebHost({ dataDir, rendererDir });
    const services = host.station.services!;
    await services.access.signIn('Camille', '482915');
    const canaries = makeCanaries();
    const { workspaceDir } = await startAndFill(services, canaries);
    await host.close();
    expect(existsSync(workspaceDir)).toBe(false);
    expect(sessionLeftovers(dataDir)).toEqual([]);
    expect(scanForCanaries(dataDir, canaries)).toEqual([]);
  });

  it('after a crash: the process holding the session is SIGKILLed, the next start sweeps, no canary anywhere', async () => {
    const dataDir = tempDir();
    const scanFolder = tempDir();
    seedStation(dataDir);
    const canaries = makeCanaries();
    const victim = startVictim<{ workspaceDir: string; pid: number }>(
      join(__dirname, 'crash-child.ts'),
      [dataDir],
      JSON.stringify({ canaries, scanFolder }),
    );
    const { workspaceDir, pid } = await victim.ready;
    // The victim holds the numéro and the notes in memory and the pièces (the folder scan too) encrypted on disk.
    const cipher = readdirSync(workspaceDir).map((name) => readFileSync(join(workspaceDir, name)));
    expect(cipher.length).toBeGreaterThanOrEqual(5);
    expect(readdirSync(scanFolder)).toEqual([]); // the copier's original is deleted once imported
    expect(victim.child.spawnargs.join(' ')).not.toContain(canaries.numero); // canaries on stdin, not in `ps`

    await victim.kill();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(alive(pid)).toBe(false);
    expect(existsSync(workspaceDir)).toBe(true); // what the crash left: ciphertext whose key died with the process

    const restarted = openTestStation(dataDir);
    opened.push({ services: restarted } as TestStation);
    expect(existsSync(workspaceDir)).toBe(false);
    expect(sessionLeftovers(dataDir)).toEqual([]);
    expect(restarted.sessions.recentWipe()).toMatchObject({ reason: 'startup', status: 'completed' });
    restarted.close(); // the WAL folded into station.db: its bytes are read too
    for (const folder of [dataDir, scanFolder]) {
      expect(scanForCanaries(folder, canaries), folder).toEqual([]);
      const everything = allFiles(folder).map((file) => readFileSync(file));
      for (const bytes of cipher) {
        const sample = bytes.subarray(28, 60); // past the IV and tag: the pièce's ciphertext itself
        expect(everything.some((file) => file.includes(sample))).toBe(false);
      }
    }
  });
});
