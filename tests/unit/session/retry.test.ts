import { describe, expect, it } from 'vitest';
import { withRetries } from '../../../main/session/retry';
import { clipboardFingerprint, clipboardHoldsSessionText } from '../../../main/session/clipboard-guard';
import { fileNotRemoved } from '../../../main/session/wipe-messages';

const instant = async () => {};

describe('wipe step retries', () => {
  it('succeeds on the third attempt after two failures', async () => {
    let calls = 0;
    const outcome = await withRetries(
      () => {
        calls++;
        if (calls < 3) throw new Error('busy');
        return 'done';
      },
      [1, 1],
      instant,
    );
    expect(outcome).toMatchObject({ ok: true, value: 'done', attempts: 3 });
  });

  it('gives up after three attempts and keeps the last error, without throwing', async () => {
    const pauses: number[] = [];
    const outcome = await withRetries(
      () => {
        throw new Error('locked');
      },
      [40, 120],
      async (ms) => void pauses.push(ms),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts).toBe(3);
    expect((outcome.error as Error).message).toBe('locked');
    expect(pauses).toEqual([40, 120]);
  });
  it('counts an attempt that never answers as failed, so a hanging step cannot hold the wipe', async () => {
    let calls = 0;
    const outcome = await withRetries(
      () => {
        calls++;
        return calls === 1 ? new Promise(() => {}) : 'second try';
      },
      [1],
      instant,
      20,
    );
    expect(outcome).toMatchObject({ ok: true, value: 'second try', attempts: 2 });
  });
});

describe('clipboard guard', () => {
  it('clears text copied during the session, not text that was there before', () => {
    const before = clipboardFingerprint('texte du médiateur');
    expect(clipboardHoldsSessionText('texte du médiateur', before)).toBe(false);
    expect(clipboardHoldsSessionText('24AB12345', before)).toBe(true);
    expect(clipboardHoldsSessionText('', before)).toBe(false);
    expect(clipboardHoldsSessionText('24AB12345', null)).toBe(true);
  });
});

describe('wipe messages', () => {
  it('tells the mediator in French which file stayed and what to do', () => {
    const message = fileNotRemoved(['sessions/abc/1.bin']);
    expect(message).toContain("Ce fichier n'a pas pu être effacé");
    expect(message).toContain('sessions/abc/1.bin');
    expect(message).toContain('redémarrez le poste');
  });
});
