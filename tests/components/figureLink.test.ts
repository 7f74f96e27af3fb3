import assert from "node:assert/strict";
import { embedTarget, figureId, linkTo, settingsText } from "../../src/components/figureLink.ts";

Deno.test("figureId(name): chart-<name>, lower case, one hyphen between words, none at the ends", () => {
  assert.equal(figureId("race-loss"), "chart-race-loss");
  assert.equal(figureId("Adam paths (2)"), "chart-adam-paths-2");
  assert.equal(figureId("-x-"), "chart-x");
});

Deno.test("linkTo(id, href): the page's link with its settings and #id, the embed view left out", () => {
  const href = "https://example.org/course/pages/momentum.html?beta=0.5&embed=chart-x#old";
  assert.equal(
    linkTo("chart-bias", href),
    "https://example.org/course/pages/momentum.html?beta=0.5#chart-bias",
  );
});

Deno.test("settingsText(href): the link's settings as name = value pairs, or the defaults", () => {
  assert.equal(
    settingsText("https://example.org/p.html?beta=0.5&seed=3&embed=chart-x"),
    "Settings: beta = 0.5, seed = 3.",
  );
  assert.equal(
    settingsText("https://example.org/p.html?embed=chart-x"),
    "Settings: the page's defaults.",
  );
});

Deno.test("embedTarget(search): the id ?embed= names, if any", () => {
  assert.equal(embedTarget("?beta=1&embed=chart-trajectory"), "chart-trajectory");
  assert.equal(embedTarget("?beta=1"), undefined);
});
