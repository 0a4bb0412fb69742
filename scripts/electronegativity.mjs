// Security audit of the app's sources with @doyensec/electronegativity (run by .ci/run before the tests).
// Scans main/, preload/ and renderer/ (what ships; not tests/ or scripts/) and compares every finding with
// security/electronegativity-accepted.md: a finding not listed there, a listed one that no longer occurs, or a
// file the tool could not parse fails the audit. Works offline (see security/electronegativity-accepted.md).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const ACCEPTED_FILE = join(root, 'security', 'electronegativity-accepted.md');
const SCANNED = ['main', 'preload', 'renderer'];
/**
 * Checks that are switched off (by class name, as the tool wants), each for the reason given in
 * security/electronegativity-accepted.md. AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub: its answer depends on the
 * day and on the network, so it cannot gate CI; scripts/npm-audit.mjs covers Electron's advisories instead.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** A finding's identity: check, file and source line text (not the line number, which moves with every edit). */
const keyOf = (finding) => `${finding.id} | ${finding.file} | ${finding.sample}`;

const codeSpan = (text) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** Accepted findings: list items of the form "- `CHECK_ID` `file` `source line`: why it is accepted". */
export function readAccepted(markdown) {
  const accepted = [];
  for (const line of markdown.split('\n')) {
    // A source line holding a backtick is written as a double-backtick code span: `` a `b` c ``.
    const match = /^- `([A-Z0-9_]+)` `([^`]+)` (?:`` (.*?) ``|`([^`]*)`):\s*(\S.*)$/.exec(line);
    if (match) accepted.push({ id: match[1], file: match[2], sample: match[3] ?? match[4], reason: match[5] });
  }
  return accepted;
}

/** Scans the shipped sources of a project folder (the repository by default). */
export async function scan(projectDir = root) {
  // A copy of the shipped sources, so the scan sees exactly them (and package.json for the Electron version).
  const staging = mkdtempSync(join(tmpdir(), 'pn-electronegativity-'));
  try {
    for (const dir of SCANNED) {
      if (!existsSync(join(projectDir, dir))) continue;
      cpSync(join(projectDir, dir), join(staging, dir), {
        recursive: true,
        filter: (source) => !source.includes('node_modules'),
      });
    }
    cpSync(join(projectDir, 'package.json'), join(staging, 'package.json'));
    // Its CLI prints a banner and a progress bar; the programmatic entry point returns the findings.
    const run = require('@doyensec/electronegativity');
    const result = await run({
      input: staging,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
      electronVersionOverride: require('electron/package.json').version,
      parserPlugins: [],
    });
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors,
      findings: result.issues.map((issue) => {
        const file = issue.file.split('\\').join('/');
        let sample = '';
        if (file !== 'N/A' && issue.location.line > 0) {
          sample = readFileSync(join(staging, file), 'utf8').split('\n')[issue.location.line - 1]?.trim() ?? '';
        }
        return { id: issue.id, file, line: issue.location.line, sample, description: issue.description };
      }),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What fails the audit: unparsed files, findings not in the accepted list, accepted entries no longer found. */
export function auditProblems(findings, errors, accepted) {
  const unmatched = [...accepted];
  const problems = [];
  for (const error of errors.filter((e) => !e.tolerable)) {
    problems.push(`could not parse ${error.file}: ${error.message} (the file was not audited)`);
  }
  for (const finding of findings) {
    const index = unmatched.findIndex((entry) => keyOf(entry) === keyOf(finding));
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    problems.push(
      `new finding ${finding.id} in ${finding.file}:${finding.line} \`${finding.sample}\`\n    ${finding.description}\n` +
        '    Fix it, or justify it in security/electronegativity-accepted.md with this line:\n' +
        `    - \`${finding.id}\` \`${finding.file}\` ${codeSpan(finding.sample)}: <why it is safe>`,
    );
  }
  for (const entry of unmatched) {
    problems.push(`accepted finding no longer reported, remove it from the list: ${keyOf(entry)}`);
  }
  return problems;
}

async function main() {
  const accepted = readAccepted(readFileSync(ACCEPTED_FILE, 'utf8'));
  const { checks, errors, findings } = await scan();
  const failures = auditProblems(findings, errors, accepted);
  if (process.argv.includes('--json')) {
    writeFileSync(1, JSON.stringify({ checks, findings, failures }, null, 2) + '\n');
  }
  const acceptedCount = findings.length - failures.filter((f) => f.startsWith('new finding')).length;
  console.log(
    `electronegativity: ${checks} checks over ${SCANNED.join('/, ')}/, ${findings.length} findings, ` +
      `${acceptedCount} accepted (security/electronegativity-accepted.md), ${failures.length} problems.`,
  );
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  if (failures.length) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
