import assert from "node:assert/strict";
import {
  axesStatus,
  backwardStatus,
  survivingStatus,
} from "../../../src/components/normalisation/runText.ts";
import { batchFromLink, batchLinkValue } from "../../../src/components/normalisation/batchLink.ts";

const change = (maxAbs: number) => ({ maxAbs, rms: maxAbs });
const changes = { batch: change(0.25), layer: change(0), instance: change(0), group: change(0) };

Deno.test("axesStatus(frame, delta): the groups' moments and example 1's change, or Stopped", () => {
  assert.match(axesStatus({ stopped: true, elapsedMs: 1 }, 1), /^Stopped before TensorFlow/);
  const done = axesStatus({
    count: 20,
    worstMean: 0,
    worstVariance: 0,
    changes,
    backend: "cpu",
    elapsedMs: 1,
  }, 1);
  assert.match(done, /^On cpu: all 20 groups/);
  assert.match(done, /up to 0\.2500 under batch norm and by exactly 0 under layer/);
});

Deno.test("survivingStatus(frame, settings, total): before the first size, stopped after k, or done with the time", () => {
  const settings = { batch: 4, draws: 100 };
  assert.match(
    survivingStatus({ rows: [], stopped: true, elapsedMs: 1 }, settings, 3),
    /^Stopped before the first batch size, n = 4, was measured/,
  );
  const row = { n: 4, draws: 100, mean: 0.75, standardError: 0.01, theory: 0.75 };
  assert.match(
    survivingStatus({ rows: [row], stopped: true, elapsedMs: 1 }, settings, 3),
    /^Stopped after 1 of 3 batch sizes\. n = 4: mean share 0\.7500 against \(n − 1\)\/n = 0\.7500, 0\.0 standard errors apart\.$/,
  );
  assert.match(
    survivingStatus(
      { rows: [row], backend: "cpu", elapsedMs: 12.6, longestChunkMs: 2.2 },
      settings,
      1,
    ),
    /1 batch sizes × 100 batches took 13 ms on cpu; the longest slice 2 ms\.$/,
  );
});

Deno.test("backwardStatus(frame): nothing to check, Stopped, or tfjs's gaps", () => {
  assert.equal(
    backwardStatus({ invalid: true, elapsedMs: 0 }),
    "Nothing to check until X is a valid batch.",
  );
  assert.match(backwardStatus({ stopped: true, elapsedMs: 0 }), /^Stopped before/);
  assert.match(
    backwardStatus({ gap: 1e-7, paramGap: 2e-7, backend: "cpu", elapsedMs: 0 }),
    /on cpu\) gives ∂L\/∂X within 1\.0 × 10⁻⁷ of the closed form/,
  );
});

Deno.test("batchFromLink(search, batch) and batchLinkValue(rows, batch): X read, refused with a message, and left out at the default", () => {
  const batch = [[1, 2], [3, 4]];
  assert.deepEqual(batchFromLink("", batch), { text: "1, 2\n3, 4", problems: [] });
  assert.equal(batchFromLink("?X=5,6", batch).text, "5, 6");
  const bad = batchFromLink("?X=1,NaN", batch);
  assert.equal(bad.text, "1, 2\n3, 4");
  assert.match(bad.problems[0], /^The link sets X=1,NaN, but .+; using the default 2 × 2 batch\.$/);
  assert.equal(batchLinkValue(batch, batch), null);
  assert.equal(batchLinkValue([[0.5, 1]], batch), "0.5,1");
});
