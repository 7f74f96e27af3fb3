/** Link values the browser tests use, per page: shared by quality.test.ts and links.test.ts. */

/**
 * One value per page with controls that its link must refuse: outside the slider's range. A new
 * page with controls adds a line here (its tests fail until it does).
 */
export const refusedLinkValues: Record<string, { param: string; value: string; label: string }[]> =
  {
    "/pages/dropout-toy": [
      { param: "rate", value: "0.95", label: "drop rate r" },
      { param: "lr", value: "5", label: "learning rate" },
    ],
    "/pages/double-descent": [{ param: "lambda", value: "1e-9", label: "λ" }],
    "/pages/convolution": [
      { param: "stride2", value: "0", label: "2-D stride" },
      { param: "cin", value: "600", label: "input channels" },
    ],
    "/pages/momentum": [
      { param: "beta", value: "1", label: "momentum β" },
      { param: "step", value: "0", label: "step size ε" },
    ],
    "/pages/dropout-noise": [
      { param: "p", value: "0", label: "keep probability p" },
      { param: "sigma", value: "-1", label: "noise sd σ" },
    ],
    "/pages/initialisation": [
      { param: "depth", value: "0", label: "depth L" },
      { param: "sigma", value: "-1", label: "σ (weight std × √d)" },
    ],
    "/pages/rnn-gradients": [
      { param: "T", value: "0", label: "steps T" },
      { param: "s", value: "-1", label: "spectral norm s of W" },
    ],
    "/pages/normalisation": [
      { param: "n", value: "0", label: "batch size n" },
      { param: "delta", value: "-1", label: "change δ to examples 2 and 3" },
    ],
    "/pages/residual": [
      { param: "depth", value: "0", label: "depth L" },
      { param: "sigma", value: "-1", label: "σ (weight std × √m)" },
    ],
    "/pages/dropout-digits": [
      { param: "keepInput", value: "0", label: "keep probability, inputs" },
      { param: "n", value: "0", label: "training digits per class" },
    ],
    "/pages/normalisation-geometry": [
      { param: "batch", value: "0", label: "batch size m" },
      { param: "rho", value: "1", label: "correlation ρ" },
    ],
    "/pages/cnn-training": [
      { param: "rate", value: "0.95", label: "drop rate r" },
      { param: "lr", value: "NaN", label: "learning rate" },
    ],
  };
