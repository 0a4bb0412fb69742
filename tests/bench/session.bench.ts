/**
 * Wipe of a session holding 30 imported pages (encrypted workspace files of 300 KB to 1 MB each, as scanned JPEG
 * pages are), through the real services on a temp data dir. Target: under 500 ms on the 2-core machine.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../main/log';
import { createServices } from '../../main/services';

const PAGES = 30;
const ROUNDS = 7;

function pageBytes(i: number): Buffer {
  const size = 300_000 + Math.round(((i * 7919) % PAGES) * (700_000 / PAGES));
  return randomBytes(size);
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pn-bench-session-'));
  const services = createServices({ dataDir, platform: { transport: 'web', appVersion: 'bench' }, log: silentLogger });
  const pages = Array.from({ length: PAGES }, (_, i) => pageBytes(i));
  const totals: number[] = [];
  const workspace: number[] = [];
  const verification: number[] = [];
  let bytes = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const session = services.sessions.start({ id: 1, pseudonym: 'Camille' });
      for (const page of pages) await session.workspace.put(page);
      const report = await services.sessions.end('ended');
      if (!report || report.status !== 'completed') throw new Error('wipe failed');
      bytes = report.removed.workspaceBytes;
      totals.push(report.durationMs);
      workspace.push(report.steps.find((step) => step.name === 'workspace')?.ms ?? 0);
      verification.push(report.steps.filter((s) => s.name.startsWith('verify')).reduce((sum, s) => sum + s.ms, 0));
    }
  } finally {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(totals, workspace, verification, bytes);
  await throughScanPipeline();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The same with 30 pages imported through the real scan pipeline (noisy A4-like JPEG scans, ~300 KB–1 MB). */
async function throughScanPipeline(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pn-bench-session-scan-'));
  const services = createServices({ dataDir, platform: { transport: 'web', appVersion: 'bench' }, log: silentLogger });
  try {
    const noise = randomBytes(1240 * 1754 * 3);
    const scan = await sharp(noise, { raw: { width: 1240, height: 1754, channels: 3 } })
      .jpeg({ quality: 40 })
      .toBuffer();
    const totals: number[] = [];
    let files = 0;
    let bytes = 0;
    for (let round = 0; round < 3; round++) {
      const session = services.sessions.start({ id: 1, pseudonym: 'Camille' });
      for (let i = 0; i < PAGES; i++) await services.scan.importBytes(session, `page-${i}.jpg`, scan, 'pick');
      files = session.workspace.ids().length;
      bytes = session.workspace
        .ids()
        .reduce((sum, id) => sum + statSync(join(session.workspace.dir, `${id}.bin`)).size, 0);
      const report = await services.sessions.end('ended');
      if (!report || report.status !== 'completed') throw new Error('wipe failed');
      totals.push(report.durationMs);
    }
    console.log(
      `scan pipeline: ${PAGES} pages (${(scan.length / 1e3).toFixed(0)} KB each) → ${files} encrypted workspace files before the wipe, ${(bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(`wipe total  median ${median(totals).toFixed(1)} ms  max ${Math.max(...totals).toFixed(1)} ms`);
  } finally {
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(totals: number[], workspace: number[], verification: number[], bytes: number): void {
  console.log(`pages: ${PAGES}, encrypted bytes: ${(bytes / 1e6).toFixed(1)} MB, rounds: ${ROUNDS}`);
  console.log(
    `wipe total  median ${median(totals).toFixed(1)} ms  min ${Math.min(...totals).toFixed(1)}  max ${Math.max(...totals).toFixed(1)}  (target < 500 ms)`,
  );
  console.log(`  workspace deletion median ${median(workspace).toFixed(1)} ms`);
  console.log(`  participants' checks median ${median(verification).toFixed(1)} ms`);
}
