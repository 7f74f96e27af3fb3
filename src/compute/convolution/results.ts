/**
 * The course results the convolution page shows, in the order the course-results table lists them,
 * each with the tests that check it (src/courseResults.ts has the shape and the documents).
 */
import type { CourseResult } from "../../courseResults.js";

const filterTests = "tests/compute/convolution/filterRecovery.test.ts";
const transposedTests = "tests/compute/convolution/transposed.test.ts";
const convolutionTfTests = "tests/compute/convolution/convolutionTf.test.ts";
const parameterTests = "tests/compute/parameterCounts.test.ts";
const layersTfTests = "tests/reference/layersTf.test.ts";
const convolutionBrowserTests = "tests/browser/convolution.test.ts";

export const RESULTS: readonly CourseResult[] = [
  {
    result:
      "The signal [1, 4, 0, −2, 3], filtered without flipping, padding or stride to give [−2, 2, 11], came from the filter [2, −1, 3].",
    sources: [["homework-5", "1(b)"]],
    page: "convolution",
    tests: [
      {
        file: filterTests,
        name:
          "filterSystem([1, 4, 0, −2, 3], [−2, 2, 11]) is the seed's 3 × 3 system, one window per row",
      },
      {
        file: filterTests,
        name:
          "solveFilter([1, 4, 0, −2, 3], [−2, 2, 11]) is the seed's filter [2, −1, 3], exactly, with det −52",
      },
      {
        file: convolutionTfTests,
        name:
          "correlate1dTf([1, 4, 0, −2, 3], [2, −1, 3]) with tf.conv1d is the seed's [−2, 2, 11]",
      },
      {
        file: convolutionBrowserTests,
        name:
          "convolution page: loads with the course's filter checked by TensorFlow.js, no console error, no foreign request",
      },
    ],
  },
  {
    result:
      "Transposed convolution of [a, b, c] with [x, y, z] at stride 2 gives [ax, ay, az + bx, by, bz + cx, cy, cz], 7 samples from 3; the ordinary stride-2 convolution takes 7 back to 3.",
    sources: [["homework-5", "1(c)"]],
    page: "convolution",
    tests: [
      {
        file: transposedTests,
        name:
          "transposedTerms1d(3, 3, {stride: 2}) is the seed's [ax, ay, az + bx, by, bz + cx, cy, cz]",
      },
      {
        file: transposedTests,
        name:
          "transposedLength(n, k, s, p) = (n − 1)·s + k − 2p is the length transposedConv1d returns",
      },
    ],
  },
  {
    result:
      "Transposed convolution of [[−1, 2], [3, 1]] with the filter [[1, −1], [0, 1]], stride 1 and no padding, gives [[−1, 3, −2], [3, −3, 1], [0, 3, 1]].",
    sources: [["homework-5", "1(c)"]],
    page: "convolution",
    tests: [
      {
        file: transposedTests,
        name:
          "transposedConv2d([[−1, 2], [3, 1]], [[1, −1], [0, 1]]) at stride 1, padding 0 is the seed's 3 × 3 output",
      },
      {
        file: transposedTests,
        name:
          "transposedStamps2d: the four scaled, shifted filters of the seed add up to its output",
      },
      {
        file: convolutionTfTests,
        name:
          "transposedConv2dTf (tf.conv2dTranspose, NHWC, filter [k, k, 1, 1] unflipped) gives the seed's 3 × 3 output",
      },
    ],
  },
  {
    result: "A 3 × 3 convolution from 3 to 4 channels has 4·3·3·3 = 108 weights, 112 with biases.",
    sources: [["homework-5", "3(a)"]],
    page: "convolution",
    tests: [
      {
        file: parameterTests,
        name: "standardConvParams(3 → 4, 3 × 3) is the seed's 108 without biases and 112 with them",
      },
      {
        file: layersTfTests,
        name:
          "countParams(): tf.layers.conv2d 3 → 4, 3 × 3 has 108 parameters without biases and 112 with",
      },
    ],
  },
  {
    result:
      "Its depthwise-separable version has 27 + 12 = 39 weights: 43 with biases on the pointwise part, 46 with biases on both parts.",
    sources: [["homework-5", "3(b)"]],
    page: "convolution",
    tests: [
      {
        file: parameterTests,
        name:
          "separableConvParams(3 → 4, 3 × 3) is the seed's 39 = 27 + 12, 43 with pointwise biases, 46 with both",
      },
      {
        file: layersTfTests,
        name:
          "countParams(): separableConv2d 3 → 4 has 39 (no biases) and 43 (its pointwise bias); depthwiseConv2d + conv2d with biases 46",
      },
    ],
  },
  {
    result:
      "The 1×1, 3×3, 1×1 bottleneck 256 → 128 → 128 → 256, with biases, has 213,504 parameters; 32 summed paths 256 → 4 → 4 → 256 have 78,592, about 2.72 times fewer.",
    sources: [["homework-6", "4"]],
    page: "convolution",
    tests: [
      {
        file: parameterTests,
        name: "bottleneckParams(256, 128) is the seed's 213,504, layer by layer",
      },
      {
        file: parameterTests,
        name: "splitTransformMergeParams(256, 32 paths of 4) is the seed's 78,592, layer by layer",
      },
      { file: parameterTests, name: "213,504 / 78,592 rounds to 2.72" },
      {
        file: layersTfTests,
        name:
          "countParams(): the 256–128–128–256 bottleneck has 213,504 and the 32 summed 256–4–4–256 paths 78,592",
      },
    ],
  },
];
