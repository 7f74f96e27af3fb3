import assert from "node:assert/strict";
import {
  bestSettingsSentence,
  orthogonalityNote,
} from "../../../src/components/dropout-noise/prose.ts";

Deno.test("orthogonalityNote(d, cos): one column is orthogonal; more print their largest |cos θ|", () => {
  assert.equal(orthogonalityNote(1, 0), "A single column is trivially orthogonal, and");
  assert.equal(
    orthogonalityNote(5, 0.4321),
    "Random columns are not exactly orthogonal (here the largest |cos θ| between two of them is 0.43), so the shares move off these values; here",
  );
});

Deno.test("bestSettingsSentence(found): whichever is lower on average, with dropout's tally", () => {
  const found = { dropout: { test: 1 }, ridge: { test: 2 }, dropoutBelowRidge: 14, problems: 20 };
  assert.equal(
    bestSettingsSentence(found),
    "Each at its best setting, dropout's penalty, sized feature by feature, is lower on average and lower than the plain ridge on 14 of the 20 problems.",
  );
  assert.equal(
    bestSettingsSentence({ ...found, ridge: { test: 0.5 }, dropoutBelowRidge: 6 }),
    "Each at its best setting, the plain ridge is lower on average, and dropout is lower on 6 of the 20 problems.",
  );
});
