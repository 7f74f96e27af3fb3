/**
 * The normalisation page's typed batch X in the link ("1,2,0.5;-0.5,0,1.5;…"): read and checked
 * like any typed batch, and written back only when it differs from the default. The controls'
 * values travel through the control panel; X is the page's own.
 */
import { matrixText, parseMatrixText } from "../../compute/normalisation/matrixText.js";
import type { Matrix } from "../../compute/normalisation/batchNormBackward.js";

/** The batch's text from `search`, or the default with a message saying why. */
export function batchFromLink(
  search: string,
  defaultBatch: Matrix,
): { text: string; problems: string[] } {
  const defaultText = matrixText(defaultBatch);
  const text = new URLSearchParams(search).get("X");
  if (text === null) return { text: defaultText, problems: [] };
  try {
    return { text: matrixText(parseMatrixText(text)), problems: [] };
  } catch (error) {
    return {
      text: defaultText,
      problems: [
        `The link sets X=${text}, but ${
          (error as Error).message
        }; using the default ${defaultBatch.length} × ${defaultBatch[0].length} batch.`,
      ],
    };
  }
}

/** X's link value: null (left out) for the default batch. */
export function batchLinkValue(rows: Matrix, defaultBatch: Matrix): string | null {
  return matrixText(rows) === matrixText(defaultBatch) ? null : matrixText(rows, { link: true });
}

/** Adds the batch's link problems to the panel's link notice, so the page has one such notice. */
export function withBatchProblems(linkNotice: HTMLElement, problems: string[]): HTMLElement {
  for (const message of problems) {
    const p = document.createElement("p");
    p.textContent = message;
    linkNotice.append(p);
  }
  if (problems.length) linkNotice.hidden = false;
  return linkNotice;
}
