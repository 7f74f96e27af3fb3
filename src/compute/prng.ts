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
  // The state lives in a typed array, not in closure variables: a 32-bit word above 2³⁰ held in a
  // closure is a heap-allocated number in V8, so every draw would allocate and the garbage
  // collector would take a fifth of a long Monte Carlo run. The arithmetic is the same mod 2³².
  const state = Uint32Array.from(seedWords(seed));
  const nextUint32 = (): number => {
    const a = state[0], b = state[1], c = state[2], d = state[3];
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  };
  // Discard the first outputs: sfc32 recommends warming up its state.
  for (let i = 0; i < 12; i++) nextUint32();
  // Box–Muller's second value, kept for the next call (in a typed array for the same reason).
  const spare = new Float64Array(1);
  let hasSpare = false;
  const rng: Rng = {
    uniform: () => nextUint32() / 4294967296,
    normal: () => {
      if (hasSpare) {
        hasSpare = false;
        return spare[0];
      }
      let u = 0;
      while (u === 0) u = rng.uniform();
      const v = rng.uniform();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare[0] = radius * Math.sin(2 * Math.PI * v);
      hasSpare = true;
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
