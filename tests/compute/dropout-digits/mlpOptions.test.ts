import assert from "node:assert/strict";
import {
  type DigitMlpOptions,
  resolveMlpOptions,
  usesDropout,
  withoutDropout,
} from "../../../src/compute/dropout-digits/mlpOptions.ts";

const good: DigitMlpOptions = {
  keepInput: 0.5,
  keepHidden: 0.5,
  strength: 3,
  perClass: 300,
  hidden: 32,
  epochs: 8,
  batchSize: 50,
  learningRate: 0.001,
  seed: 1,
};

Deno.test("resolveMlpOptions(options) accepts the page's defaults and keep probability 1", () => {
  assert.deepEqual(resolveMlpOptions(good), good);
  assert.deepEqual(resolveMlpOptions(withoutDropout(good)), {
    ...good,
    keepInput: 1,
    keepHidden: 1,
  });
  assert.equal(usesDropout(good), true);
  assert.equal(usesDropout(withoutDropout(good)), false);
  assert.equal(usesDropout({ ...good, keepInput: 1 }), true);
});

Deno.test("resolveMlpOptions(options) refuses keep probabilities outside (0, 1], n = 0 and NaN with the range", () => {
  const refused: [Partial<DigitMlpOptions>, RegExp][] = [
    [{ keepInput: 0 }, /keep probability of the inputs must be in \(0, 1\]; got 0/],
    [{ keepHidden: 1.5 }, /keep probability of the hidden units must be in \(0, 1\]; got 1.5/],
    [{ keepHidden: NaN }, /keep probability of the hidden units must be in \(0, 1\]; got NaN/],
    [{ perClass: 0 }, /training digits per class must be an integer in \[1, 300\]; got 0/],
    [{ epochs: 0 }, /epochs must be an integer in \[1, 100\]; got 0/],
    [{ hidden: 2.5 }, /hidden units must be an integer in \[1, 512\]; got 2.5/],
    [{ strength: -1 }, /cheating feature strength must be in \[0, 10\]; got -1/],
    [{ learningRate: 0 }, /learning rate must be in \(0, 1\]; got 0/],
    [{ batchSize: 0 }, /batch size must be an integer in \[1, 3000\]; got 0/],
    [{ seed: -1 }, /seed must be an integer in \[0, 4294967295\]; got -1/],
  ];
  for (const [change, message] of refused) {
    assert.throws(() => resolveMlpOptions({ ...good, ...change }), message);
  }
});
