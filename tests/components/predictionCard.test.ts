import assert from "node:assert/strict";
import {
  atSetting,
  type CardEvent,
  cardMessage,
  type CardState,
  INITIAL_CARD_STATE,
  movedControls,
  nextCardState,
} from "../../src/components/predictionCard.ts";

const setting = { depth: 40, activation: "sigmoid" };
const atIt = { depth: 40, activation: "sigmoid" };
const elsewhere = { depth: 30, activation: "sigmoid" };
const spec = {
  options: [{ id: "yes", label: "it vanishes" }, { id: "no", label: "it survives" }],
  describe: (o: { option: string; ratio?: number }) => `the ratio was ${o.ratio}.`,
};

function play(events: CardEvent[], from: CardState = INITIAL_CARD_STATE): CardState {
  return events.reduce((state, event) => nextCardState(setting, state, event), from);
}

Deno.test("movedControls(setting, values): only the setting's controls, by exact value", () => {
  assert.deepEqual(movedControls(setting, { depth: 41, activation: "sigmoid", seed: 3 }), [
    "depth",
  ]);
  assert.deepEqual(movedControls(setting, { ...atIt, seed: 3 }), []);
  // A log slider's exp(log(x)) is still x; a step away is not.
  assert.deepEqual(movedControls({ lambda: 0.01 }, { lambda: Math.exp(Math.log(0.01)) }), []);
  assert.deepEqual(movedControls({ lambda: 0.01 }, { lambda: 0.0102 }), ["lambda"]);
  assert.equal(atSetting(setting, atIt), true);
  assert.equal(atSetting(setting, { depth: 40, activation: "relu" }), false);
});

Deno.test("nextCardState: commit, then the run at the setting settles with the run's outcome", () => {
  const state = play([
    { type: "commit", choice: "yes", values: elsewhere },
    { type: "controls", values: atIt },
    { type: "settle", settings: atIt, outcome: { option: "yes" } },
  ]);
  assert.equal(state.phase, "settled");
  assert.deepEqual(state.judged, { option: "yes" });
  assert.equal(state.choice, "yes");
});

Deno.test("nextCardState: a run at other settings finishing after commit judges nothing", () => {
  const state = play([
    { type: "commit", choice: "yes", values: elsewhere },
    { type: "controls", values: atIt },
    { type: "settle", settings: elsewhere, outcome: { option: "no" } },
  ]);
  assert.equal(state.phase, "running");
});

Deno.test("nextCardState: a control moved away before the run ends says so and judges nothing", () => {
  const moved = play([
    { type: "commit", choice: "yes", values: elsewhere },
    { type: "controls", values: atIt },
    { type: "controls", values: { depth: 35, activation: "sigmoid" } },
  ]);
  assert.equal(moved.phase, "moved");
  assert.deepEqual(moved.moved, ["depth"]);
  // The run that was at the setting may still report; the controls no longer hold it.
  const late = play([{ type: "settle", settings: atIt, outcome: { option: "yes" } }], moved);
  assert.equal(late.phase, "moved");
  // Back at the setting, the next run there is judged.
  const back = play([
    { type: "controls", values: atIt },
    { type: "settle", settings: atIt, outcome: { option: "no" } },
  ], late);
  assert.equal(back.phase, "settled");
  assert.deepEqual(back.judged, { option: "no" });
});

Deno.test("nextCardState: committing at the setting whose run already finished judges that run", () => {
  const state = play([
    { type: "settle", settings: atIt, outcome: { option: "no" } },
    { type: "commit", choice: "yes", values: atIt },
  ]);
  assert.equal(state.phase, "settled");
  assert.deepEqual(state.judged, { option: "no" });
  // A finished run at another setting is not the run at this one.
  const other = play([
    { type: "settle", settings: elsewhere, outcome: { option: "no" } },
    { type: "commit", choice: "yes", values: atIt },
  ]);
  assert.equal(other.phase, "running");
});

Deno.test("nextCardState: after a verdict, controls are free and again() starts over", () => {
  const settled = play([
    { type: "commit", choice: "yes", values: atIt },
    { type: "settle", settings: atIt, outcome: { option: "yes" } },
    { type: "controls", values: elsewhere },
  ]);
  assert.equal(settled.phase, "settled");
  const again = play([{ type: "again" }], settled);
  assert.equal(again.phase, "choosing");
  assert.equal(again.choice, undefined);
  assert.deepEqual(again.lastRun?.settings, atIt);
  // Choosing ignores controls and runs.
  assert.equal(play([{ type: "controls", values: elsewhere }]).phase, "choosing");
});

Deno.test("cardMessage(spec, state): held, not held, moved and running", () => {
  const base = { phase: "settled", choice: "yes" } as const;
  assert.equal(
    cardMessage(spec, { ...base, judged: { option: "yes", ratio: 2 } } as CardState),
    "Your prediction held: the ratio was 2.",
  );
  assert.equal(
    cardMessage(spec, { ...base, judged: { option: "no", ratio: 3 } } as CardState),
    "Your prediction did not hold: you predicted “it vanishes”, and the answer was “it survives”. The ratio was 3.",
  );
  assert.match(
    cardMessage(spec, { phase: "moved", choice: "yes", moved: ["depth"] }, () => "depth L"),
    /no longer match the prediction's setting \(depth L moved\)/,
  );
  assert.match(
    cardMessage(spec, { phase: "running", choice: "no" }),
    /You predicted “it survives”/,
  );
  assert.equal(cardMessage(spec, INITIAL_CARD_STATE), "");
});
