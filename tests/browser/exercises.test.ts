/**
 * The exercises page and the cards it links to, in headless Chromium against dist/: every
 * exercise listed by topic with its progress, each link landing on its card, progress kept in
 * localStorage across pages and reloads, nothing broken when storage is blocked, one card per
 * topic answered, solved, reloaded and embedded alone (`topicCards`), and screenshots of a card on
 * its page and embedded alone (1280 and 375 px, light and dark) before answering, after a wrong
 * answer and with the solution shown, in tests/output/.
 */
import assert from "node:assert/strict";
import { browserFixture } from "./harness.ts";
import { EXERCISES } from "../../src/fromPages.ts";
import { exercisesByTopic } from "../../src/components/exercises/exerciseList.ts";
import { cardKey } from "../../src/components/exerciseLink.ts";
import { pageBySlug, type TopicId, TOPICS } from "../../src/site.ts";
import type { Exercise } from "../../src/compute/exercise.ts";
import {
  card,
  checkCard,
  checkEmbedded,
  otherVariant,
  progressKept,
  submit,
  typedAnswers,
} from "./exerciseCards.ts";
import { formatFinding, runAxe } from "./axe.ts";

const path = "/pages/exercises";
const { test, open } = browserFixture();

const exerciseById = (id: string): Exercise => {
  const found = EXERCISES.find((e) => e.id === id);
  if (!found) throw new Error(`no exercise ${id}`);
  return found;
};

/**
 * One card per topic, each answer kind at least once (matrix, choice, vector, number). On the
 * convolution page every card is answered (the page's own "Try it" test, kept here); on the
 * others the one named.
 */
const topicCards: { topic: TopicId; card: string; wholePage?: true }[] = [
  { topic: "regularisation", card: "dropout-noise/rescaled-data" },
  { topic: "depth", card: "residual/block-case" },
  { topic: "normalisation", card: "normalisation/norm-axes" },
  { topic: "convolution", card: "convolution/filter-recovery", wholePage: true },
  { topic: "optimisation", card: "momentum/adam-step" },
  { topic: "recurrent", card: "rnn-gradients/gradient-bound" },
];

Deno.test("the topic cards: one per topic, in TOPICS order, each of its topic, every answer kind", () => {
  assert.deepEqual(topicCards.map((row) => row.topic), Object.keys(TOPICS));
  for (const row of topicCards) {
    assert.equal(pageBySlug(exerciseById(row.card).page)?.topic, row.topic, row.card);
  }
  const kinds = new Set(topicCards.map((row) => exerciseById(row.card).generate(1).answer.kind));
  assert.deepEqual([...kinds].sort(), ["choice", "matrix", "number", "vector"]);
});

for (const row of topicCards) {
  const shown = exerciseById(row.card);
  const answered = row.wholePage ? EXERCISES.filter((e) => e.page === shown.page) : [shown];
  const seed = otherVariant(shown);
  test({
    name:
      `${TOPICS[row.topic]}, /pages/${shown.page}: ${
        row.wholePage ? "every card" : row.card
      } answers a right, a wrong and a malformed answer, shows its worked solution and keeps its ` +
      `progress over a reload; ?embed=${cardKey(shown.id)}&seed=${seed} shows that card alone, ` +
      `with that variant, answerable`,
    async fn() {
      const { page } = await open(`/pages/${shown.page}`);
      for (const e of answered) await checkCard(page, e);
      await progressKept(page, answered);
      await checkEmbedded(page, shown, seed);
    },
  });
}

test({
  name:
    "exercises page: lists every exercise by topic in TOPICS order, each linking to its card, all not tried yet",
  async fn() {
    const { page } = await open(path);
    await page.locator(".exercise-list li").first().waitFor();
    const headings = await page.locator(".exercise-list h2").allTextContents();
    assert.deepEqual(headings, exercisesByTopic(EXERCISES).map((group) => TOPICS[group.topic]));
    const items = await page.locator(".exercise-list li").evaluateAll((nodes) =>
      nodes.map((node) => ({
        id: (node as HTMLElement).dataset.exercise,
        href: node.querySelector("a")!.getAttribute("href"),
        progress: node.querySelector(".exercise-list-progress")!.textContent,
      }))
    );
    assert.equal(items.length, EXERCISES.length);
    for (const exercise of EXERCISES) {
      const item = items.find((item) => item.id === exercise.id);
      assert.deepEqual(item, {
        id: exercise.id,
        href: `./${exercise.page}.html#${cardKey(exercise.id)}`,
        progress: "Not tried yet",
      });
    }
    assert.match(
      (await page.locator(".exercise-list-summary").textContent())!,
      new RegExp(`^Solved so far: 0 of ${EXERCISES.length} exercises\\.$`),
    );
  },
});

test({
  name:
    "exercises page: a link opens its card scrolled into view; solving it there shows as solved back on the list",
  async fn() {
    const exercise = EXERCISES[EXERCISES.length - 1];
    const { page } = await open(path, { viewport: { width: 1280, height: 800 } });
    await page.locator(`.exercise-list li[data-exercise="${exercise.id}"] a`).click();
    await page.waitForURL(new RegExp(`/pages/${exercise.page}\\.html#${cardKey(exercise.id)}$`));
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(
      (id) => {
        const rect = document.getElementById(id)!.getBoundingClientRect();
        return rect.top < innerHeight && rect.bottom > 0;
      },
      cardKey(exercise.id),
      { timeout: 10_000 },
    );
    const result = await submit(page, exercise, typedAnswers(exercise, 1).right);
    assert.equal(result.verdict, "correct");
    await page.goto(new URL(path, page.url()).href);
    const status = page.locator(
      `.exercise-list li[data-exercise="${exercise.id}"] .exercise-list-progress`,
    );
    assert.equal(await status.textContent(), "Solved with one set of numbers");
    assert.match(
      (await page.locator(".exercise-list-summary").textContent())!,
      new RegExp(`^Solved so far: 1 of ${EXERCISES.length} exercises\\.$`),
    );
  },
});

test({
  name:
    "a card with localStorage blocked: checks answers and shows the solution with no console error",
  async fn() {
    const exercise = EXERCISES[0];
    const { page } = await open(`/pages/${exercise.page}`);
    await page.addInitScript(() => {
      Object.defineProperty(globalThis, "localStorage", {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    });
    await page.reload();
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(
      (await submit(page, exercise, typedAnswers(exercise, 1).right)).verdict,
      "correct",
    );
    await box.getByRole("button", { name: "Show the worked solution" }).click();
    await box.locator(".exercise-solution").waitFor({ state: "visible" });
    assert.equal(
      (await box.locator(".exercise-progress").textContent())?.trim(),
      "Not tried yet",
      "with storage blocked nothing is kept, and the card says so plainly",
    );
  },
});

test({
  name:
    "a card's New numbers writes ex-<name> into the link, and the link (or ?seed=) opens that variant",
  async fn() {
    const exercise = EXERCISES[0];
    const key = cardKey(exercise.id);
    const { page } = await open(`/pages/${exercise.page}`);
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    const prompt = box.locator(".exercise-prompt");
    await box.getByRole("button", { name: "New numbers" }).click();
    await page.waitForURL(new RegExp(`[?&]${key}=2\\b`));
    assert.match((await box.locator("h3").textContent())!, /numbers #2\)$/);
    // Read the new prompt once its formulas are typeset, as the reloads below do.
    await page.waitForFunction(
      (id) => !document.querySelector(`#${id} .math-pending`),
      key,
      { timeout: 10_000 },
    );
    const shown = await prompt.innerText();
    for (const search of [`?${key}=2`, "?seed=2"]) {
      await page.goto(new URL(`/pages/${exercise.page}${search}`, page.url()).href);
      await box.waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForFunction(
        (id) => !document.querySelector(`#${id} .math-pending`),
        key,
        { timeout: 10_000 },
      );
      assert.equal(await prompt.innerText(), shown, search);
    }
    await page.goto(new URL(`/pages/${exercise.page}?${key}=abc`, page.url()).href);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    assert.match(
      (await box.locator(".notice").textContent())!,
      new RegExp(`The link sets ${key}=abc, but a seed must be a whole number`),
    );
  },
});

test({
  name:
    "screenshots of a card on its page and embedded alone, at 1280 and 375 px, light and dark: before answering, after a wrong answer, with the solution shown (then no serious axe finding on the cards)",
  async fn() {
    const exercise = EXERCISES.find((e) => e.id === "convolution/filter-recovery")!;
    await Deno.mkdir("tests/output", { recursive: true });
    const views = [
      { view: "card", search: "" },
      { view: "embed", search: `?embed=${cardKey(exercise.id)}` },
    ];
    for (const { view, search } of views) {
      for (const colorScheme of ["light", "dark"] as const) {
        for (const width of [1280, 375]) {
          await cardShots(exercise, view, search, colorScheme, width);
        }
      }
    }
  },
});

/** One view's screenshots of `exercise`'s card at one width and scheme, with axe and overflow. */
async function cardShots(
  exercise: Exercise,
  view: string,
  search: string,
  colorScheme: "light" | "dark",
  width: number,
): Promise<void> {
  const { page } = await open(`/pages/${exercise.page}${search}`, {
    colorScheme,
    viewport: { width, height: 900 },
  });
  const box = card(page, exercise);
  await box.waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForFunction(
    (id) => !document.querySelector(`#${id} .math-pending`),
    cardKey(exercise.id),
    { timeout: 20_000 },
  );
  // Embedded, the whole frame is the picture: what a course page's iframe shows.
  const shot = async (stage: string) => {
    const path = `tests/output/exercise-${view}-${stage}-${width}-${colorScheme}.png`;
    if (search) return void await page.screenshot({ path, fullPage: true });
    await box.scrollIntoViewIfNeeded();
    await box.screenshot({ path });
  };
  await shot("before");
  await submit(page, exercise, typedAnswers(exercise, 1).wrong);
  await shot("wrong");
  await box.getByRole("button", { name: "Show the worked solution" }).click();
  await page.waitForFunction(
    (id) => !document.querySelector(`#${id} .math-pending`),
    cardKey(exercise.id),
  );
  await shot("solution");
  // Feedback and solution shown: axe finds nothing serious on any card.
  const onCards = (await runAxe(page)).filter((finding) =>
    finding.targets.some((target) => /#ex-|\.exercise-/.test(target))
  );
  assert.deepEqual(onCards.map(formatFinding), [], `${view} ${width} px ${colorScheme}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `${width} px ${colorScheme}: the page is ${overflow} px too wide`);
}
