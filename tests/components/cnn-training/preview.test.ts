/**
 * The front page's preview of cnn-training (src/components/cnn-training/preview.ts): each label's numbers
 * against a value stated independently here, so a label that drifts by 2 % fails.
 */
import assert from "node:assert/strict";
import { type CnnData, cnnPreview } from "../../../src/components/cnn-training/preview.ts";

Deno.test("cnnPreview(data): validation accuracy after epoch 1 with and without batch norm", () => {
  const summary: CnnData["summary"] = [true, false].flatMap((batchNorm) =>
    [0, 1, 2].flatMap((epoch) =>
      [true, false].map((dropout) => ({
        batchNorm,
        dropout,
        epoch,
        validation: {
          mean: dropout ? (batchNorm ? [0.1, 0.71, 0.9] : [0.1, 0.62, 0.85])[epoch] : 0,
        },
      }))
    )
  );
  const spec = cnnPreview({ summary });
  assert.match(
    spec.label,
    /over 2 epochs; after the first epoch it is 71 % with batch norm and 62 % without/,
  );
});
