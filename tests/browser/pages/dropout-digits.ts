/**
 * The dropout-digits page's rows for the shared browser suites (its charts and leak moves, its
 * numbers compared across backends, its Stop cases), loaded by tests/browser/pageData.ts.
 */
import { type BackendEntry, training } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = {
  charts: ["digit-strip", "digit-curves", "digit-test", "digit-live-curves"],
  shortRun: "epochs=1",
  leak: {
    setup: [["epochs", 1], ["training digits per class", 20]],
    ready: [{
      hook: "lastDigits",
      want: { epochs: 1, perClass: 20 },
      match: { timeout: 90_000 },
    }],
    moves: [["keep probability, inputs", (i) => (0.05 * (1 + (i % 19))).toFixed(2)]],
    final: [["keep probability, inputs", 0.35]],
    done: [{
      hook: "lastDigits",
      want: { keepInput: 0.35, epochs: 1, perClass: 20 },
      match: { timeout: 90_000 },
    }],
  },
};

export const backends: BackendEntry = {
  query: "epochs=2&n=100",
  same: [{
    hook: "lastDigits.runs.*.test",
    rel: 0,
    abs: 0.01,
    note: `two short trainings: ${training}; accuracies within 1 point`,
  }],
  gaps: [],
  learns: [{
    hook: "lastDigits.runs.*.test.honest",
    min: 0.5,
    note: "two epochs on 100 digits a class already read honest digits far above 10 % chance",
  }],
};

export const stopCases: PageStopCases | undefined = undefined;
