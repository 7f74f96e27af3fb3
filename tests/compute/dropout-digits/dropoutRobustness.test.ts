/**
 * Robustness of the dropout-digits page's claims: every claim the page makes about its runs
 * ("on every seed", the accuracy bands, early stopping, blank blocks) is held to FRESH_DRAWS draws
 * that the page never shows, each with its own seed (weights, batch order, masks, noise blocks)
 * and its own split of the MNIST digits into training, validation and test sets. The claims are
 * judged by the same digitClaims the page and the loader test use, so this asserts exactly what
 * the page says.
 *
 * Slow: 2 × FRESH_DRAWS trainings of 8 epochs on tfjs's WebAssembly backend, in two workers
 * (about 1.6 s of CPU a training here, so under a minute on two idle cores).
 */
import assert from "node:assert/strict";
import {
  DIGIT_BANDS,
  digitClaims,
  FRESH_DRAWS,
} from "../../../src/compute/dropout-digits/dropoutClaims.ts";
import { seedSpread } from "../../../src/compute/dropout-digits/digitRuns.ts";
import { parseDigitGrid } from "../../../src/compute/dropout-digits/grid.ts";
import { SPLIT_SEED } from "../../../src/loaders/mnist-digits.bin.ts";
import { freshDigitPairs } from "./freshDigitRuns.ts";

/** Seeds and splits far from the page's (seeds 1–4, split SPLIT_SEED). */
export const freshDraws = Array.from({ length: FRESH_DRAWS }, (_, i) => ({
  seed: 1001 + i,
  splitSeed: 5001 + i,
}));

Deno.test({
  name:
    "dropout-digits robustness: every claim on the page holds on every fresh draw (FRESH_DRAWS seeds, each with its own split of the digits)",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    assert.ok(FRESH_DRAWS >= 20);
    assert.ok(freshDraws.every((d) => d.seed > 4 && d.splitSeed !== SPLIT_SEED));
    const grid = parseDigitGrid(
      JSON.parse(
        await Deno.readTextFile(new URL("../../../data/dropout-digits.json", import.meta.url)),
      ),
    );
    const started = performance.now();
    const pairs = await freshDigitPairs(freshDraws, { base: grid.base, dropout: grid.dropout });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${pairs.length} fresh draws × 2 runs in ${seconds.toFixed(0)} s`);
    const claims = digitClaims(pairs.map((p) => p.off), pairs.map((p) => p.on));
    // The spread behind each verdict, for the record (and for choosing bands with a margin).
    for (const claim of claims) {
      console.log(`${claim.holds ? "holds" : "FAILS"} ${claim.id}: ${claim.detail}`);
    }
    const failed = claims.filter((c) => !c.holds).map((c) => `${c.id}: ${c.text} (${c.detail})`);
    assert.deepEqual(failed, []);
    // The prose: "dropout weakens the habit without breaking it". With dropout the network sides
    // with a wrong block less often than without, yet more often than misreading alone would
    // (1 − blank accuracy, spread over the 9 wrong classes), on every draw.
    for (const { draw, off, on } of pairs) {
      const misread = (1 - on.test.blank) / 9;
      assert.ok(on.test.followed < off.test.followed, `seed ${draw.seed}: weakens`);
      assert.ok(on.test.followed > misread, `seed ${draw.seed}: without breaking`);
    }
    // The bands come from this spread with a margin: each edge at least one standard deviation
    // beyond the most extreme draw, so a new seed is unlikely to land outside.
    for (
      const [name, runs] of [["without", pairs.map((p) => p.off)], [
        "with",
        pairs.map((p) => p.on),
      ]] as const
    ) {
      const spread = seedSpread(runs.map((r) => r.test.noise));
      const [lo, hi] = name === "with" ? DIGIT_BANDS.withDropout : DIGIT_BANDS.withoutDropout;
      const pct = (v: number) => (100 * v).toFixed(1);
      console.log(
        `clean test accuracy ${name} dropout: mean ${pct(spread.mean)}, sd ${pct(spread.sd)}, ${
          pct(spread.min)
        } to ${pct(spread.max)}; band ${pct(lo)} to ${pct(hi)}`,
      );
      assert.ok(spread.min - lo >= spread.sd && hi - spread.max >= spread.sd, name);
    }
  },
});
