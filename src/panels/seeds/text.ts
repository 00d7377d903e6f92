/** Every English text of "Over 20 seeds", in one place for the translation. */
export const SEEDS_TEXT = {
  title: (count: number) => `Over ${count} seeds`,
  explain: (first: number, last: number) =>
    `The book's ‖δˡ‖ come from one run. Here is the same network at initialisation for seeds ${first} to ${last}: one dot per seed, the box holds the middle half, the line across it is the median.`,
  waiting: 'Measuring the other seeds…',
  noData: 'The other seeds are measured once the first 1000 training images have arrived.',
  stripLabel: (count: number) => `‖δˡ‖ at initialisation of each hidden layer for ${count} seeds, log scale`,
  ratioLabel: (count: number) => `How many times faster the last hidden layer learns than the first, for ${count} seeds, log scale`,
  layerRow: (h: number) => `layer ${h}`,
  ratioRow: (last: number) => `‖δ${superscriptOf(last)}‖ ÷ ‖δ¹‖`,
  axisNorm: '‖δˡ‖ at initialisation',
  axisRatio: 'last ÷ first hidden layer',
  dotTitle: (seed: number, h: number, value: string) => `Seed ${seed}, hidden layer ${h}: ‖δ${superscriptOf(h)}‖ = ${value}`,
  ratioTitle: (seed: number, value: string) => `Seed ${seed}: the last hidden layer learns ${value}× as fast as the first`,
  medianTitle: (median: string, q1: string, q3: string) => `median ${median}, middle half ${q1} to ${q3}`,
  bookTitle: (value: string) => `The book's single run: ${value}`,
  legendCurrent: (seed: number) => `this run (seed ${seed})`,
  legendBook: "the book's run",
  legendBox: 'middle half, median',
  summary: (median: string, lo: string, hi: string, current: string) =>
    `Median over the seeds: the last hidden layer learns ${median}× as fast as the first (from ${lo}× to ${hi}×); this seed: ${current}×.`,
  missing: (count: number) =>
    `${count} seed(s) gave a gradient that is not a finite positive number (an overflow or an exact zero) and are left out.`,
  layerNormDefault:
    'Layer normalisation with the default initialiser: the first layer is no faster here. Its biases b ~ N(0, 1) already spread each layer’s z by a little more than 1, so standardising z divides the gradient by that spread (slightly shrinking it in every layer), and every layer still multiplies δ by σ′ ≤ 1/4. With Xavier initialisation (b = 0, z spread about 0.5) the same normalisation doubles the gradient in each layer.',
} as const;

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscriptOf(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)])
    .join('');
}
