/**
 * The exercises page's list: the exercises its page loader imports from every page
 * (src/pages/exercises.md.ts), grouped by topic in TOPICS order and by page within a topic
 * (manifest order, under the page's title), each linking to its card on its page with the reader's
 * progress beside it (from localStorage; "Not tried yet" when storage is blocked).
 */
import type { Exercise } from "../../compute/exercise.js";
import { PAGES, type TopicId, TOPICS } from "../../site.js";
import { cardKey } from "../exerciseLink.js";
import { browserStorage, progressText, readProgress } from "../exerciseProgress.js";

type Store = Pick<Storage, "getItem" | "setItem"> | null;

/** The exercises of each topic, in TOPICS order, pages in manifest order; topics without any left out. */
export function exercisesByTopic(
  exercises: readonly Exercise[],
): { topic: TopicId; exercises: Exercise[] }[] {
  return (Object.keys(TOPICS) as TopicId[]).map((topic) => ({
    topic,
    exercises: PAGES.filter((page) => page.topic === topic).flatMap((page) =>
      exercises.filter((exercise) => exercise.page === page.slug)
    ),
  })).filter((group) => group.exercises.length > 0);
}

/**
 * The card's address, relative to /pages/exercises.html: ./convolution.html#ex-filter-recovery.
 * Links name their files (preserveExtension in observablehq.config.ts) so a plain static server
 * finds them; Framework rewrites the links in Markdown, but this one is made in the browser.
 */
export function cardHref(exercise: Exercise): string {
  return `./${exercise.page}.html#${cardKey(exercise.id)}`;
}

export function exerciseList(
  exercises: readonly Exercise[],
  storage: Store = browserStorage(),
): HTMLElement {
  const root = document.createElement("div");
  root.className = "exercise-list";
  const solved = exercises.filter((e) => readProgress(storage, e.id).solved.length > 0).length;
  const summary = document.createElement("p");
  summary.className = "exercise-list-summary";
  summary.textContent = `Solved so far: ${solved} of ${exercises.length} exercises.`;
  root.append(summary);
  for (const group of exercisesByTopic(exercises)) {
    const heading = document.createElement("h2");
    heading.id = `topic-${group.topic}`;
    heading.textContent = TOPICS[group.topic];
    root.append(heading);
    // One list per page, under the page's title, in manifest order.
    for (const page of PAGES.filter((p) => group.exercises.some((e) => e.page === p.slug))) {
      const title = document.createElement("h3");
      title.textContent = page.title;
      const list = document.createElement("ul");
      for (const exercise of group.exercises.filter((e) => e.page === page.slug)) {
        const item = document.createElement("li");
        item.dataset.exercise = exercise.id;
        const link = document.createElement("a");
        link.href = cardHref(exercise);
        link.textContent = exercise.title;
        const status = document.createElement("span");
        status.className = "exercise-list-progress";
        status.textContent = progressText(readProgress(storage, exercise.id));
        item.append(link, ": ", status);
        list.append(item);
      }
      root.append(title, list);
    }
  }
  return root;
}
