/**
 * How a link names an exercise's numbers and its card. A card's seed comes from
 * `?ex-<name>=<seed>` (the exercise id without its page, "convolution/filter-recovery" →
 * `ex-filter-recovery`), else from a page-wide `?seed=<seed>` (one variant of every card, for an
 * instructor's hand-out), else 1. "New numbers" writes `ex-<name>`; the card's element id is the
 * same `ex-<name>`, so `/pages/convolution?ex-filter-recovery=17#ex-filter-recovery` opens that
 * variant and scrolls to it.
 */

/** The largest seed a link may give: any integer 0 … 999,999,999 is a variant. */
export const MAX_SEED = 999_999_999;
export const DEFAULT_SEED = 1;

/** "convolution/filter-recovery" → "ex-filter-recovery": the card's id and its link parameter. */
export function cardKey(id: string): string {
  return `ex-${id.slice(id.indexOf("/") + 1)}`;
}

/** The seed a link gives a card, and a message when the link's value cannot be one. */
export function readSeed(search: string, id: string): { seed: number; problem?: string } {
  const params = new URLSearchParams(search);
  for (const key of [cardKey(id), "seed"]) {
    const all = params.getAll(key);
    if (all.length === 0) continue;
    const text = all[0];
    if (all.length > 1) {
      return {
        seed: DEFAULT_SEED,
        problem: `The link sets ${key} more than once; using ${DEFAULT_SEED}.`,
      };
    }
    const seed = Number(text);
    if (/^\d+$/.test(text.trim()) && seed <= MAX_SEED) return { seed };
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return {
      seed: DEFAULT_SEED,
      problem: `The link sets ${key}=${shown}, but a seed must be a whole number from 0 to ${
        MAX_SEED.toLocaleString("en-US")
      }; using ${DEFAULT_SEED}.`,
    };
  }
  return { seed: DEFAULT_SEED };
}

/** The next variant after `seed`, wrapping at MAX_SEED. */
export function nextSeed(seed: number): number {
  return seed >= MAX_SEED ? 0 : seed + 1;
}
