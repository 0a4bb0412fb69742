/**
 * The CI security audit (scripts/electronegativity.mjs): every finding is either justified in
 * security/electronegativity-accepted.md or fails the audit. Runs the real tool on a small project folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_FILE, auditProblems, readAccepted, scan, type Finding } from '../../../scripts/electronegativity.mjs';

const accepted = readAccepted(readFileSync(ACCEPTED_FILE, 'utf8'));

describe('the list of accepted findings', () => {
  it('reads source lines written in single or double backticks, and empty ones', () => {
    const list = [
      '- `SANDBOX_JS_CHECK` `main/a.ts` `const w = new BrowserWindow({`: reason one.',
      '- `CSP_GLOBAL_CHECK` `N/A` ``: reason two.',
      '- `OPEN_EXTERNAL_JS_CHECK` `main/b.ts` `` void shell.openExternal(`https://${host}/`); ``: reason three.',
      '- not a finding',
    ].join('\n');
    expect(readAccepted(list).map((entry) => entry.sample)).toEqual([
      'const w = new BrowserWindow({',
      '',
      'void shell.openExternal(`https://${host}/`);',
    ]);
  });

  it('gives a reason for every accepted finding', () => {
    expect(accepted.length).toBeGreaterThan(0);
    for (const entry of accepted) expect(entry.reason.length, entry.id).toBeGreaterThan(30);
  });
});

describe('the electronegativity audit', () => {
  let project: string;
  let findings: Finding[];
  let errors: Awaited<ReturnType<typeof scan>>['errors'];

  beforeAll(async () => {
    // A window written with Node integration and without isolation, as a careless change would add it.
    project = mkdtempSync(join(tmpdir(), 'pn-electronegativity-'));
    mkdirSync(join(project, 'main'));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'x', devDependencies: { electron: '45.0.0' } }),
    );
    writeFileSync(
      join(project, 'main', 'careless-window.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export function open(): BrowserWindow {',
        '  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
        '  return w;',
        '}',
        '',
      ].join('\n'),
    );
    ({ findings, errors } = await scan(project));
  }, 60_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('parses TypeScript sources', () => {
    expect(errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('fails on a new window with Node integration, and says how to fix or justify it', () => {
    const ids = findings.filter((f) => f.file === 'main/careless-window.ts').map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));
    const problems = auditProblems(findings, errors, accepted);
    expect(problems.some((p) => p.includes('new finding NODE_INTEGRATION_JS_CHECK in main/careless-window.ts'))).toBe(
      true,
    );
    expect(problems.join('\n')).toContain('security/electronegativity-accepted.md');
  });

  it('passes once each finding is justified, and fails when a justified finding is gone', () => {
    const justified = findings.map((f) => ({ id: f.id, file: f.file, sample: f.sample, reason: 'because' }));
    expect(auditProblems(findings, [], justified)).toEqual([]);
    const stale = [...justified, { id: 'SANDBOX_JS_CHECK', file: 'main/gone.ts', sample: 'x', reason: 'old' }];
    expect(auditProblems(findings, [], stale)).toEqual([
      'accepted finding no longer reported, remove it from the list: SANDBOX_JS_CHECK | main/gone.ts | x',
    ]);
  });

  it('fails when a file cannot be parsed (it would not have been audited)', () => {
    expect(auditProblems([], [{ file: 'main/x.ts', message: 'Unexpected token', tolerable: false }], [])).toEqual([
      'could not parse main/x.ts: Unexpected token (the file was not audited)',
    ]);
  });
});
