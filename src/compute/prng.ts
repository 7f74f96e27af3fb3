/**
 * Seeded pseudo-random numbers that give the same sequence in Deno and in every browser.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) uses only 32-bit integer
 * arithmetic through `Math.imul` and `>>>`, so its output is bit-identical on every JS engine.
 */
import { seedValue } from "./validate.js";

export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1), by the Box–Muller transform. */
  normal(): number;
  /** Integer uniform on {0, …, n − 1}. */
  int(n: number): number;
  /** An independent generator derived from this one's next outputs. */
  fork(): Rng;
}

/** Spreads a 32-bit seed over four 32-bit words so nearby seeds diverge at once. */
function seedWords(seed: number): [number, number, number, number] {
  // splitmix32: one counter step and one mix per word.
  let s = seedValue(seed);
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

/** A generator for `seed`, an integer in [0, 2³² − 1] (anything else throws a RangeError). */
export function createRng(seed: number): Rng {
  let [a, b, c, d] = seedWords(seed);
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 recommends warming up its state.
  for (let i = 0; i < 12; i++) nextUint32();
  let spare: number | undefined;
  const rng: Rng = {
    uniform: () => nextUint32() / 4294967296,
    normal: () => {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return z;
      }
      let u = 0;
      while (u === 0) u = rng.uniform();
      const v = rng.uniform();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    int: (n: number) => {
      if (!Number.isInteger(n) || n <= 0) {
        throw new RangeError(`int(n) needs a positive integer n, got ${n}`);
      }
      return Math.floor(rng.uniform() * n);
    },
    fork: () => createRng((nextUint32() ^ Math.imul(nextUint32(), 0x9e3779b9)) >>> 0),
  };
  return rng;
}
