/**
 * An N × C × H × W activation in its flattened picture: one block per example, one column per
 * channel, one row per spatial position (H·W flattened). The cells that share one mean and one
 * variance with the chosen cell are lit; pointing at any cell lights its group instead.
 */
import { chartFigure } from "../chartFigure.js";
import { chartWidth, colors } from "../colors.js";
import { numberColumn, textColumn } from "../csv.js";
import {
  type DiagramCell,
  type DiagramLabel,
  drawDiagram,
  linkCells,
  readoutLine,
  subscript,
} from "../cellDiagram.js";
import {
  type ActivationShape,
  cellCount,
  groupMates,
  normGroupCount,
  normGroupOf,
  type NormMethod,
} from "../../compute/normalisation/normAxes.js";

export const METHOD_NAMES: Record<NormMethod, string> = {
  batch: "Batch norm",
  layer: "Layer norm",
  instance: "Instance norm",
  group: "Group norm",
};

/** Where a cell sits, from its NCHW position. */
function cellPlace(shape: ActivationShape, index: number) {
  const plane = shape.h * shape.w;
  return {
    example: Math.floor(index / (plane * shape.c)),
    channel: Math.floor(index / plane) % shape.c,
    row: Math.floor((index % plane) / shape.w),
    column: index % shape.w,
  };
}

/** In words: which cells share the group of cell `index`. */
function groupSentence(
  method: NormMethod,
  shape: ActivationShape,
  index: number,
  groups: number,
): string {
  const { example, channel } = cellPlace(shape, index);
  const size = groupMates(method, shape, index, groups).length;
  const count = normGroupCount(method, shape, groups);
  const plane = `${shape.h} × ${shape.w}`;
  const perGroup = shape.c / groups;
  const first = Math.floor(channel / perGroup) * perGroup;
  const what = {
    batch: `channel ${channel + 1} in all ${shape.n} examples (N × H × W = ${shape.n} × ${plane})`,
    layer: `every channel and position of example ${
      example + 1
    } (C × H × W = ${shape.c} × ${plane})`,
    instance: `the ${plane} map of channel ${channel + 1} in example ${example + 1} (H × W)`,
    group: `channels ${first + 1}–${first + perGroup} of example ${
      example + 1
    } (C/G × H × W = ${perGroup} × ${plane})`,
  }[method];
  return `${
    METHOD_NAMES[method]
  }: these ${size} cells, ${what}, share one mean and one variance; the activation has ${count} such groups.`;
}

interface CellRow {
  index: number;
  value: number;
  group: number;
  lit: boolean;
}

export function normAxesDiagram(
  { shape, method, groups, selected, values }: {
    shape: ActivationShape;
    method: NormMethod;
    groups: number;
    /** NCHW position of the chosen cell. */
    selected: number;
    values: ArrayLike<number>;
  },
  { width }: { width: number },
): HTMLElement {
  const W = chartWidth(width, 640);
  const gap = 14;
  const columns = shape.n * shape.c;
  const size = Math.max(14, Math.min(44, Math.floor((W - 2 - gap * (shape.n - 1)) / columns)));
  const showValues = size >= 36;
  const positions = shape.h * shape.w;
  const top = 20;
  const blockWidth = shape.c * size;
  const totalWidth = shape.n * blockWidth + gap * (shape.n - 1);
  const left = Math.max(1, Math.floor((W - totalWidth) / 2));
  const height = top + positions * size + 36;
  const cells: DiagramCell[] = [];
  const labels: DiagramLabel[] = [];
  for (let index = 0; index < cellCount(shape); index++) {
    const { example, channel, row, column } = cellPlace(shape, index);
    cells.push({
      key: `cell:${index}`,
      x: left + example * (blockWidth + gap) + channel * size,
      y: top + (row * shape.w + column) * size,
      width: size - 2,
      height: size - 2,
      lines: showValues ? [values[index].toFixed(1).replace("-", "−")] : [],
      color: colors.blue,
    });
  }
  for (let example = 0; example < shape.n; example++) {
    const x0 = left + example * (blockWidth + gap);
    labels.push({
      x: x0 + blockWidth / 2,
      y: 13,
      text: `example ${example + 1}`,
      anchor: "middle",
    });
    for (let channel = 0; channel < shape.c; channel++) {
      labels.push({
        x: x0 + channel * size + size / 2 - 1,
        y: top + positions * size + 12,
        text: `c${subscript(channel + 1)}`,
        anchor: "middle",
      });
    }
  }
  labels.push({
    x: left + totalWidth / 2,
    y: height - 4,
    text: `columns: channels · rows: the ${shape.h} × ${shape.w} positions`,
    anchor: "middle",
  });
  const diagram = drawDiagram({ width: W, height, cells, labels });
  const readout = readoutLine();
  const mates = (index: number) => groupMates(method, shape, index, groups).map((i) => `cell:${i}`);
  linkCells(diagram, readout, {
    links: (key) => mates(Number(key.split(":")[1])),
    describe: (key) => groupSentence(method, shape, Number(key.split(":")[1]), groups),
    rest: () => ({ keys: mates(selected), text: groupSentence(method, shape, selected, groups) }),
  });
  const lit = new Set(groupMates(method, shape, selected, groups));
  const rows: CellRow[] = Array.from({ length: cellCount(shape) }, (_, index) => ({
    index,
    value: values[index],
    group: normGroupOf(method, shape, index, groups) + 1,
    lit: lit.has(index),
  }));
  const place = (d: CellRow) => cellPlace(shape, d.index);
  const figure = chartFigure<CellRow>({
    name: "norm-axes",
    title: `${
      METHOD_NAMES[method]
    } on a ${shape.n} × ${shape.c} × ${shape.h} × ${shape.w} activation`,
    description: groupSentence(method, shape, selected, groups),
    chart: diagram.svg,
    columns: [
      textColumn("example", (d) => String(place(d).example + 1)),
      textColumn("channel", (d) => String(place(d).channel + 1)),
      textColumn("position (h, w)", (d) => `(${place(d).row + 1}, ${place(d).column + 1})`),
      numberColumn("value", (d) => d.value, 4),
      textColumn("group", (d) => String(d.group)),
      textColumn("lit", (d) => (d.lit ? "yes" : "")),
    ],
    rows,
  });
  figure.querySelector("details")!.before(readout);
  return figure;
}
