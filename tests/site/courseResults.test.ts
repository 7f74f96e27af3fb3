/**
 * The course results (each page's src/compute/<slug>/results.ts, gathered by src/fromPages.ts) against the repository and the manifest: every result
 * names a page of src/site.ts, every built page has a result, every named test exists under its
 * name, no result is listed twice, and the page loader writes the table as static HTML. The pages
 * themselves are held to the repository by tests/site/site.test.ts. Pure and fast: files are read,
 * nothing is built and no browser starts.
 */
import assert from "node:assert/strict";
import { type CourseResult, DOCUMENTS, sourceLabel } from "../../src/courseResults.ts";
import { EXERCISES, RESULTS } from "../../src/fromPages.ts";
import { pageBySlug, PAGES, readingOrder } from "../../src/site.ts";
import {
  COURSE_RESULTS_CSS,
  escapeHtml,
  notationHtml,
} from "../../src/components/front/courseResultsTable.ts";
import { TOPIC_CARD_CSS } from "../../src/components/front/topicCard.ts";
import { frontPageMarkdown } from "../../src/index.md.ts";
import { courseResultsMarkdown } from "../../src/course-results.md.ts";
import { exercisesFor } from "../../src/compute/exercises/forResult.ts";

const root = new URL("../../", import.meta.url);

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(new URL(path, root))).isFile;
  } catch {
    return false;
  }
}

const built = readingOrder();
const coming = PAGES.filter((page) => page.status === "coming");
const onBuiltPage = (result: CourseResult) => pageBySlug(result.page)?.status === "built";

/**
 * The names given to Deno.test (as its first argument or its `name` option) and to t.step in a
 * test file, as written in the source (a template literal keeps its `${…}`).
 */
function testNames(source: string): Set<string> {
  const quoted = String.raw`(["'\x60])((?:\\.|(?!\1)[^\\])*)\1`;
  const patterns = [
    new RegExp(String.raw`Deno\.test\(\s*` + quoted, "g"),
    new RegExp(String.raw`\bname:\s*` + quoted, "g"),
    new RegExp(String.raw`\.step\(\s*` + quoted, "g"),
  ];
  const names = new Set<string>();
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) names.add(match[2].replace(/\\(.)/g, "$1"));
  }
  return names;
}

Deno.test("testNames(source) finds Deno.test names, name options and t.step names", () => {
  const source = `Deno.test("a: (1, 2)", () => {});
Deno.test(
  'b: it\\'s', () => {});
Deno.test({
  name: "c: ≥ 20 trials",
  fn() {},
});
Deno.test("d", async (t) => { await t.step("e: step", () => {}); });`;
  assert.deepEqual([...testNames(source)].sort(), [
    "a: (1, 2)",
    "b: it's",
    "c: ≥ 20 trials",
    "d",
    "e: step",
  ]);
});

Deno.test("RESULTS: a result on a coming page names no test", () => {
  for (const result of RESULTS.filter((result) => !onBuiltPage(result))) {
    assert.deepEqual(result.tests, [], `coming, yet names tests: ${result.result}`);
  }
});

Deno.test("RESULTS: every result names a listed page", () => {
  for (const result of RESULTS) {
    assert.ok(pageBySlug(result.page), `unknown page "${result.page}": ${result.result}`);
  }
});

Deno.test("RESULTS: every result on a built page names a test, and each exists in its file", async () => {
  const cache = new Map<string, Set<string>>();
  for (const result of RESULTS.filter(onBuiltPage)) {
    assert.ok(result.tests.length > 0, `no test checks: ${result.result}`);
    for (const { file, name } of result.tests) {
      assert.match(file, /^tests\/.+\.test\.ts$/, `not a test file: ${file}`);
      if (!cache.has(file)) {
        assert.ok(await exists(file), `${file} does not exist`);
        cache.set(file, testNames(await Deno.readTextFile(new URL(file, root))));
      }
      assert.ok(cache.get(file)!.has(name), `${file} has no test named "${name}"`);
    }
  }
});

/** Words of three or more letters or digits, lower-cased. */
const words = (text: string) =>
  new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3));

Deno.test("RESULTS: no result is listed twice, in the same or nearly the same words", () => {
  const normalised = RESULTS.map((result) => result.result.toLowerCase().replace(/\s+/g, " "));
  assert.equal(new Set(normalised).size, RESULTS.length, "two results have the same text");
  for (let i = 0; i < RESULTS.length; i++) {
    for (let j = i + 1; j < RESULTS.length; j++) {
      const a = words(RESULTS[i].result);
      const b = words(RESULTS[j].result);
      const shared = [...a].filter((word) => b.has(word)).length;
      const similarity = shared / (a.size + b.size - shared);
      assert.ok(
        similarity < 0.6,
        `nearly the same (${similarity.toFixed(2)}):\n  ${RESULTS[i].result}\n  ${
          RESULTS[j].result
        }`,
      );
    }
  }
});

Deno.test("RESULTS: every source is a known document and part, and every document is cited", () => {
  const cited = new Set<string>();
  for (const result of RESULTS) {
    assert.ok(result.sources.length > 0, `no source: ${result.result}`);
    assert.equal(new Set(result.sources.map(sourceLabel)).size, result.sources.length);
    for (const [document, part] of result.sources) {
      assert.ok(document in DOCUMENTS, `unknown document ${document}`);
      assert.match(part, /^\d+(\.\d+)?(\([a-z]+\))?$/, `${document}: odd part "${part}"`);
      cited.add(document);
    }
  }
  assert.deepEqual([...cited].sort(), Object.keys(DOCUMENTS).sort());
  assert.equal(sourceLabel(["homework-5", "5(c)"]), "Homework 5, Q5(c)");
  assert.equal(sourceLabel(["homework-6", "4"]), "Homework 6, Problem 4");
});

Deno.test("courseResultsMarkdown(): each result's Exercise cell links every exercise that practises it to its card", () => {
  const markdown = courseResultsMarkdown();
  const cells = [...markdown.matchAll(/<td role="cell" data-label="Exercise">(.*?)<\/td>/g)].map((
    m,
  ) => m[1]);
  assert.equal(cells.length, RESULTS.length);
  RESULTS.forEach((result, i) => {
    const links = [...cells[i].matchAll(/href="\.\/pages\/([a-z-]+)#ex-([a-z0-9-]+)"/g)];
    const expected = exercisesFor(result, EXERCISES);
    assert.ok(expected.length > 0, result.result);
    assert.deepEqual(
      links.map((m) => `${m[1]}/${m[2]}`),
      expected.map((exercise) => exercise.id),
      result.result,
    );
  });
});

Deno.test("courseResultsMarkdown() writes the course results as a static table, one row per result", () => {
  const markdown = courseResultsMarkdown();
  const start = markdown.indexOf("<table");
  const end = markdown.indexOf("</table>");
  assert.ok(start > 0 && end > start, "no table in the page");
  const table = markdown.slice(start, end);
  // One HTML block for Markdown: no blank line, and no "${" that Framework would run.
  assert.doesNotMatch(table, /\n\s*\n/);
  assert.ok(!table.includes("${"));
  assert.equal(
    table.match(/<tr role="row">/g)?.length,
    RESULTS.length + 1,
    "rows ≠ results + header",
  );
  for (const result of RESULTS) {
    assert.ok(
      table.includes(notationHtml(result.result)),
      `missing from the table: ${result.result}`,
    );
    for (const test of result.tests) assert.ok(table.includes(notationHtml(test.name)));
  }
  assert.equal(
    // Zero once every page is built: match() then gives null, not an empty list.
    (table.match(/<span class="status-coming">coming<\/span><\/td>/g) ?? []).length,
    RESULTS.filter((result) => !onBuiltPage(result)).length,
    "every result on a coming page says coming in its test column",
  );
});

Deno.test("frontPageMarkdown() links built pages only, numbers them in reading order, previews every one, and loads no tfjs, Plot or d3", async () => {
  const markdown = await frontPageMarkdown();
  const links = [...markdown.matchAll(/href="\.\/pages\/([a-z0-9-]+)"/g)].map((match) => match[1]);
  assert.deepEqual([...new Set(links)].sort(), built.map((page) => page.slug).sort());
  built.forEach((page, i) => {
    assert.ok(
      markdown.includes(
        `<h3><span class="topic-step">${i + 1}</span> <a href="./pages/${page.slug}">`,
      ),
      `no card numbered ${i + 1} for ${page.slug}`,
    );
  });
  for (const page of coming) assert.ok(markdown.includes(`<h3>${escapeHtml(page.title)} <span`));
  const imports = [...markdown.matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
  // The shared preview module, then the preview modules of the pages drawn in the browser, which
  // import nothing else (tests/components/front/pagePreviews.test.ts).
  assert.equal(imports[0], "./components/front/previewSparkline.js");
  for (const path of imports.slice(1)) {
    const slug = /^\.\/components\/([a-z0-9-]+)\/preview\.js$/.exec(path)?.[1];
    assert.ok(built.some((page) => page.slug === slug), `the front page imports ${path}`);
  }
  assert.doesNotMatch(markdown, /@tensorflow|@observablehq\/plot|\bd3\b|startLiveWorker/);
  const previews = markdown.match(/<div class="topic-preview">/g)?.length;
  assert.equal(previews, built.length, "a built page has no preview");
  // The course-results table and its test paths live on their own page.
  assert.ok(!markdown.includes("<table"), "the front page holds a table");
  assert.ok(!markdown.includes("tests/"), "the front page names a test file");
  assert.ok(markdown.includes(`<a href="./course-results">`));
});

Deno.test("TOPIC_CARD_CSS and COURSE_RESULTS_CSS use theme colours only, so dark mode reads", () => {
  // Named colours, but not "white-space".
  const fixed = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![\w-])(gr[ae]y|black|white|silver)(?![\w-])/i;
  assert.doesNotMatch(TOPIC_CARD_CSS, fixed);
  assert.doesNotMatch(COURSE_RESULTS_CSS, fixed);
});
