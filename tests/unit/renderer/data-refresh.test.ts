// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../preload/api';
import { useQuery } from '../../../renderer/src/app/data';

// Each read answers at once with how many reads were made so far.
let reads = 0;
const load = async (): Promise<Result<number>> => ({ ok: true, value: ++reads });
/** Moves the fake clock on and lets React apply the replies. */
const wait = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => {
  reads = 0;
  vi.useFakeTimers();
});
// Vitest runs without globals, so Testing Library cannot unmount by itself between tests.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useQuery refreshEvery', () => {
  it('reads again every period, and the newest reply is shown', async () => {
    const { result } = renderHook(() => useQuery('status', load, { refreshEvery: 20_000 }));
    await wait(0);
    expect(result.current.data).toBe(1);
    await wait(19_999);
    expect(reads).toBe(1);
    await wait(1);
    expect(result.current.data).toBe(2);
    await wait(40_000);
    expect(result.current.data).toBe(4);
  });

  it('stops reading once unmounted, or while not enabled; without the option it never polls', async () => {
    const polled = renderHook(() => useQuery('status', load, { refreshEvery: 1_000 }));
    await wait(0);
    polled.unmount();
    await wait(10_000);
    expect(reads).toBe(1);

    const { rerender } = renderHook(({ enabled }) => useQuery('status', load, { refreshEvery: 1_000, enabled }), {
      initialProps: { enabled: false },
    });
    await wait(5_000);
    expect(reads).toBe(1);
    rerender({ enabled: true });
    await wait(2_000);
    expect(reads).toBe(4);
    cleanup();

    reads = 0;
    renderHook(() => useQuery('status', load));
    await wait(60_000);
    expect(reads).toBe(1);
  });
});
