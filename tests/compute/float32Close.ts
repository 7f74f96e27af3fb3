/**
 * Two runs of the same float32 arithmetic that may group sums differently: runLiveDepth cuts each
 * product into row slices sized by the clock outside a worker, so two runs, or a run here and one
 * in the live worker (whole batch at once), may round apart (seen: 5e-8 relative on a loaded
 * machine). 1e-6 relative is about 16 roundings; a 2 % error is 20,000 times larger.
 */
import assert from "node:assert/strict";

/** Each entry within 1e-6 relative of its counterpart; an entry not yet computed (undefined) only
 * matches another such entry. */
export function assertFloat32Close(
  got: readonly (number | undefined)[],
  want: readonly (number | undefined)[],
  what = "",
) {
  assert.equal(got.length, want.length, `${what}: lengths`);
  got.forEach((x, i) => {
    const w = want[i];
    const ok = x === undefined || w === undefined ? x === w : Math.abs(x - w) <= 1e-6 * Math.abs(w);
    assert.ok(ok, `${what}[${i}]: ${x} against ${w}`);
  });
}
