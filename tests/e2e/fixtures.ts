/**
 * Each end-to-end test gets its own station: a fresh data dir (POINT_NUMERIQUE_DATA_DIR) and its own web host
 * process serving the built renderer and the real services, as in the Electron app.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Station {
  dataDir: string;
  url: string;
  /** Stops the web host (SIGTERM, or SIGKILL to simulate a crash) and starts a new one on the same data dir. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  /** What the kiosk window's close button does: main holds the close and asks the renderer for a PIN. */
  pressWindowClose(): void;
}

/** Prepares the data dir before the station starts. Wrapped in an object: Playwright treats a bare function as a fixture. */
export type Seed = { run(dataDir: string): void | Promise<void> } | undefined;

const ROOT = resolve(__dirname, '..', '..');

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    // `node --import tsx` runs the host in this very process: the tsx command would run it in a grandchild, which a
    // SIGKILL of the child (restart('SIGKILL'), a crash) would leave running.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/web-host.ts')], {
      cwd: ROOT,
      env: { ...process.env, POINT_NUMERIQUE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolveStart({ child, url: match[1]! });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${output}`)));
  });
}

function stopHost(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

export const test = base.extend<{ seed: Seed; station: Station }>({
  seed: [undefined, { option: true }],
  station: async ({ seed }, use) => {
    // The data dir inside a folder of its own, as in the app (…/Point numérique/station): a spec may put the
    // scan folder beside it (never inside it: main/config/scan-folder-rules.ts).
    const root = mkdtempSync(join(tmpdir(), 'pn-e2e-'));
    const dataDir = join(root, 'station');
    mkdirSync(dataDir);
    await seed?.run(dataDir);
    let host = await startHost(dataDir);
    const station: Station = {
      dataDir,
      url: host.url,
      async restart(signal) {
        const pid = host.child.pid!;
        await stopHost(host.child, signal);
        // The process that held the station is gone (signal 0 only checks), before the next one looks at the disk.
        expect(() => process.kill(pid, 0)).toThrow();
        host = await startHost(dataDir);
        station.url = host.url;
      },
      pressWindowClose() {
        host.child.kill('SIGUSR2');
      },
    };
    await use(station);
    await stopHost(host.child);
    rmSync(root, { recursive: true, force: true });
  },
});

export { expect };

/** RGAA/axe: no serious or critical violation on the screen as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // A dialog that is still fading in has a transparent text colour for a moment: let transitions finish first.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking, blocking.join('\n')).toEqual([]);
}
