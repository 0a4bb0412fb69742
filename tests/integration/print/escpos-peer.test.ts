import { afterEach, describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../../main/flow/records';
import { qrMatrix } from '../../../main/print/qr-matrix';
import { decodeJob, paperText, startEscPosPeer, type EscPosPeer } from '../../helpers/escpos-peer';
import { useTempDir } from '../../helpers/temp-dir';
import { ACCENTS, abandonnee, deposee, incomplete, orientee } from '../../unit/print/receipt-records';
import { openPrintStation, type PrintStation } from './station';

const tempDir = useTempDir();
let peer: EscPosPeer | undefined;
let station: PrintStation | undefined;

afterEach(async () => {
  await station?.close();
  await peer?.close();
  station = peer = undefined;
});

async function printOn(record: FlowRecord, printer: Record<string, unknown> = {}, type: 'epson' | 'star' = 'epson') {
  peer = await startEscPosPeer({ type });
  station = openPrintStation(tempDir(), { interface: peer.url, type, ...printer }, [record]);
  const preview = station.print.preview();
  const result = await station.print.print();
  const job = await peer.nextJob();
  const expected = preview.lines.map((line) => (line.kind === 'qr' ? `[QR] ${line.payload}` : line.text));
  return { preview, result, job, expected, paper: paperText(job.decoded) };
}

/** The accents line as it reads on paper, whatever the column it was wrapped at. */
const onPaper = (lines: string[]) => lines.join(' ').replace(/\s+/g, ' ');

describe('receipt printed on an ESC/POS network printer (loopback peer)', () => {
  it('prints a filed démarche with its numéro, accents, QR code to the follow-up page and a cut', async () => {
    const { result, job, expected, paper } = await printOn(deposee);
    expect(result.result).toBe('printed');
    expect(paper).toEqual(expected);
    const text = onPaper(paper);
    expect(text).toContain('> Demande envoyée');
    expect(text).toContain('Numéro de demande : CIM-2611-4F7Q2');
    expect(text).toContain(ACCENTS);
    expect(text).toContain('42,50 €');
    expect(text).toContain("n'est pas l'accusé de réception de l'administration");
    expect(text).toContain('Ce poste ne garde rien de personnel : tout est effacé à la fin du rendez-vous.');
    expect(text).toContain('Appelez le 34 00.');
    expect(job.decoded.qr).toEqual(['https://immatriculation.ants.gouv.fr/']);
    expect(job.decoded.cuts).toBe(1);
    expect(job.decoded.unknown).toBe(0);
    // WPC1252 first, and again after the cut (the cut resets the printer).
    expect(job.decoded.codePages).toEqual(['WPC1252', 'WPC1252']);
    // The real bytes: Windows-1252 codes, never UTF-8.
    for (const byte of [0xe9, 0xe8, 0xea, 0xe0, 0xe7, 0xf9, 0xf4, 0xee, 0x9c, 0xab, 0xbb, 0x80]) {
      expect(job.bytes.includes(byte), `byte 0x${byte.toString(16)}`).toBe(true);
    }
    expect(job.bytes.includes(Buffer.from('é', 'utf8'))).toBe(false);
  });

  it('prints an unfinished démarche with the missing pièces and no numéro', async () => {
    const { job, expected, paper } = await printOn(incomplete);
    expect(paper).toEqual(expected);
    const text = onPaper(paper);
    expect(text).toContain('> Pas finie : il manque des pièces');
    expect(text).toContain(
      "Il manque : - Code e-photo (photo et signature numériques). Où l'obtenir : Dans une cabine photo agréée ANTS.",
    );
    expect(text).toContain(ACCENTS);
    expect(text).not.toContain('NE-DOIT-PAS-SORTIR');
    expect(text).not.toContain('Numéro de demande');
    expect(job.decoded.qr).toHaveLength(1);
  });

  it('prints an orientation with where to go, and no follow-up QR code', async () => {
    const { job, expected, paper } = await printOn(orientee);
    expect(paper).toEqual(expected);
    const text = onPaper(paper);
    expect(text).toContain('> À faire ailleurs');
    expect(text).toContain('Allez voir : La mairie (avec une station biométrique).');
    expect(text).toContain(ACCENTS);
    expect(job.decoded.qr).toEqual([]);
  });

  it('prints an abandoned démarche with what is still missing', async () => {
    const { expected, paper } = await printOn(abandonnee);
    expect(paper).toEqual(expected);
    const text = onPaper(paper);
    expect(text).toContain('> Arrêtée aujourd’hui');
    expect(text).toContain('Timbre fiscal de 25 €');
    expect(text).toContain(ACCENTS);
  });

  it('keeps to PC858 when configured: € prints, œ becomes "oe" on the screen and on paper alike', async () => {
    const { job, expected, paper } = await printOn(deposee, { characterSet: 'PC858_EURO', width: 32 });
    expect(paper).toEqual(expected);
    expect(onPaper(paper)).toContain("é è ê à ç ù ô î oe « » € '");
    expect(job.decoded.codePages).toEqual(['PC858_EURO', 'PC858_EURO']);
    expect(job.bytes.includes(0xd5)).toBe(true); // € in CP858
    for (const line of paper.filter((l) => !l.startsWith('[QR]'))) expect(line.length).toBeLessThanOrEqual(32);
  });

  it('sends the QR code as a raster image when the printer cannot draw QR codes', async () => {
    const { job, paper } = await printOn(deposee, { qrMode: 'image' });
    expect(job.decoded.qr).toEqual([]);
    expect(job.decoded.images).toBe(1);
    expect(paper.some((line) => /^\[IMAGE \d+x\d+\]$/.test(line))).toBe(true);
    // The bitmap holds the QR code's modules, whole dots per module, inside a 4-module quiet zone.
    const at = job.bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30, 0x00]));
    const rowBytes = job.bytes[at + 4]! + job.bytes[at + 5]! * 256;
    const side = job.bytes[at + 6]! + job.bytes[at + 7]! * 256;
    const bitmap = job.bytes.subarray(at + 8, at + 8 + rowBytes * side);
    const { size, modules } = qrMatrix('https://immatriculation.ants.gouv.fr/');
    const dot = side / (size + 8);
    expect(Number.isInteger(dot)).toBe(true);
    let sampled = '';
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        const y = (row + 4) * dot + Math.floor(dot / 2);
        const x = (column + 4) * dot + Math.floor(dot / 2);
        sampled += bitmap[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7)) ? '1' : '0';
      }
    }
    expect(sampled).toBe(modules);
  });

  it('prints on a Star printer with its own commands (code page, QR code, cut)', async () => {
    const { job, expected, paper } = await printOn(deposee, { askStatus: false }, 'star');
    expect(paper).toEqual(expected);
    expect(job.decoded.codePages).toEqual(['WPC1252', 'WPC1252']);
    expect(job.decoded.qr).toEqual(['https://immatriculation.ants.gouv.fr/']);
    expect(job.decoded.cuts).toBe(1);
    expect(onPaper(paper)).toContain(ACCENTS);
  });

  // Star has no PC850 and no ISO 8859-15 table: sent as table 0 (PC437) they printed « RΘcΘpissΘ ».
  for (const [configured, printed] of [
    ['PC850_MULTILINGUAL', 'PC858_EURO'],
    ['ISO8859_15_LATIN9', 'WPC1252'],
    ['WPC1252', 'WPC1252'],
    ['PC858_EURO', 'PC858_EURO'],
  ] as const) {
    it(`prints ${configured} on a Star printer with Star's ${printed} table, as the preview shows`, async () => {
      const { preview, job, expected, paper } = await printOn(
        deposee,
        { askStatus: false, characterSet: configured },
        'star',
      );
      expect(preview.characterSet).toBe(printed);
      expect(job.decoded.codePages).toEqual([printed, printed]);
      expect(paper).toEqual(expected);
      const text = onPaper(paper);
      expect(text).toContain('Reçu du point numérique');
      expect(text).toContain('é è ê à ç ù ô î');
      expect(text).toContain('€');
      expect(text).not.toMatch(/[ΘΦΩ]/);
      expect(job.decoded.unknown).toBe(0);
    });
  }

  it('marks the receipt printed, journals figures only, and never prints twice by accident', async () => {
    const { result } = await printOn(deposee);
    expect(station!.session.facts.receiptPrinted).toBe(true);
    const again = await station!.print.print();
    expect(again).toMatchObject({ result: 'already_printed', jobId: result.jobId });
    const reprint = await station!.print.print({ reprint: true });
    expect(reprint.result).toBe('printed');
    await peer!.nextJob();
    expect(peer!.jobs).toHaveLength(2);
    const entries = station!.services.journal.list({ code: 'receipt.printed' });
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain('CIM-2611');
    expect(entries[0]!.details).toMatchObject({ via: 'thermal', reprint: true });
  });

  it('joins the running job when "Imprimer" is clicked twice', async () => {
    peer = await startEscPosPeer();
    station = openPrintStation(tempDir(), { interface: peer.url }, [deposee]);
    const [first, second] = await Promise.all([station.print.print(), station.print.print()]);
    expect(first.result).toBe('printed');
    expect(second).toMatchObject({ result: 'in_progress', jobId: first.jobId });
    await new Promise((done) => setTimeout(done, 100));
    expect(peer.jobs).toHaveLength(1);
  });

  it('prints the time shown in the preview, unless the preview is old', async () => {
    peer = await startEscPosPeer();
    station = openPrintStation(tempDir(), { interface: peer.url }, [deposee]);
    expect(
      station.print
        .preview()
        .lines.map((l) => (l.kind === 'text' ? l.text : ''))
        .join(' '),
    ).toContain('à 17:05');
    station.clock.now = new Date('2026-11-23T16:08:00Z');
    await station.print.print();
    expect(paperText((await peer.nextJob()).decoded).join(' ')).toContain('à 17:05');
    station.clock.now = new Date('2026-11-23T16:28:00Z');
    await station.print.print({ reprint: true });
    expect(paperText((await peer.nextJob()).decoded).join(' ')).toContain('à 17:28');
  });

  it('prints the référent test page with the accents and a width ruler', async () => {
    peer = await startEscPosPeer();
    station = openPrintStation(tempDir(), { interface: peer.url, width: 42 }, []);
    await station.print.testPage();
    const job = await peer.nextJob();
    const paper = paperText(job.decoded);
    expect(paper).toContain('123456789012345678901234567890123456789012');
    expect(onPaper(paper)).toContain(ACCENTS);
    expect(job.decoded.qr).toEqual(['https://www.service-public.fr/']);
  });

  it('decodes what the peer received exactly like a fresh decode of the same bytes', async () => {
    const { job } = await printOn(abandonnee);
    expect(decodeJob(job.bytes)).toEqual(job.decoded);
  });
});
