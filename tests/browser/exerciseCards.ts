/**
 * What every page's browser test does with its "Try it" cards (issue 19): type a right answer, a
 * wrong one and a malformed one and read the three responses in the live region, show the worked
 * solution, reload and find the progress kept. The right answer is the instance's own, generated
 * here from the same seed and printed as a reader would type it.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { Exercise, NumericAnswer } from "../../src/compute/exercise.ts";
import { optionLetter } from "../../src/compute/exerciseCheck.ts";
import { formatMatrix, formatNumber, formatVector } from "../../src/compute/exerciseFormat.ts";
import { cardKey } from "../../src/components/exerciseLink.ts";

/** The answer of `exercise` at `seed` as a reader types it, and a clearly wrong one. */
export function typedAnswers(exercise: Exercise, seed: number): { right: string; wrong: string } {
  const answer = exercise.generate(seed).answer;
  if (answer.kind === "choice") {
    return {
      right: optionLetter(answer.correct),
      wrong: optionLetter((answer.correct + 1) % answer.options.length),
    };
  }
  const digits = answer.digits ?? 4;
  const scale = (value: NumericAnswer["value"]): NumericAnswer["value"] =>
    typeof value === "number"
      ? value * 1.5 + 1
      : (value as readonly (number | readonly number[])[]).map((v) =>
        scale(v as NumericAnswer["value"])
      ) as NumericAnswer["value"];
  const print = (value: NumericAnswer["value"]) =>
    answer.kind === "number"
      ? formatNumber(value as number, digits)
      : answer.kind === "vector"
      ? formatVector(value as number[], digits)
      : formatMatrix(value as number[][], digits);
  return { right: print(answer.value), wrong: print(scale(answer.value)) };
}

export const card = (page: Page, exercise: Exercise) => page.locator(`#${cardKey(exercise.id)}`);

/**
 * Types `text` (or, on a choice, picks the option of that letter; "" picks none) and presses
 * Check; returns the verdict and the message.
 */
export async function submit(
  page: Page,
  exercise: Exercise,
  text: string,
): Promise<{ verdict: string; message: string }> {
  const box = card(page, exercise);
  const feedback = box.locator(".exercise-feedback");
  if (exercise.generate(1).answer.kind === "choice") {
    if (text !== "") await box.locator(`input[type=radio][value="${text}"]`).check();
  } else await box.getByLabel("Your answer").fill(text);
  const before = await feedback.evaluate((node) => node.dataset.verdict ?? "");
  await box.getByRole("button", { name: "Check" }).click();
  // The message is written a frame after it is cleared, so a screen reader announces it again.
  await page.waitForFunction(
    ({ id, before }) => {
      const node = document.querySelector<HTMLElement>(`#${id} .exercise-feedback`);
      return node && node.textContent !== "" && (node.dataset.verdict !== before || before !== "");
    },
    { id: cardKey(exercise.id), before },
    { timeout: 10_000 },
  );
  return await feedback.evaluate((node) => ({
    verdict: node.dataset.verdict ?? "",
    message: node.textContent ?? "",
  }));
}

/**
 * The three responses and the solution, on a page open at the card's default seed (1, or `seed`)
 * with no progress yet.
 */
export async function checkCard(page: Page, exercise: Exercise, seed = 1): Promise<void> {
  const box = card(page, exercise);
  await box.waitFor({ state: "visible", timeout: 30_000 });
  const progress = async () => (await box.locator(".exercise-progress").textContent())?.trim();
  assert.equal(await box.locator(".exercise-feedback").getAttribute("aria-live"), "polite");
  assert.equal(await progress(), "Not tried yet");
  const { right, wrong } = typedAnswers(exercise, seed);
  const instance = exercise.generate(seed);

  // A choice has no malformed text to type: Check with no option picked is its malformed answer.
  const malformed = await submit(page, exercise, instance.answer.kind === "choice" ? "" : "[1, 2");
  assert.equal(malformed.verdict, "malformed", malformed.message);
  assert.doesNotMatch(malformed.message, /wrong|not right/i);
  assert.equal(await progress(), "Not tried yet", "a malformed answer is no attempt");

  const bad = await submit(page, exercise, wrong);
  assert.ok(["wrong", "close"].includes(bad.verdict), `${wrong}: ${bad.verdict} ${bad.message}`);
  assert.match(bad.message, /^(Not|Close)/);
  assert.equal(await progress(), "Tried, not solved yet");

  const good = await submit(page, exercise, right);
  assert.deepEqual(good, { verdict: "correct", message: "Correct." }, right);
  assert.equal(await progress(), "Solved with one set of numbers");

  const solution = box.locator(".exercise-solution");
  assert.equal(await solution.isVisible(), false);
  await box.getByRole("button", { name: "Show the worked solution" }).click();
  await solution.waitFor({ state: "visible" });
  assert.equal(await solution.locator("li").count(), instance.solution.length);
  await box.getByRole("button", { name: "Hide the worked solution" }).waitFor();
}

/** After a reload, every card in `exercises` still says it was solved once. */
export async function progressKept(page: Page, exercises: readonly Exercise[]): Promise<void> {
  await page.reload();
  for (const exercise of exercises) {
    const box = card(page, exercise);
    await box.waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(
      (await box.locator(".exercise-progress").textContent())?.trim(),
      "Solved with one set of numbers",
      `${exercise.id}: progress lost on reload`,
    );
  }
}

/** The first seed after 1 whose right answer differs from seed 1's: a variant a test can tell apart. */
export function otherVariant(exercise: Exercise): number {
  const first = typedAnswers(exercise, 1).right;
  for (let seed = 2; seed < 100; seed++) {
    if (typedAnswers(exercise, seed).right !== first) return seed;
  }
  throw new Error(`${exercise.id}: seeds 2 to 99 all have seed 1's answer`);
}

/**
 * Opens the card alone, `?embed=ex-<name>&seed=<seed>`, on `page` (its storage holds the progress
 * of one solved variant, seed 1): only that card shows (no other card, figure, sidebar, header,
 * footer or page heading), with that variant, and it stays usable: seed 1's answer is not taken,
 * this variant's is, the progress counts both, the solution shows, and "New numbers" writes
 * `ex-<name>` into the link, which a reload keeps, still alone.
 */
export async function checkEmbedded(page: Page, exercise: Exercise, seed: number): Promise<void> {
  const key = cardKey(exercise.id);
  const path = `${new URL(page.url()).pathname}?embed=${key}&seed=${seed}`;
  await page.goto(new URL(path, page.url()).href);
  const box = card(page, exercise);
  const title = box.locator("h3");
  const alone = async (what: string) => {
    await page.locator(`#${key}[data-embedded]`).waitFor({ timeout: 30_000 });
    const shown = await page.evaluate(() => {
      const visible = (element: Element) => element.getClientRects().length > 0;
      const shown = (selector: string) =>
        [...document.querySelectorAll(selector)].filter(visible).map((element) =>
          element.id || element.tagName
        );
      return {
        parts: shown("figure.chart, .exercise-card, .prediction-card, .notice, #embed-status"),
        chrome: shown(
          "#observablehq-sidebar, #observablehq-header, #observablehq-footer, #observablehq-toc",
        ),
        headings: shown("#observablehq-main h1, #observablehq-main h2"),
      };
    });
    assert.deepEqual(shown, { parts: [key], chrome: [], headings: [] }, what);
  };
  await alone(path);
  assert.match((await title.textContent())!, new RegExp(`\\(numbers #${seed}\\)$`));
  const progress = async () => (await box.locator(".exercise-progress").textContent())?.trim();
  assert.equal(await progress(), "Solved with one set of numbers", "progress shared with the page");

  const earlier = await submit(page, exercise, typedAnswers(exercise, 1).right);
  assert.notEqual(earlier.verdict, "correct", "seed 1's answer is taken: the link's seed is lost");
  const right = await submit(page, exercise, typedAnswers(exercise, seed).right);
  assert.deepEqual(right, { verdict: "correct", message: "Correct." });
  assert.equal(await progress(), "Solved with 2 sets of numbers");
  await box.getByRole("button", { name: "Show the worked solution" }).click();
  await box.locator(".exercise-solution").waitFor({ state: "visible" });
  assert.equal(
    await box.locator(".exercise-solution li").count(),
    exercise.generate(seed).solution.length,
  );

  await box.getByRole("button", { name: "New numbers" }).click();
  await page.waitForURL((url) =>
    url.searchParams.get(key) === String(seed + 1) && url.searchParams.get("embed") === key
  );
  assert.match((await title.textContent())!, new RegExp(`\\(numbers #${seed + 1}\\)$`));
  await page.reload();
  await alone(`${path} after New numbers and a reload`);
  assert.match(
    (await title.textContent())!,
    new RegExp(`\\(numbers #${seed + 1}\\)$`),
    "ex-<name> in the link wins over seed",
  );
}
