import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../main/log';
import { createServices, type Services } from '../../../main/services';
import { DEFAULT_MEDIATOR, seedStation } from '../../helpers/seed-station';
import { useTempDir } from '../../helpers/temp-dir';
import { stationDispatch } from '../../helpers/station';

const tempDir = useTempDir();
const open: Services[] = [];

afterEach(async () => {
  for (const services of open.splice(0)) {
    await services.sessions.end('ended').catch(() => undefined);
    services.close();
  }
});

/** A real station behind the real dispatcher, with a running accompaniment. */
async function counter() {
  const dataDir = tempDir();
  seedStation(dataDir);
  const services = createServices({
    dataDir,
    platform: { transport: 'web', appVersion: 'test' },
    log: createFileLogger(dataDir, false),
  });
  open.push(services);
  const dispatch = stationDispatch(services);
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const reply = await dispatch(channel, input, { transport: 'web' });
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
    return reply.value as T;
  };
  // Through the contract the accompaniment belongs to a signed-in mediator (access level `session`).
  await services.access.signIn(DEFAULT_MEDIATOR.pseudonym, DEFAULT_MEDIATOR.pin);
  await call('session.start');
  const session = services.sessions.current()!;
  return { services, call, session };
}

const scanBytes = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: '#e8e8e8' } })
    .png()
    .toBuffer();

/** What the receipt says, without its print time. */
async function receiptText(call: <T>(channel: string, input?: unknown) => Promise<T>): Promise<string[]> {
  const preview = await call<{ lines: Array<{ kind: string; text?: string }> }>('print.preview');
  return preview.lines.flatMap((line) => (line.kind === 'qr' || !line.text ? [] : [line.text]));
}

describe('the receipt depends on what was done, not on the screens passed through', () => {
  it('a scan attached to a pièce from the Pièces screen is provided on the receipt, with or without the démarche screen', async () => {
    const viaDemarche = await counter();
    const direct = await counter();

    for (const [station, readsDemarcheScreen] of [
      [viaDemarche, true],
      [direct, false],
    ] as const) {
      const entry = await station.call<{ key: string }>('flow.start', { demarcheId: 'cg-changement-adresse' });
      // The Pièces screen attaches the scan to the pièce; the démarche screen is opened or not.
      const imported = await station.services.scan.importBytes(station.session, 'scan.png', await scanBytes(), 'drop', {
        demarcheId: 'cg-changement-adresse',
        pieceId: 'justificatif-domicile',
      });
      expect(imported.imported).toHaveLength(1);
      if (readsDemarcheScreen) {
        // The démarche screen reads its entry from the session's list (flow.list), as the renderer does.
        const entries =
          await station.call<Array<{ key: string; pieces: Record<string, { status: string }> }>>('flow.list');
        const seen = entries.find((candidate) => candidate.key === entry.key)!;
        expect(seen.pieces['justificatif-domicile']?.status).toBe('scan');
      }
      await station.call('flow.setOutcome', { key: entry.key, outcome: { kind: 'deposee', numero: 'AB123CD' } });
    }

    const [one, two] = [await receiptText(viaDemarche.call), await receiptText(direct.call)];
    const timeless = (lines: string[]) => lines.filter((line) => !/\d{1,2}[:h]\d{2}|\d{2}\/\d{2}\/\d{4}/.test(line));
    expect(timeless(two)).toEqual(timeless(one));
    const provided = viaDemarche.services.flow.records(viaDemarche.session)[0]?.piecesProvided;
    expect(direct.services.flow.records(direct.session)[0]?.piecesProvided).toEqual(provided);
    expect(provided).toHaveLength(1);
    expect(two.join('\n')).toContain('AB123CD');
  });

  it('a pièce whose only scan is deleted is no longer provided', async () => {
    const station = await counter();
    await station.call('flow.start', { demarcheId: 'cg-changement-adresse' });
    const imported = await station.services.scan.importBytes(station.session, 'scan.png', await scanBytes(), 'drop', {
      demarcheId: 'cg-changement-adresse',
      pieceId: 'justificatif-domicile',
    });
    expect(station.services.flow.records(station.session)[0]?.piecesProvided).toHaveLength(1);
    await station.call('scan.remove', { id: imported.imported[0] });
    const record = station.services.flow.records(station.session)[0];
    expect(record?.piecesProvided).toEqual([]);
    expect(station.services.flow.list()[0]?.pieces['justificatif-domicile']?.status).toBe('a_verifier');
  });
});
