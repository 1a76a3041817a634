import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withBoundedHeapGrowth } from './heap.js';

describe('withBoundedHeapGrowth', () => {
  afterEach(() => vi.restoreAllMocks());

  it('bounds heap growth while any such work runs, and gives V8 its own rule back after the last, even on failure', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString');
    let release!: () => void;
    const first = withBoundedHeapGrowth(() => new Promise<string>((r) => (release = () => r('first'))));
    const second = withBoundedHeapGrowth(async () => {
      throw new Error('the second import failed');
    });
    await expect(second).rejects.toThrow('the second import failed');
    // The first still runs: still bounded.
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50']]);
    release();
    expect(await first).toBe('first');
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50'], ['--heap-growing-percent=0']]);
  });
});
