import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/services';
import { UPLOAD_COPY_MS } from '../../../main/site/upload-copies';
import { seedStation } from '../../helpers/seed-station';
import { openTestStation } from '../../helpers/station';
import { useTempDir } from '../../helpers/temp-dir';
import { alive, killLeftoverVictims, startVictim } from '../../helpers/victim';
import { allFiles, makeCanaries, scanForCanaries, sessionLeftovers } from '../session/canary';
import { chooserHost, openUploadStation, sessionWithPiece } from './upload-station';

/**
 * The decrypted copies written for the official site's file input (real files, the real site and scan services):
 * there when the input reads them, gone seconds later, gone at once when the panel closes, and after a crash gone
 * at the next start.
 */
const tempDir = useTempDir('pn-upload-');
const opened: Services[] = [];
afterEach(() => {
  killLeftoverVictims();
  for (const services of opened.splice(0)) {
    try {
      services.close();
    } catch {
      // closed by the test
    }
  }
});

async function answered() {
  const dataDir = tempDir();
  seedStation(dataDir);
  const { host, answers } = chooserHost();
  const services = openUploadStation(dataDir, host);
  opened.push(services);
  const canary = makeCanaries().fileName;
  const id = await sessionWithPiece(services, `${canary}-passeport.jpg`);
  const answeredAt = Date.now();
  await services.site.chooseFiles([id]);
  const answer = answers[0]!;
  return { dataDir, services, answer, answeredAt, canary, id };
}

describe('upload copies for the official site', () => {
  it('exist when the input reads them, then are deleted within seconds of the answer', async () => {
    const { services, answer, answeredAt, canary, id } = await answered();
    // What the input read is the pièce, decrypted, under its upload name.
    const ready = await services.scan.uploadReady(services.sessions.require(), id);
    expect(answer.read[0]!.equals(ready.bytes)).toBe(true);
    expect(answer.paths[0]).toContain(`${canary}-passeport.jpg`);
    expect(existsSync(answer.paths[0]!)).toBe(true); // right after the answer
    const workspace = services.sessions.require().workspace.dir;
    expect(answer.paths[0]!.startsWith(workspace)).toBe(true);

    while (existsSync(answer.paths[0]!)) {
      expect(Date.now() - answeredAt).toBeLessThan(UPLOAD_COPY_MS + 2_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(UPLOAD_COPY_MS - 100);
    expect(existsSync(dirname(answer.paths[0]!))).toBe(false);
    // Nothing of it in clear anywhere: the session still runs, its pièce stays encrypted in the workspace.
    expect(scanForCanaries(workspace, [canary])).toEqual([]);
    expect(allFiles(workspace).some((file) => readFileSync(file).includes(answer.read[0]!.subarray(100, 164)))).toBe(
      false,
    );
  });

  it('are deleted at once when the official-site panel closes', async () => {
    const { services, answer } = await answered();
    await services.site.close();
    expect(existsSync(answer.paths[0]!)).toBe(false);
  });

  it('are deleted by the wipe when the session ends first', async () => {
    const { services, answer } = await answered();
    const report = await services.sessions.end('ended');
    expect(report?.status).toBe('completed');
    expect(existsSync(answer.paths[0]!)).toBe(false);
  });

  it('after a crash while the input reads them (the holding process SIGKILLed): gone at the next start', async () => {
    const dataDir = tempDir();
    seedStation(dataDir);
    const canary = makeCanaries().fileName;
    const victim = startVictim<{ pid: number; paths: string[]; bytes: string[] }>(
      join(__dirname, 'upload-child.ts'),
      [dataDir],
      JSON.stringify({ canary }),
    );
    const { pid, paths, bytes } = await victim.ready;
    expect(readFileSync(paths[0]!).toString('base64')).toBe(bytes[0]); // the clear copy, on disk
    await victim.kill();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(alive(pid)).toBe(false);
    expect(existsSync(paths[0]!)).toBe(true); // what the crash left behind, readable until the next start

    const restarted = openTestStation(dataDir);
    opened.push(restarted);
    expect(existsSync(paths[0]!)).toBe(false);
    expect(sessionLeftovers(dataDir)).toEqual([]);
    restarted.close();
    expect(scanForCanaries(dataDir, [canary])).toEqual([]);
    const sample = Buffer.from(bytes[0]!, 'base64').subarray(100, 164);
    expect(allFiles(dataDir).some((file) => readFileSync(file).includes(sample))).toBe(false);
  });
});
