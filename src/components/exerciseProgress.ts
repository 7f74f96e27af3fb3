/**
 * A reader's progress on the exercises, kept in this browser's localStorage only: no server, no
 * account. Every read and write is wrapped, so blocked or full storage (a private window, a
 * locked-down browser) loses the progress and nothing else: the cards work the same.
 */

/** What is kept per exercise id. */
export interface ExerciseProgress {
  /** Seeds whose answer the reader got right, each once, in the order solved. */
  solved: number[];
  /** How many times the reader pressed Check with something readable. */
  attempts: number;
}

/** The one localStorage key; its value is JSON, { [exercise id]: ExerciseProgress }. */
export const PROGRESS_KEY = "dnn-explorables:exercises";

type Store = Pick<Storage, "getItem" | "setItem">;

/** The page's localStorage, or null where even touching it throws (storage blocked). */
export function browserStorage(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readAll(store: Store | null): Record<string, ExerciseProgress> {
  try {
    const parsed = JSON.parse(store?.getItem(PROGRESS_KEY) ?? "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** The progress on one exercise (none yet when storage is blocked or holds something else). */
export function readProgress(store: Store | null, id: string): ExerciseProgress {
  const entry = readAll(store)[id];
  const solved = Array.isArray(entry?.solved)
    ? entry.solved.filter((seed: unknown) => Number.isInteger(seed))
    : [];
  const attempts = Number.isInteger(entry?.attempts) ? entry.attempts : 0;
  return { solved, attempts };
}

/** Records one checked answer; returns the progress after it. Never throws. */
export function recordAttempt(
  store: Store | null,
  id: string,
  seed: number,
  correct: boolean,
): ExerciseProgress {
  const all = readAll(store);
  const before = readProgress(store, id);
  const after: ExerciseProgress = {
    attempts: before.attempts + 1,
    solved: correct && !before.solved.includes(seed) ? [...before.solved, seed] : before.solved,
  };
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify({ ...all, [id]: after }));
  } catch {
    // Full or blocked: the reader keeps working, only the record is lost.
  }
  return after;
}

/** The progress in words: "Solved with 2 sets of numbers", "Tried, not solved yet", "Not tried yet". */
export function progressText(progress: ExerciseProgress): string {
  const n = progress.solved.length;
  if (n > 0) return `Solved with ${n === 1 ? "one set" : `${n} sets`} of numbers`;
  return progress.attempts > 0 ? "Tried, not solved yet" : "Not tried yet";
}
