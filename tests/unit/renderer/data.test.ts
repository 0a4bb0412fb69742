// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, type Api, type CounterError, type EventName, type Result } from '../../../preload/api';
import { connectApi } from '../../../renderer/src/api';
import { useAction, useQuery } from '../../../renderer/src/app/data';

/** A reply the test sends when it chooses, so it can deliver replies out of order. */
function deferred<T>() {
  let resolve!: (value: Result<T>) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<Result<T>>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A call whose replies the test sends one by one: `reply(i)` answers the i-th call. */
function controlled<T, A extends unknown[] = []>() {
  const calls: { args: A; reply: ReturnType<typeof deferred<T>> }[] = [];
  const fn = (...args: A) => {
    const reply = deferred<T>();
    calls.push({ args, reply });
    return reply.promise;
  };
  const reply = (index: number) => {
    const call = calls[index];
    if (!call) throw new Error(`call ${index} was not made`);
    return call.reply;
  };
  return { fn, calls, reply };
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const refused: CounterError = { code: 'referent_required', message: 'Le code du référent est demandé.' };

// Main's events, as the preload delivers them: listeners per name, each removed by the function `on` returns.
const listeners = new Map<EventName, Set<() => void>>();
const emit = (name: EventName) => act(() => listeners.get(name)?.forEach((listener) => listener()));
const listening = (name: EventName) => listeners.get(name)?.size ?? 0;

beforeAll(async () => {
  const events: Pick<Api, 'events'> = {
    events: {
      on: (name: EventName, listener: () => void) => {
        const set = listeners.get(name) ?? new Set();
        listeners.set(name, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    } as unknown as Api['events'],
  };
  (window as unknown as Record<string, unknown>)[API_GLOBAL] = events;
  await connectApi();
});

// Vitest runs without globals, so Testing Library cannot unmount by itself between tests.
afterEach(cleanup);

/** Lets the promise callbacks run and React apply what they set. */
const settle = () => act(async () => {});

describe('useQuery', () => {
  it('reads on mount: loading, then the value', async () => {
    const load = controlled<string>();
    const { result } = renderHook(() => useQuery('k', load.fn));
    expect(result.current).toMatchObject({ data: undefined, loading: true, error: null });
    await act(async () => load.reply(0).resolve(ok('first')));
    expect(result.current).toMatchObject({ data: 'first', loading: false, error: null });
  });

  it('a reply for an older key that arrives after the newer key’s reply never replaces it', async () => {
    const load = controlled<string>();
    const { result, rerender } = renderHook(({ key }) => useQuery(`search:${key}`, () => load.fn()), {
      initialProps: { key: 'ca' },
    });
    rerender({ key: 'carte' });
    expect(load.calls).toHaveLength(2);
    await act(async () => load.reply(1).resolve(ok('carte grise')));
    expect(result.current).toMatchObject({ data: 'carte grise', loading: false });
    await act(async () => load.reply(0).resolve(ok('ca: everything')));
    expect(result.current).toMatchObject({ data: 'carte grise', loading: false });
  });

  it('a reply for an older key that arrives first is not taken for the newer key’s value', async () => {
    const load = controlled<string>();
    const { result, rerender } = renderHook(({ key }) => useQuery(`search:${key}`, () => load.fn()), {
      initialProps: { key: 'ca' },
    });
    rerender({ key: 'carte' });
    await act(async () => load.reply(0).resolve(ok('ca: everything')));
    expect(result.current).toMatchObject({ data: undefined, loading: true });
    await act(async () => load.reply(1).resolve(ok('carte grise')));
    expect(result.current).toMatchObject({ data: 'carte grise', loading: false });
  });

  it('while the new key is read, the previous value stays shown and loading says so', async () => {
    const load = controlled<string>();
    const { result, rerender } = renderHook(({ key }) => useQuery(key, () => load.fn()), {
      initialProps: { key: 'a' },
    });
    await act(async () => load.reply(0).resolve(ok('A')));
    rerender({ key: 'b' });
    expect(result.current).toMatchObject({ data: 'A', loading: true });
    await act(async () => load.reply(1).resolve(ok('B')));
    expect(result.current).toMatchObject({ data: 'B', loading: false });
  });

  it('two reads of one key answered in reverse order: the newer read’s reply stays', async () => {
    const load = controlled<number>();
    const { result } = renderHook(() => useQuery('count', load.fn, { refreshOn: ['scan.changed'] }));
    emit('scan.changed');
    expect(load.calls).toHaveLength(2);
    await act(async () => load.reply(1).resolve(ok(2)));
    await act(async () => load.reply(0).resolve(ok(1)));
    expect(result.current.data).toBe(2);
  });

  it('setData during a read: the read’s stale reply is dropped and the query reads again', async () => {
    const load = controlled<string>();
    const { result } = renderHook(() => useQuery('entry', load.fn));
    await act(async () => load.reply(0).resolve(ok('before')));

    // A read starts (as after an event), then an action's value is set while it is on its way.
    let reading!: Promise<void>;
    act(() => void (reading = result.current.reload()));
    act(() => result.current.setData('saved'));
    expect(result.current).toMatchObject({ data: 'saved', loading: false, error: null });
    expect(load.calls).toHaveLength(3);
    await act(async () => load.reply(1).resolve(ok('before')));
    await act(async () => reading);
    expect(result.current.data).toBe('saved');
    await act(async () => load.reply(2).resolve(ok('saved, as main has it')));
    expect(result.current.data).toBe('saved, as main has it');
  });

  it('setData with no read on its way does not read again, and a function gets the current value', async () => {
    const load = controlled<number>();
    const { result } = renderHook(() => useQuery('n', load.fn));
    await act(async () => load.reply(0).resolve(ok(1)));
    act(() => result.current.setData((current) => (current ?? 0) + 10));
    expect(result.current.data).toBe(11);
    await settle();
    expect(load.calls).toHaveLength(1);
  });

  it('reads again after each refreshOn event, and stops listening on unmount', async () => {
    const load = controlled<string>();
    const { result, unmount } = renderHook(() =>
      useQuery('imports', load.fn, { refreshOn: ['scan.changed', 'site.changed'] }),
    );
    await act(async () => load.reply(0).resolve(ok('one')));
    emit('scan.changed');
    await act(async () => load.reply(1).resolve(ok('two')));
    expect(result.current.data).toBe('two');
    emit('site.changed');
    expect(load.calls).toHaveLength(3);

    unmount();
    expect(listening('scan.changed')).toBe(0);
    expect(listening('site.changed')).toBe(0);
    emit('scan.changed');
    expect(load.calls).toHaveLength(3);
  });

  it('a refused read keeps the last value beside the error; a thrown call gives the connection text', async () => {
    const load = controlled<string>();
    const { result } = renderHook(() => useQuery('k', load.fn));
    await act(async () => load.reply(0).resolve(ok('kept')));
    await act(async () => {
      const again = result.current.reload();
      load.reply(1).resolve({ ok: false, error: refused });
      await again;
    });
    expect(result.current).toMatchObject({ data: 'kept', error: refused, loading: false });
    await act(async () => {
      const again = result.current.reload();
      load.reply(2).reject(new Error('socket closed'));
      await again;
    });
    expect(result.current.error).toEqual({
      code: 'call_failed',
      message: 'Le poste ne répond pas. Réessayez dans un instant.',
    });
    expect(result.current.data).toBe('kept');
  });

  it('enabled: false reads nothing until enabled', async () => {
    const load = controlled<string>();
    const { result, rerender } = renderHook(({ enabled }) => useQuery('k', load.fn, { enabled }), {
      initialProps: { enabled: false },
    });
    expect(load.calls).toHaveLength(0);
    expect(result.current.loading).toBe(false);
    rerender({ enabled: true });
    expect(load.calls).toHaveLength(1);
    expect(result.current.loading).toBe(true);
  });
});

describe('useAction', () => {
  it("'ignore' (default): a second run while the first runs is dropped", async () => {
    const perform = controlled<string, [string]>();
    const { result } = renderHook(() => useAction(perform.fn, { success: 'Enregistré.' }));
    let first!: Promise<string | undefined>;
    let second!: Promise<string | undefined>;
    act(() => {
      first = result.current.run('a');
    });
    expect(result.current.busy).toBe(true);
    act(() => {
      second = result.current.run('b');
    });
    expect(perform.calls.map((c) => c.args)).toEqual([['a']]);
    await expect(second).resolves.toBeUndefined();
    await act(async () => perform.reply(0).resolve(ok('A')));
    await expect(first).resolves.toBe('A');
    expect(result.current).toMatchObject({ busy: false, error: null, message: { ok: true, text: 'Enregistré.' } });
    // Once done, the next click runs.
    act(() => void result.current.run('c'));
    expect(perform.calls).toHaveLength(2);
  });

  it("'latest': every run goes through; an older reply arriving last changes nothing", async () => {
    const perform = controlled<string, [string]>();
    const onSuccess = vi.fn();
    const { result } = renderHook(() =>
      useAction(perform.fn, { overlap: 'latest', success: (value) => `Pièce ${value}.`, onSuccess }),
    );
    act(() => void result.current.run('1'));
    act(() => void result.current.run('2'));
    expect(perform.calls).toHaveLength(2);
    await act(async () => perform.reply(1).resolve(ok('2')));
    expect(result.current).toMatchObject({ busy: false, message: { ok: true, text: 'Pièce 2.' } });
    await act(async () => perform.reply(0).resolve({ ok: false, error: refused }));
    expect(result.current).toMatchObject({ busy: false, error: null, message: { ok: true, text: 'Pièce 2.' } });
    expect(onSuccess.mock.calls).toEqual([['2']]);
  });

  it("'latest': the older reply arriving first leaves the action busy until the newer one", async () => {
    const perform = controlled<string, [string]>();
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useAction(perform.fn, { overlap: 'latest', onSuccess }));
    act(() => void result.current.run('1'));
    act(() => void result.current.run('2'));
    await act(async () => perform.reply(0).resolve(ok('1')));
    expect(result.current.busy).toBe(true);
    expect(onSuccess).not.toHaveBeenCalled();
    await act(async () => perform.reply(1).resolve(ok('2')));
    expect(result.current.busy).toBe(false);
    expect(onSuccess.mock.calls).toEqual([['2']]);
  });

  it('a refusal shows main’s French text, calls onError, and the next run clears it', async () => {
    const perform = controlled<string>();
    const onError = vi.fn();
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useAction(perform.fn, { success: 'Fait.', onError, onSuccess }));
    let run!: Promise<string | undefined>;
    act(() => void (run = result.current.run()));
    await act(async () => perform.reply(0).resolve({ ok: false, error: refused }));
    await expect(run).resolves.toBeUndefined();
    expect(result.current).toMatchObject({
      busy: false,
      error: refused,
      message: { ok: false, text: 'Le code du référent est demandé.' },
    });
    expect(onError).toHaveBeenCalledWith(refused);
    expect(onSuccess).not.toHaveBeenCalled();

    act(() => void result.current.run());
    expect(result.current).toMatchObject({ busy: true, error: null, message: null });
    await act(async () => perform.reply(1).resolve(ok('x')));
    expect(result.current.message).toEqual({ ok: true, text: 'Fait.' });
    act(() => result.current.clear());
    expect(result.current.message).toBeNull();
  });

  it('a call that throws gives the connection text, or the counter error it carries', async () => {
    const perform = controlled<string>();
    const { result } = renderHook(() => useAction(perform.fn));
    act(() => void result.current.run());
    await act(async () => perform.reply(0).reject(new Error('socket closed')));
    expect(result.current.error?.message).toBe('Le poste ne répond pas. Réessayez dans un instant.');
    expect(result.current.busy).toBe(false);
    act(() => void result.current.run());
    await act(async () => perform.reply(1).reject({ error: refused }));
    expect(result.current.error).toEqual(refused);
  });

  it('the latest options are used (a success text that depends on the screen’s state)', async () => {
    const perform = controlled<string>();
    const { result, rerender } = renderHook(({ text }) => useAction(perform.fn, { success: text }), {
      initialProps: { text: 'old' },
    });
    rerender({ text: 'new' });
    act(() => void result.current.run());
    await act(async () => perform.reply(0).resolve(ok('v')));
    expect(result.current.message).toEqual({ ok: true, text: 'new' });
  });
});
