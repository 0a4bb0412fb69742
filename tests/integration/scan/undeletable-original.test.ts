import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import * as corpus from '../../fixtures/scan/generate';

const tempDir = useTempDir('pn-scan-undeletable-');
const readOnly: string[] = [];
afterEach(() => {
  for (const folder of readOnly.splice(0)) chmodSync(folder, 0o755);
});

/** Root may delete anything: the station then runs as "nobody", who may read the folder but not delete from it. */
const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;

describe('a scan folder where the station may read but not delete (no root needed)', () => {
  it('tells the mediator the original stayed, never imports it twice, and the wipe report says the folder still holds it', async () => {
    const dataDir = tempDir();
    const share = tempDir();
    const folder = join(share, 'scans');
    mkdirSync(folder);
    chmodSync(share, 0o755);
    if (asRoot) chownSync(dataDir, NOBODY, NOBODY);
    const child = spawn(
      resolve(__dirname, '../../../node_modules/.bin/tsx'),
      [resolve(__dirname, 'undeletable-station.ts'), dataDir, folder],
      {
        cwd: resolve(__dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      },
    );
    const lines = createInterface({ input: child.stdout! });
    const steps: Array<Record<string, unknown>> = [];
    const next = (step: string) =>
      new Promise<Record<string, unknown>>((done, fail) => {
        const found = steps.find((line) => line.step === step || line.step === 'failed');
        if (found) return done(found);
        lines.on('line', (line) => {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          steps.push(parsed);
          if (parsed.step === step || parsed.step === 'failed') done(parsed);
        });
        child.on('exit', (code) => fail(new Error(`station exited with ${code}`)));
      });
    try {
      expect(await next('session')).toEqual({ step: 'session' });
      const original = join(folder, 'colle-PETIT.jpg');
      writeFileSync(original, await corpus.smallDocument('Collé'));
      // From now on the folder can be read, not written: the station cannot delete the original.
      chmodSync(folder, 0o555);
      readOnly.push(folder);
      const done = await next('done');
      expect(done.step).toBe('done');
      if (asRoot) expect(done.uid).toBe(NOBODY);
      expect(done.notice).toContain("n'a pas pu être supprimé");
      expect(done).toMatchObject({ imports: 1, importsAfterRestart: 1, journal: 1 });
      expect(existsSync(original)).toBe(true);

      const report = done.report as { status: string; verification: { ok: boolean }; problems: string[] };
      expect(report.status).toBe('failed');
      expect(report.verification.ok).toBe(false);
      expect(report.problems.join(' ')).toContain('dossier de numérisation');
      expect(report.problems.join(' ')).not.toContain('PETIT');
      // Those files are in clear outside the workspace: a restart would not remove them, the mediator must.
      expect(report.problems.join(' ')).toContain("supprimez-les depuis l'explorateur de fichiers");
      expect(report.problems.join(' ')).not.toContain('redémarrez');
      // At the next session the file is held like any file from before it, without its name.
      const nextList = done.nextList as { waiting: Array<{ name: string | null; why: string }> };
      expect(nextList.waiting).toEqual([expect.objectContaining({ name: null, why: 'before_session' })]);
      expect(JSON.stringify(nextList)).not.toContain('PETIT');
    } finally {
      child.kill();
    }
  }, 120_000);
});
