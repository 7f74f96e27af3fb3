/**
 * Trains the dropout-digits page's experiment on fresh draws (seed and data split both new), in a
 * few workers at once so that the robustness test stays within a few minutes. The pairs come back
 * in draw order whatever order the workers finish in.
 */
import type { FreshDraw, FreshPair, FreshRequest } from "./freshDigitRunWorker.ts";

export type { FreshDraw, FreshPair };

export async function freshDigitPairs(
  draws: FreshDraw[],
  settings: Omit<FreshRequest, "draws">,
  { workers = 2, log = (_: string) => {} } = {},
): Promise<FreshPair[]> {
  const count = Math.max(1, Math.min(workers, draws.length));
  const shares = Array.from({ length: count }, (_, w) => draws.filter((_, i) => i % count === w));
  const results = new Map<number, FreshPair>();
  await Promise.all(shares.map((share) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL("./freshDigitRunWorker.ts", import.meta.url), {
        type: "module",
      });
      worker.onmessage = (event) => {
        const data = event.data as { pair?: FreshPair; done?: true; error?: string };
        if (data.pair) {
          results.set(data.pair.draw.seed, data.pair);
          log(`seed ${data.pair.draw.seed} (split ${data.pair.draw.splitSeed}) done`);
        } else {
          worker.terminate();
          if (data.error) reject(new Error(data.error));
          else resolve();
        }
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message));
      };
      worker.postMessage({ draws: share, ...settings } satisfies FreshRequest);
    })
  ));
  return draws.map((d) => results.get(d.seed)!);
}
