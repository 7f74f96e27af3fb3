/**
 * One exercise as a "Try it" card: its title, the prompt with this variant's numbers (TeX
 * typeset), what to type and how close it must be, an answer box (or options for a choice), a
 * "Check" button whose verdict goes to a polite live region, "New numbers" (the seed goes in the
 * link, see exerciseLink.ts), "Show the worked solution" and the reader's progress, kept in
 * localStorage (exerciseProgress.ts). The checking is src/compute/exerciseCheck.ts; the card only
 * shows it. `?embed=ex-<name>` (the card's id) shows the card alone for an iframe, through the
 * figures' embed view (figureLink.ts), still answerable and with the link's seed.
 */
import type { Exercise, ExerciseInstance } from "../compute/exercise.js";
import { checkAnswer, optionLetter } from "../compute/exerciseCheck.js";
import { fitToWidth, tex } from "./math.js";
import { notice } from "./notice.js";
import { embedIfNamed } from "./figureLink.js";
import { writeParams } from "./urlState.js";
import { cardKey, nextSeed, readSeed } from "./exerciseLink.js";
import { browserStorage, progressText, readProgress, recordAttempt } from "./exerciseProgress.js";

export interface CardOptions {
  /** The variant; by default the one the link names (or 1). */
  seed?: number;
  /** Where progress is kept; by default this browser's localStorage (null: keep none). */
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  /** Whether "New numbers" writes the seed into the page's link (default true). */
  linkSeed?: boolean;
}

/** Prose with inline TeX between `$…$`, as text nodes and typeset formulas. */
export function proseWithMath(text: string): Node[] {
  return text.split(/(\$[^$]+\$)/).filter(Boolean).map((part) => {
    if (!part.startsWith("$") || part.length < 2) return document.createTextNode(part);
    const source = part.slice(1, -1);
    const strings = Object.assign([source], { raw: [source] }) as unknown as TemplateStringsArray;
    const formula = tex(strings) as HTMLElement;
    // A prompt's formula can be wider than a phone (the residual block's map is 356 px at 320).
    fitToWidth(formula);
    return formula;
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function exerciseCard(exercise: Exercise, options: CardOptions = {}): HTMLElement {
  const key = cardKey(exercise.id);
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const fromLink = readSeed(globalThis.location?.search ?? "", exercise.id);
  let seed = options.seed ?? fromLink.seed;
  let instance: ExerciseInstance = exercise.generate(seed);

  const card = element("section", { className: "exercise-card", id: key });
  card.dataset.exercise = exercise.id;
  const titleId = `${key}-title`;
  card.setAttribute("aria-labelledby", titleId);
  const title = element("h3", { id: titleId }, exercise.title);
  const linkProblem = options.seed === undefined && fromLink.problem
    ? notice(fromLink.problem, { about: "link" })
    : undefined;
  const variant = element("span", { className: "exercise-variant" });
  const prompt = element("p", { className: "exercise-prompt" });
  const format = element(
    "p",
    { className: "exercise-format" },
    `Answer: ${exercise.answerFormat}. Tolerance: ${exercise.toleranceText}.`,
  );

  const answerId = `${key}-answer`;
  const input = element("input", {
    type: "text",
    id: answerId,
    autocomplete: "off",
    spellcheck: false,
    className: "exercise-input",
  });
  const choices = element("fieldset", { className: "exercise-choices" });
  const check = element("button", { type: "button", className: "exercise-check" }, "Check");
  const answerRow = element("div", { className: "exercise-answer" });

  const feedback = element("p", { className: "exercise-feedback" });
  feedback.setAttribute("aria-live", "polite");
  feedback.setAttribute("aria-atomic", "true");

  const fresh = element("button", { type: "button" }, "New numbers");
  const solutionId = `${key}-solution`;
  const reveal = element("button", { type: "button" }, "Show the worked solution");
  reveal.setAttribute("aria-expanded", "false");
  reveal.setAttribute("aria-controls", solutionId);
  const progress = element("p", { className: "exercise-progress" });
  const solution = element("ol", { className: "exercise-solution", id: solutionId, hidden: true });

  const typed = (): string => {
    if (instance.answer.kind !== "choice") return input.value;
    const picked = choices.querySelector<HTMLInputElement>("input:checked");
    return picked ? picked.value : "";
  };

  function showProgress(): void {
    progress.textContent = progressText(readProgress(storage, exercise.id));
  }

  function draw(): void {
    variant.textContent = ` (numbers #${seed})`;
    prompt.replaceChildren(...proseWithMath(instance.prompt));
    solution.replaceChildren(
      ...instance.solution.map((step) => element("li", {}, ...proseWithMath(step))),
    );
    solution.hidden = true;
    reveal.textContent = "Show the worked solution";
    reveal.setAttribute("aria-expanded", "false");
    feedback.textContent = "";
    delete feedback.dataset.verdict;
    input.value = "";
    const answer = instance.answer;
    if (answer.kind === "choice") {
      choices.replaceChildren(
        element("legend", {}, "Your answer"),
        ...answer.options.map((option, i) => {
          const radio = element("input", {
            type: "radio",
            name: answerId,
            value: optionLetter(i),
          });
          return element("label", {}, radio, `${optionLetter(i)}. `, ...proseWithMath(option));
        }),
      );
      answerRow.replaceChildren(choices, check);
    } else {
      answerRow.replaceChildren(
        element("label", { htmlFor: answerId }, "Your answer"),
        input,
        check,
      );
    }
    showProgress();
  }

  check.addEventListener("click", () => {
    const result = checkAnswer(instance, typed());
    feedback.dataset.verdict = result.verdict;
    // Rewriting the same text is not announced again: clear it first.
    feedback.textContent = "";
    requestAnimationFrame(() => (feedback.textContent = result.message));
    if (result.verdict !== "malformed") {
      recordAttempt(storage, exercise.id, seed, result.verdict === "correct");
      showProgress();
    }
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") check.click();
  });
  fresh.addEventListener("click", () => {
    seed = nextSeed(seed);
    instance = exercise.generate(seed);
    if (options.linkSeed ?? true) writeParams({ [key]: seed });
    draw();
  });
  reveal.addEventListener("click", () => {
    solution.hidden = !solution.hidden;
    reveal.textContent = solution.hidden ? "Show the worked solution" : "Hide the worked solution";
    reveal.setAttribute("aria-expanded", String(!solution.hidden));
  });

  title.append(variant);
  card.append(
    title,
    ...(linkProblem ? [linkProblem] : []),
    prompt,
    format,
    answerRow,
    feedback,
    element("div", { className: "exercise-actions" }, fresh, reveal),
    solution,
    progress,
  );
  draw();
  embedIfNamed(card, key);
  // A link to the card (#ex-…) cannot scroll on load: the card is made after the page. Scroll now.
  requestAnimationFrame(() => {
    if (globalThis.location?.hash === `#${key}`) card.scrollIntoView();
  });
  return card;
}
