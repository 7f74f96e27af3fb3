/**
 * The front page shows the course's formulas as text: its sub- and superscripts must be real (HTML
 * sub/sup or Unicode), never the raw `_{…}`, `^{…}` or TeX a reader would have to decode.
 */
import assert from "node:assert/strict";
import { frontPageMarkdown } from "../../src/index.md.ts";
import { subSupHtml } from "../../src/components/front/notation.ts";

/** The text a reader sees in the page's HTML: tags and code (file names, identifiers) removed. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<code>[\s\S]*?<\/code>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&#36;/g, "$")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Raw notation, each with what it looks like; an identifier such as GRAPH_EDGES is allowed. */
const rawNotation: [RegExp, string][] = [
  [/_\{/, "_{"],
  [/\^\{/, "^{"],
  [/\^[(A-Za-z0-9½−-]/, "^x"],
  [/(?<![A-Za-z]{2})_[A-Za-z0-9ℓ]/, "x_y"],
  [/\\[A-Za-z]+/, "TeX command"],
];

function rawNotationIn(text: string): string[] {
  return text.split("\n").flatMap((line) =>
    rawNotation.filter(([pattern]) => pattern.test(line)).map(([pattern, what]) => {
      const at = line.search(pattern);
      return `${what}: …${line.slice(Math.max(0, at - 30), at + 30)}…`;
    })
  );
}

Deno.test("subSupHtml turns the course's _ and ^ into sub and sup, leaving identifiers", () => {
  assert.equal(subSupHtml("∇_{hₜᶠ}L"), "∇<sub>hₜᶠ</sub>L");
  assert.equal(subSupHtml("A_ℓy_{ℓ−1}"), "A<sub>ℓ</sub>y<sub>ℓ−1</sub>");
  assert.equal(subSupHtml("(I − uuᵀ)∇_wL"), "(I − uuᵀ)∇<sub>w</sub>L");
  assert.equal(subSupHtml("N_train = 300"), "N<sub>train</sub> = 300");
  assert.equal(subSupHtml("Var(y_L) = 1/3^L"), "Var(y<sub>L</sub>) = 1/3<sup>L</sup>");
  assert.equal(
    subSupHtml("Σ_{k=0}^{L−1} 1/(3^{L−k}·n_k)"),
    "Σ<sub>k=0</sub><sup>L−1</sup> 1/(3<sup>L−k</sup>·n<sub>k</sub>)",
  );
  assert.equal(
    subSupHtml("‖∂h_T/∂h₀‖^(1/T), 10^−26.5"),
    "‖∂h<sub>T</sub>/∂h₀‖<sup>1/T</sup>, 10<sup>−26.5</sup>",
  );
  assert.equal(subSupHtml("diag(XᵀX)^½."), "diag(XᵀX)<sup>½</sup>.");
  assert.equal(
    subSupHtml("GRAPH_EDGES and TEST_ACCURACY_BAND"),
    "GRAPH_EDGES and TEST_ACCURACY_BAND",
  );
});

Deno.test("the front page's text has no raw _{…}, ^{…}, x_y, x^y or TeX left", async () => {
  const found = rawNotationIn(visibleText(await frontPageMarkdown()));
  assert.deepEqual(found, [], `raw notation on the front page:\n  ${found.join("\n  ")}`);
  // The check itself sees the notation it exists to catch.
  assert.equal(rawNotationIn("∇_{hₜᶠ}L and y_L and 3^L and \\frac").length, 4);
});
