import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../../../main/scan/folder-test';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('pn-scan-test-folder-');

describe('"Tester le dossier" on real folders', () => {
  it('passes on a folder that can be read and written, and leaves no test file', async () => {
    const folder = join(tempDir(), 'scans');
    mkdirSync(folder);
    writeFileSync(join(folder, 'deja-la.jpg'), 'x');
    const result = await testFolder(folder);
    expect(result.ok).toBe(true);
    expect(result.checks.map((check) => check.label)).toEqual([
      'Le dossier existe',
      'Le dossier peut être lu',
      'Un fichier peut y être écrit',
      'Un fichier peut y être supprimé',
    ]);
    expect(readdirSync(folder)).toEqual(['deja-la.jpg']);
  });

  it('says when the folder does not exist', async () => {
    const result = await testFolder(join(tempDir(), 'absent'));
    expect(result.ok).toBe(false);
    expect(result.checks[0]!.message).toContain('introuvable');
  });

  it('says when the path is a file, not a folder', async () => {
    const file = join(tempDir(), 'fichier.txt');
    writeFileSync(file, 'x');
    const result = await testFolder(file);
    expect(result.ok).toBe(false);
    expect(result.checks[0]!.message).toContain('pas à un dossier');
  });
});
