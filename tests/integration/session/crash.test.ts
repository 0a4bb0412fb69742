import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log';
import { createServices, type Services } from '../../../main/services';
import { seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { alive, killLeftoverVictims, startVictim } from '../../helpers/victim';
import { allFiles, makeCanaries, scanForCanaries, sessionLeftovers } from './canary';

const tempDir = useTempDir('pn-crash-');
let restarted: Services | undefined;
afterEach(() => {
  killLeftoverVictims();
  restarted?.close();
  restarted = undefined;
});

/** The victim: a station process holding an open session full of canaries (crash-child.ts). */
function startStation(dataDir: string, canaries: object) {
  return startVictim<{ workspaceDir: string; pid: number }>(
    join(__dirname, 'crash-child.ts'),
    [dataDir],
    JSON.stringify({ canaries }),
  );
}

describe('crash during a session', () => {
  it('a station killed with SIGKILL leaves nothing readable, and the next start deletes the workspace', async () => {
    const dataDir = tempDir();
    seedStation(dataDir);
    const canaries = makeCanaries();
    const victim = startStation(dataDir, canaries);
    const { workspaceDir, pid } = await victim.ready;

    // While it runs, the workspace holds ciphertext only: no canary in clear.
    const cipherFiles = readdirSync(workspaceDir);
    expect(cipherFiles.length).toBeGreaterThanOrEqual(4);
    const workspaceBytes = cipherFiles.map((name) => readFileSync(join(workspaceDir, name)));
    expect(scanForCanaries(workspaceDir, [canaries.workspace, canaries.fileName])).toEqual([]);

    await victim.kill(); // the very process that held the session, dead
    expect(alive(pid)).toBe(false);
    // The kill left the session's folder behind: its key died with the process.
    expect(existsSync(workspaceDir)).toBe(true);

    restarted = createServices({
      pinCost: TEST_PIN_COST,
      dataDir,
      platform: { transport: 'web', appVersion: 'test' },
      log: silentLogger,
    });
    expect(existsSync(workspaceDir)).toBe(false);
    expect(sessionLeftovers(dataDir)).toEqual([]);
    expect(restarted.sessions.current()).toBeNull();
    // The home screen will say "effacé au démarrage", with the sweep's report.
    expect(restarted.sessions.recentWipe()).toMatchObject({ reason: 'startup', status: 'completed', problems: [] });
    expect(restarted.sessions.recentWipe()!.removed.workspaceFiles).toBe(cipherFiles.length);
    expect(restarted.journal.list({ code: 'wipe.startup_leftover' })[0]?.details).toMatchObject({
      when: 'startup',
      folders: 1,
      failed: 0,
    });
    // Not one byte of the old ciphertext, nor any canary, remains anywhere under the data dir.
    expect(scanForCanaries(dataDir, canaries)).toEqual([]);
    const everything = allFiles(dataDir).map((file) => readFileSync(file));
    for (const cipher of workspaceBytes) {
      const sample = cipher.subarray(28, 60);
      expect(everything.some((bytes) => bytes.includes(sample))).toBe(false);
    }
  });
});
