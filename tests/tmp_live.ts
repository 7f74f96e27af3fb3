import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { evaluateLiveTrial, prepareLiveTrial } from "../src/compute/liveRidgeTrial.ts";
await tf.setBackend("cpu");
let last;
for await (const s of prepareLiveTrial(tf, { nTrain: 300, nVal: 60, nTest: 30, d: 35, seed: 1 })) {
  last = s;
}
for (const sigma of [0, 0.1, 0.5, 1]) {
  for (const lambda of [0.001, 0.01, 0.1, 1, 7]) {
    const c = evaluateLiveTrial(last, lambda, sigma);
    const i = c.testError.indexOf(Math.max(...c.testError));
    console.log(
      "σ",
      sigma,
      "λ",
      lambda,
      "peak",
      c.testError[i].toFixed(3),
      "at",
      c.p[i],
      "end",
      c.testError.at(-1).toFixed(3),
      "min",
      Math.min(...c.testError).toFixed(3),
    );
  }
}
