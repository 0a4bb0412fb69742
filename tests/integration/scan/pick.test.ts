import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import * as corpus from '../../fixtures/scan/generate';
import { openScanStation, startSession, type ScanStation } from './station';

const tempDir = useTempDir('pn-scan-pick-');
const opened: ScanStation[] = [];
afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

describe('choosing files in the desktop app (paths from the system dialog)', () => {
  it('imports the chosen paths through the folder pipeline, refusing a huge one by its size', async () => {
    const dir = tempDir();
    const good = join(dir, 'carte.jpg');
    const huge = join(dir, 'film.mov');
    writeFileSync(good, await corpus.smallDocument('Carte'));
    corpus.writeHugeFile(huge);
    const station = await openScanStation(tempDir(), {}, { pickScanFiles: async () => [good, huge] });
    opened.push(station);
    const session = startSession(station.services);
    const outcome = await station.services.scan.pick(session, {
      demarcheId: 'permis-inscription',
      pieceId: 'piece-identite',
    });
    expect(outcome.imported).toHaveLength(1);
    expect(outcome.refused[0]!.message).toContain('« film.mov » est trop lourd');
    expect(station.services.scan.list(session).imports[0]).toMatchObject({ source: 'pick', pieceId: 'piece-identite' });
    expect(station.services.scan.list(session).nativePick).toBe(true);
  });

  it('says the system dialog is not available behind the web host', async () => {
    const station = await openScanStation(tempDir());
    opened.push(station);
    const session = startSession(station.services);
    expect(station.services.scan.list(session).nativePick).toBe(false);
    await expect(station.services.scan.pick(session, {})).rejects.toThrow(/pas disponible/);
  });
});
