import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log';
import { createServices, type Services } from '../../../main/services';
import { seedStation, TEST_PIN_COST } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { allFiles, makeCanaries, scanForCanaries, sessionLeftovers } from './canary';

const ROOT = resolve(__dirname, '..', '..', '..');
const tempDir = useTempDir('pn-crash-');
let restarted: Services | undefined;
afterEach(() => {
  restarted?.close();
  restarted = undefined;
});

/** True while a process with this pid exists (signal 0 checks without touching it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the victim and resolves once its session is open and filled. `node --import tsx` runs the station in the
 * spawned process itself: the tsx command line would run it in a grandchild, and a SIGKILL would only kill tsx.
 */
function startVictim(dataDir: string, canaries: object) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'crash-child.ts'), dataDir, JSON.stringify(canaries)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = new Promise<{ workspaceDir: string; pid: number }>((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\{.*\})/.exec(output);
      if (match) done(JSON.parse(match[1]!) as { workspaceDir: string; pid: number });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`victim exited early (${code}): ${output}`)));
  });
  const killed = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
  return { child, ready, killed };
}

describe('crash during a session', () => {
  it('a station killed with SIGKILL leaves nothing readable, and the next start deletes the workspace', async () => {
    const dataDir = tempDir();
    seedStation(dataDir);
    const canaries = makeCanaries();
    const victim = startVictim(dataDir, canaries);
    const { workspaceDir, pid } = await victim.ready;
    // The process that holds the session is the one the test kills.
    expect(pid).toBe(victim.child.pid);

    // While it runs, the workspace holds ciphertext only: no canary in clear.
    const cipherFiles = readdirSync(workspaceDir);
    expect(cipherFiles.length).toBeGreaterThanOrEqual(4);
    const workspaceBytes = cipherFiles.map((name) => readFileSync(join(workspaceDir, name)));
    expect(scanForCanaries(workspaceDir, [canaries.workspace, canaries.fileName])).toEqual([]);

    victim.child.kill('SIGKILL');
    expect(await victim.killed).toBe('SIGKILL');
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
