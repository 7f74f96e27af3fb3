/** Small digit sets for the CNN tests: random grey levels, labels 0–9 in turn. */
import type { DigitSet } from "../../src/compute/digitSet.ts";
import { createRng } from "../../src/compute/prng.ts";

export function randomDigits(count: number, seed: number): DigitSet {
  const rng = createRng(seed);
  return {
    count,
    pixels: Uint8Array.from({ length: count * 784 }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  };
}
