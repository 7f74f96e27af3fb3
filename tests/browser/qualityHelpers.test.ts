/** The pure helpers behind the quality suite's verdicts, checked without a browser. */
import assert from "node:assert/strict";
import { csvRecords } from "./chartChecks.ts";
import { announces, sliderAnnouncementProblem } from "./a11yChecks.ts";

Deno.test("csvRecords(text) counts quoted commas and newlines as part of a field", () => {
  const text = 'p,label\n1,"a, b"\n2,"two\nlines"\r\n3,"say ""hi"""\n';
  assert.deepEqual(csvRecords(text), [
    ["p", "label"],
    ["1", "a, b"],
    ["2", "two\nlines"],
    ["3", 'say "hi"'],
  ]);
  assert.equal(csvRecords("a\n\n").length, 1);
});

Deno.test("announces(text, shown) accepts a rounding to 3+ digits and refuses a 2 % error", () => {
  assert.ok(announces("0.00796", 0.00796214341106998));
  assert.ok(announces("λ = 0.01", 0.01));
  assert.ok(announces("1e-3", 0.001));
  assert.ok(announces("\u22120.5", -0.5));
  assert.ok(!announces("0.008", 0.00796214341106998), "one digit hides a 0.5 % gap");
  assert.ok(!announces("0.0102", 0.01), "a 2 % error");
  assert.ok(!announces("-4.605", 0.01), "the logarithm");
  assert.ok(!announces("none", 0.01));
});

Deno.test("sliderAnnouncementProblem(slider) requires aria-valuetext on log and unlike sliders", () => {
  const linear = { label: "r", log: false, rangeValue: "0.5", shown: "0.5", valueText: null };
  assert.equal(sliderAnnouncementProblem(linear), null);
  const log = { label: "λ", log: true, rangeValue: "-4.605", shown: "0.01", valueText: null };
  assert.match(sliderAnnouncementProblem(log) ?? "", /no aria-valuetext/);
  assert.equal(sliderAnnouncementProblem({ ...log, valueText: "0.01" }), null);
  assert.match(
    sliderAnnouncementProblem({ ...log, log: false }) ?? "",
    /not data-scale="log"/,
  );
});
