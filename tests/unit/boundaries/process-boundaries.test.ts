import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The per-process boundaries are enforced twice: by lint (imports and globals) and by each process's tsconfig
// (its globals). Both are run here on fixtures placed as if they were app files.
const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/boundaries');

async function lintAs(fixture: string, appPath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(readFileSync(join(FIXTURES, fixture), 'utf8'), {
    filePath: join(ROOT, appPath),
  });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

function typeErrors(project: string, fixture: string): string[] {
  const configPath = join(ROOT, project, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const program = ts.createProgram({ rootNames: [join(FIXTURES, fixture)], options: parsed.options });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.includes('fixtures/boundaries'))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('process boundaries', () => {
  it('refuses Node modules in a renderer file (lint)', async () => {
    const messages = await lintAs('renderer-imports-node.tsx', 'renderer/src/features/scan/Leaky.tsx');
    for (const name of ["'better-sqlite3'", "'sharp'", "'zlib'", "'node:fs'"]) {
      expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes(name))).toBe(true);
    }
  }, 60_000);

  it('refuses Node globals in a renderer file (lint and renderer tsconfig)', async () => {
    const messages = await lintAs('renderer-uses-node-globals.ts', 'renderer/src/features/scan/leaky.ts');
    for (const global of ["'Buffer'", "'process'"]) {
      expect(messages.some((m) => m.startsWith('no-restricted-globals') && m.includes(global))).toBe(true);
    }
    const errors = typeErrors('renderer', 'renderer-uses-node-globals.ts');
    expect(errors.some((e) => e.includes("Cannot find name 'Buffer'"))).toBe(true);
    expect(errors.some((e) => e.includes("Cannot find name 'process'"))).toBe(true);
  }, 60_000);

  it('refuses DOM globals in a main-process file (lint and main tsconfig)', async () => {
    const messages = await lintAs('main-uses-dom.ts', 'main/scan/title.ts');
    expect(messages.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(2);
    const errors = typeErrors('main', 'main-uses-dom.ts');
    expect(errors.some((e) => e.includes("Cannot find name 'document'"))).toBe(true);
    expect(errors.some((e) => e.includes("Cannot find name 'window'"))).toBe(true);
  }, 60_000);

  it('lets the real renderer and main files pass the same rules', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['renderer/src/app/App.tsx', 'main/scan/watcher.ts']);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  }, 60_000);
});
