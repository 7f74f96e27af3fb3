/** The Monte-Carlo check shared by the normalisation tests. */
import assert from "node:assert/strict";

/**
 * An estimate must sit within 4 standard errors of its closed form, and the run must be precise
 * enough to tell a wrong closed form: the value 2 % off either way must sit more than 4 standard
 * errors away (the check is built into every call, so each test is its own mutation check).
 */
export function assertSampled(label: string, estimate: number, se: number, value: number): void {
  const z = (v: number) => (estimate - v) / se;
  assert.ok(
    Math.abs(z(value)) < 4,
    `${label}: ${estimate} ± ${se} vs closed form ${value} (${z(value).toFixed(2)} SE)`,
  );
  for (const error of [-0.02, 0.02]) {
    const wrong = value * (1 + error);
    assert.ok(
      Math.abs(z(wrong)) > 4,
      `${label}: a ${error * 100} % error would pass (${z(wrong).toFixed(2)} SE; ${se} too large)`,
    );
  }
}
