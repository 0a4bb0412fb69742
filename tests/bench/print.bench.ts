/**
 * Receipt printing benchmark (issue #6): from "Imprimer" (the print service call, as the print.receipt handler
 * makes it) to the last byte received by a loopback ESC/POS printer, median over 50 runs. The receipt holds two
 * démarches (filed with a QR code, unfinished), 48 columns, WPC1252; the real station services on a temp data dir.
 * Figures for the default network link (status asked before and after the job) and without status requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../../main/log';
import { PrintService } from '../../main/print/service';
import { createServices } from '../../main/services';
import { startEscPosPeer } from '../helpers/escpos-peer';
import { seedStation } from '../helpers/seed-station';
import { deposee, incomplete, station } from '../unit/print/receipt-records';

const RUNS = 50;
const WARMUP = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!;

async function measure(askStatus: boolean, qrMode: 'native' | 'image') {
  const peer = await startEscPosPeer();
  const dir = mkdtempSync(join(tmpdir(), 'pn-bench-print-'));
  seedStation(dir, {
    config: { station, printer: { enabled: true, interface: peer.url, width: 48, askStatus, qrMode } },
  });
  const services = createServices({
    dataDir: dir,
    platform: { transport: 'web', appVersion: 'bench' },
    log: silentLogger,
  });
  const print = new PrintService({
    config: services.config,
    journal: services.journal,
    sessions: services.sessions,
    platform: services.platform,
    log: silentLogger,
    records: () => [deposee, incomplete],
  });
  services.sessions.start({ id: null, pseudonym: 'Camille' });
  const toLastByte: number[] = [];
  const toReturn: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const started = performance.now();
      await print.print({ reprint: true });
      const returned = performance.now();
      const job = await peer.nextJob();
      if (run < WARMUP) continue;
      toLastByte.push(job.lastByteAt - started);
      toReturn.push(returned - started);
      bytes = job.bytes.length;
    }
  } finally {
    await services.sessions.end('ended');
    services.close();
    await peer.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { toLastByte, toReturn, bytes };
}

export async function run(): Promise<void> {
  for (const [askStatus, qrMode] of [
    [true, 'native'],
    [false, 'native'],
    [true, 'image'],
  ] as const) {
    const { toLastByte, toReturn, bytes } = await measure(askStatus, qrMode);
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `status ${askStatus ? 'asked' : 'not asked'}, QR ${qrMode} (${bytes} bytes): "Imprimer" → last byte at the peer ` +
        `median ${fmt(median(toLastByte))} ms (p90 ${fmt(percentile(toLastByte, 90))}, min ${fmt(Math.min(...toLastByte))}, ` +
        `max ${fmt(Math.max(...toLastByte))}) over ${RUNS} runs; call returned: median ${fmt(median(toReturn))} ms ` +
        `(target < 150 ms)`,
    );
  }
}
