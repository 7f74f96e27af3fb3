/**
 * The exercises page's rows for the shared browser suites, loaded by tests/browser/pageData.ts: it
 * draws no chart, runs no TensorFlow.js and has no Stop case.
 */
import type { BackendEntry } from "../backendTable.ts";
import type { PageChecks } from "../pageChecks.ts";
import type { PageStopCases } from "../stopCases.ts";

export const checks: PageChecks = { charts: [] };

export const backends: BackendEntry | undefined = undefined;

export const stopCases: PageStopCases | undefined = undefined;
