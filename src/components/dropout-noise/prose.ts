/** Sentences of the dropout-noise page that depend on the problem or the sweep, whole. */
import { num } from "../math.js";

/** Why the kept shares move off the orthogonal-columns values (or, with one column, do not). */
export function orthogonalityNote(d: number, largestCosine: number): string {
  return d === 1
    ? "A single column is trivially orthogonal, and"
    : `Random columns are not exactly orthogonal (here the largest |cos θ| between two of them is ${
      num(largestCosine, 2)
    }), so the shares move off these values; here`;
}

/** Dropout against the plain ridge, each at its best setting over the sweep's problems. */
export function bestSettingsSentence(found: {
  dropout: { test: number };
  ridge: { test: number };
  dropoutBelowRidge: number;
  problems: number;
}): string {
  const tally = `${found.dropoutBelowRidge} of the ${found.problems} problems`;
  return found.dropout.test < found.ridge.test
    ? `Each at its best setting, dropout's penalty, sized feature by feature, is lower on average and lower than the plain ridge on ${tally}.`
    : `Each at its best setting, the plain ridge is lower on average, and dropout is lower on ${tally}.`;
}
