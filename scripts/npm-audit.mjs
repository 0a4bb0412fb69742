// Known advisories of what the app ships: `npm audit --omit=dev` (the production dependencies) plus Electron itself
// (a devDependency only because electron-builder wants it there; its runtime ships in every installer).
// Exit 0: no high or critical advisory. Exit 1: at least one (listed). When the registry's audit service cannot be
// reached (offline CI, a proxy that only allows downloads), nothing was checked: that is said loudly and is NOT
// reported as findings; it exits 0, or 2 with `--require` (used by `npm run dist`: no release without an audit).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BLOCKING = ['high', 'critical'];
/** Packages checked in the full tree because they ship although listed as devDependencies. */
const SHIPPED_DEV_PACKAGES = ['electron'];

/**
 * Reads `npm audit --json` output. A report has `auditReportVersion` and `vulnerabilities`; anything else (an
 * `error` object, a 405 from a download-only proxy, no output) means the audit did not run.
 */
export function readAuditReport(stdout, only) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { status: 'unavailable', reason: 'npm audit gave no JSON report' };
  }
  if (!report || typeof report !== 'object' || !report.auditReportVersion || !report.vulnerabilities) {
    const reason = report?.error?.summary || report?.message || 'npm audit gave no report';
    return { status: 'unavailable', reason: String(reason).split('\n')[0] };
  }
  const blocking = Object.values(report.vulnerabilities)
    .filter((v) => BLOCKING.includes(v.severity) && (!only || only.includes(v.name)))
    .map((v) => ({
      name: v.name,
      severity: v.severity,
      advisories: (v.via ?? [])
        .filter((via) => typeof via === 'object')
        .map((via) => `${via.title ?? 'advisory'} ${via.url ?? ''}`.trim()),
      fix: v.fixAvailable ? 'a fix is available (npm audit fix)' : 'no fix yet',
    }));
  return { status: blocking.length ? 'findings' : 'clean', blocking, total: report.metadata?.vulnerabilities };
}

function npmAudit(args) {
  const result = spawnSync('npm', ['audit', '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  return result.stdout ?? '';
}

function main() {
  const required = process.argv.includes('--require');
  const runs = [
    { label: 'production dependencies (npm audit --omit=dev)', report: readAuditReport(npmAudit(['--omit=dev'])) },
    {
      label: `shipped runtime (${SHIPPED_DEV_PACKAGES.join(', ')})`,
      report: readAuditReport(npmAudit([]), SHIPPED_DEV_PACKAGES),
    },
  ];
  let exit = 0;
  for (const { label, report } of runs) {
    if (report.status === 'unavailable') {
      console.warn(`npm audit, ${label}: NOT CHECKED, the registry's audit service is unavailable (${report.reason}).`);
      exit = Math.max(exit, required ? 2 : 0);
    } else if (report.status === 'findings') {
      console.error(`npm audit, ${label}: ${report.blocking.length} high or critical advisories:`);
      for (const v of report.blocking) {
        console.error(`  ✗ ${v.name} (${v.severity}, ${v.fix})`);
        for (const advisory of v.advisories) console.error(`      ${advisory}`);
      }
      exit = 1;
    } else {
      const t = report.total ?? {};
      console.log(
        `npm audit, ${label}: no high or critical advisory (low ${t.low ?? 0}, moderate ${t.moderate ?? 0}).`,
      );
    }
  }
  process.exitCode = exit;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
