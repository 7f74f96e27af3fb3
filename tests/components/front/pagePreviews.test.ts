/**
 * Every front-page preview, found from the manifest as the front page finds it (each page of the
 * reading order has src/components/<slug>/preview.ts): drawn from what the build computes (its
 * closed forms, or its loader's output as the build cached it), it is one image named by a
 * sentence, inside its box, in theme colours only. A preview drawn in the browser reads one of its
 * page's JSON loaders and imports nothing but the shared preview module, so the front page loads
 * no tfjs, Plot or d3. Each page's own numbers are tested in tests/components/<slug>/preview.test.ts.
 */
import assert from "node:assert/strict";
import { readingOrder } from "../../../src/site.ts";
import {
  type PagePreview,
  PREVIEW_HEIGHT,
  PREVIEW_WIDTH,
  previewBlockMarkup,
  previewMarkup,
  type PreviewSpec,
} from "../../../src/components/front/previewSparkline.ts";
import { builtOutput, repoRoot } from "../../loaders/runLoader.ts";

/** Every coordinate in the markup's paths, lines and circles. */
function coordinates(markup: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, d] of markup.matchAll(/ d="([^"]+)"/g)) {
    for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) points.push([+x, +y]);
  }
  for (const [, x, y] of markup.matchAll(/cx="(-?[\d.]+)" cy="(-?[\d.]+)"/g)) points.push([+x, +y]);
  return points;
}

/** Named colours, but not "white-space". */
const fixedColour =
  /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(gr[ae]y|black|white|silver)(?![\w-])/i;

const pages = await Promise.all(
  readingOrder().map(async (page) => {
    const module = `src/components/${page.slug}/preview.ts`;
    const { preview } = await import(`../../../${module}`) as { preview: PagePreview };
    return { page, module, preview };
  }),
);

for (const { page, preview } of pages) {
  Deno.test(`${page.slug}: its preview is one img named by its label, inside its box, in theme colours`, async () => {
    let spec: PreviewSpec;
    if ("compute" in preview) spec = preview.compute();
    else {
      const data = JSON.parse((await builtOutput(`src/loaders/${preview.loader}.ts`)).stdout);
      spec = (preview.model as (data: unknown) => PreviewSpec)(data);
    }
    const markup = previewMarkup(spec);
    assert.equal(markup.match(/<svg/g)?.length, 1);
    assert.match(markup, /^<svg class="preview-plot" role="img" aria-label="[^"]{40,}"/);
    assert.match(markup, new RegExp(`viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}"`));
    // No width or height attribute: CSS sizes it to the card, so it is never wider than the card.
    assert.doesNotMatch(markup, /<svg[^>]* (width|height)=/);
    const points = coordinates(markup);
    assert.ok(points.length > 10);
    for (const [x, y] of points) {
      assert.ok(x >= 0 && x <= PREVIEW_WIDTH && y >= 0 && y <= PREVIEW_HEIGHT, `(${x}, ${y})`);
    }
    const block = previewBlockMarkup(spec);
    assert.doesNotMatch(block, fixedColour);
    assert.doesNotMatch(block, /(fill|stroke|style)=/, "colours belong to PREVIEW_CSS");
  });
}

for (const { page, module, preview } of pages) {
  if (!("loader" in preview)) continue;
  Deno.test(`${page.slug}: its preview, drawn in the browser, reads a JSON loader of its page and imports the shared preview module only`, async () => {
    assert.ok(preview.loader.endsWith(".json"), preview.loader);
    assert.ok(
      page.loaders.includes(preview.loader),
      `${preview.loader} is not a loader of the page`,
    );
    const source = await Deno.readTextFile(new URL(module, repoRoot));
    const imports = [...source.matchAll(/^import [^;]*? from "([^"]+)";/gms)].map((m) => m[1]);
    assert.deepEqual(imports, ["../front/previewSparkline.js"]);
    assert.doesNotMatch(source, /\bDeno\.|\bimport\(/);
  });
}
