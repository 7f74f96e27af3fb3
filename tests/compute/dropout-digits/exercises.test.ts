import assert from "node:assert/strict";
import {
  cheatReliance,
  dropoutEffect,
  gapNarrowing,
} from "../../../src/compute/dropout-digits/exercises.ts";
import {
  answerEntries,
  assertSameEntries,
  exerciseNamed,
  SEEDS,
  tupleEntries,
} from "../exerciseValues.ts";

const PAGE = "dropout-digits";

const listAfter = (prompt: string, name: string) =>
  tupleEntries(prompt.split(`${name}: $(`)[1].split(")")[0]);

Deno.test("cheatReliance({labels: (1, 2, 3, 4), named: (1, 5, 6, 7), predicted: (1, 5, 3, 0)}) is (1/2, 1/3)", () => {
  const i = cheatReliance({ labels: [1, 2, 3, 4], named: [1, 5, 6, 7], predicted: [1, 5, 3, 0] });
  assertSameEntries(answerEntries(i), [1 / 2, 1 / 3], 1e-9, "measures");
});

Deno.test("cheatReliance(digits) counts right predictions and followed misleading blocks, seeds 0..999", () => {
  for (const seed of SEEDS) {
    const i = exerciseNamed(PAGE, "cheat-reliance").generate(seed);
    const labels = listAfter(i.prompt, "Labels");
    const named = listAfter(i.prompt, "classes the blocks name");
    const predicted = listAfter(i.prompt, "predictions");
    let right = 0;
    let misleading = 0;
    let followed = 0;
    labels.forEach((l, k) => {
      if (predicted[k] === l) right++;
      if (named[k] !== l) {
        misleading++;
        if (predicted[k] === named[k]) followed++;
      }
    });
    assertSameEntries(
      answerEntries(i),
      [right / labels.length, followed / misleading],
      1e-9,
      `seed ${seed}`,
    );
  }
});

Deno.test("gapNarrowing({without: 99 % / 65 %, with: 90 % / 78 %}) is 22 points, homework 5 6(c); every seed gives the difference of the gaps", () => {
  const i = gapNarrowing({
    without: { trainAccuracy: 0.99, validationAccuracy: 0.65 },
    with: { trainAccuracy: 0.9, validationAccuracy: 0.78 },
  });
  assertSameEntries(answerEntries(i), [22], 1e-9, "points");
  for (const seed of SEEDS) {
    const g = exerciseNamed(PAGE, "gap-narrowing").generate(seed);
    const [trainOff, valOff, trainOn, valOn] = [...g.prompt.matchAll(/\$([\d.]+)\\,\\%\$/g)].map((
      m,
    ) => Number(m[1]));
    assertSameEntries(
      answerEntries(g),
      [(trainOff - valOff) - (trainOn - valOn)],
      1e-9,
      `seed ${seed}`,
    );
  }
});

Deno.test("dropoutEffect(seed) has the answer of homework 5 5(i): clean accuracy up, the block still leaned on", () => {
  for (const seed of [0, 1, 2, 3]) {
    const i = dropoutEffect(seed);
    assert.ok(i.answer.kind === "choice");
    assert.match(
      i.answer.options[i.answer.correct],
      /^It raises clean test accuracy, and the network leans less on the block, though still heavily/,
    );
  }
});
