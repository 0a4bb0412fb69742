import { describe, expect, it } from 'vitest';
import {
  actionMessage,
  initialQuery,
  LatestOnly,
  settleQuery,
  thrownError,
} from '../../../renderer/src/app/request-state';

const refused = { code: 'referent_required', message: 'Le code du référent est demandé.' };

describe('the data layer’s pure state', () => {
  it('a value replaces the old one; an error keeps the old value beside the error', () => {
    const first = settleQuery(initialQuery<number>(), { ok: true, value: 1 });
    expect(first).toEqual({ data: 1, error: null, loading: false });
    const failed = settleQuery(first, { ok: false, error: refused });
    expect(failed).toEqual({ data: 1, error: refused, loading: false });
    expect(settleQuery(failed, { ok: true, value: 2 })).toEqual({ data: 2, error: null, loading: false });
  });

  it('only the latest request of a query is applied, and nothing after close', () => {
    const latest = new LatestOnly();
    const slow = latest.next();
    const fast = latest.next();
    expect(latest.isLatest(slow)).toBe(false);
    expect(latest.isLatest(fast)).toBe(true);
    latest.close();
    expect(latest.isLatest(fast)).toBe(false);
    expect(latest.isLatest(latest.next())).toBe(false);
  });

  it('a thrown call becomes a counter error in French, a CallError keeps its own', () => {
    expect(thrownError(new TypeError('socket closed'), 'Le poste ne répond pas.')).toEqual({
      code: 'call_failed',
      message: 'Le poste ne répond pas.',
    });
    expect(thrownError({ error: refused }, 'x')).toEqual(refused);
    expect(thrownError(refused, 'x')).toEqual(refused);
  });

  it('an action says its success text, its error, or nothing', () => {
    expect(actionMessage({ ok: true, value: 3 }, 'Enregistré.')).toEqual({ ok: true, text: 'Enregistré.' });
    expect(actionMessage({ ok: true, value: 3 }, (n) => `${n} pages`)).toEqual({ ok: true, text: '3 pages' });
    expect(actionMessage({ ok: true, value: 3 }, () => null)).toBeNull();
    expect(actionMessage({ ok: true, value: 3 }, undefined)).toBeNull();
    expect(actionMessage({ ok: false, error: refused }, 'Enregistré.')).toEqual({ ok: false, text: refused.message });
  });
});
