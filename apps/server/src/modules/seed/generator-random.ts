import type { Weighted } from './generator-vocabulary.js';

/** 32-bit FNV-1a of the seed's text: any seed, string or number, becomes a stable starting state. */
export function hashSeed(seed: string | number): number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Running totals of each weight list, computed once: a million rows draw from the same few lists. */
const totals = new WeakMap<object, Float64Array>();
function cumulative(items: Weighted<unknown>): Float64Array {
  let cum = totals.get(items);
  if (!cum) {
    cum = new Float64Array(items.length);
    let sum = 0;
    items.forEach(([, w], i) => (cum![i] = sum += w));
    totals.set(items, cum);
  }
  return cum;
}

/**
 * A small random source for one generated row (mulberry32), seeded from the run's seed and the row's index, so row i
 * is the same whatever rows are generated before it: a benchmark can generate its rows in any slices.
 */
export class RowRandom {
  private state: number;

  constructor(seedHash: number, index: number) {
    // splitmix32-style mixing: neighbouring indexes start from unrelated states.
    let z = (seedHash ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.state = (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One item, by weight. */
  weighted<T>(items: Weighted<T>): T {
    const cum = cumulative(items);
    const r = this.next() * cum[cum.length - 1]!;
    for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return items[i]![0];
    return items[items.length - 1]![0];
  }

  /** Up to `n` distinct items, by weight. */
  weightedDistinct<T>(items: Weighted<T>, n: number): T[] {
    const out: T[] = [];
    for (let tries = 0; out.length < Math.min(n, items.length) && tries < n * 4; tries++) {
      const item = this.weighted(items);
      if (!out.includes(item)) out.push(item);
    }
    return out;
  }

  /** `length` characters drawn from `chars`. */
  chars(chars: string, length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += chars.charAt(Math.floor(this.next() * chars.length));
    return s;
  }
}
