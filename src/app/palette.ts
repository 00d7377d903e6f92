/**
 * Every colour of the lab, named by what it means on screen. The stylesheets hold no colour of their own:
 * they read the CSS custom properties that `applyPalette` writes onto the root element at start-up
 * (`--text`, `--positive-gradient`, `--layer-1`, …), and TSX and D3 code take the values from here.
 *
 * Why TypeScript owns the values and CSS follows, rather than D3 reading `var(--…)`: charts hand colours
 * to SVG attributes, and a `var()` there is a string that d3.color cannot parse, that no interpolation can
 * blend, and that a test reading an element's fill cannot compare. Writing the variables from here keeps
 * one list of values and real colours in every attribute.
 */

/** One colour per hidden layer (layer 1 = nearest the input), dark enough to read on white under a projector and distinct in hue. */
export const LAYER_COLOURS = [
  '#1d4ed8',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#be185d',
  '#4d7c0f',
  '#334155',
] as const;

export const palette = {
  // The page.
  /** Body text, axis text, button and table rules. */
  text: '#111827',
  /** Explanations, hints, secondary labels. */
  textSoft: '#374151',
  paper: '#ffffff',
  /** Background of a panel, a shade off the page so panels read as cards. */
  panel: '#f8fafc',
  /** Borders of panels, fields and table rows. */
  line: '#cbd5e1',
  accent: '#1d4ed8',
  /** Text on an accent-filled button. */
  accentText: '#ffffff',
  accentHover: '#1e40af',
  /** Background of an informational notice, edged in the accent. */
  accentBackground: '#eff6ff',
  /** A plain button under the pointer. */
  hover: '#e5e7eb',
  /** Errors, the exploding-gradients switch when on, the book's reference result. */
  danger: '#b91c1c',
  dangerBackground: '#fef2f2',
  /** Warnings: a run that ended, a hand-edited URL that was corrected, the exploding-gradients box. */
  warnBackground: '#fffbeb',
  warnLine: '#b45309',
  /** Keyboard focus ring and the marker of an active button: bright so it is seen from the back of a room. */
  focus: '#f59e0b',
  /** The shade at the edge of a panel that scrolls sideways, saying there is more to see (mixed to 28 % in the stylesheet). */
  scrollShadow: '#0f172a',
  /** Track of a switch that is off. */
  switchOff: '#9ca3af',

  // Charts.
  /** Grid lines and the baseline under each bar. */
  grid: '#e5e7eb',
  /** Reference marks that are not data: the line y = x, the pointer's z, the interval [0, 1] of activations. */
  reference: '#94a3b8',
  /** Secondary marks that must stay legible: outlines of the bars at the first probe, the chain's edges, the y = x label. */
  muted: '#64748b',
  /** An outline of the first probe cut at the end of the bar's track. */
  clipMark: '#475569',
  /** The log bar scale's decade lines through the bar columns. */
  decadeLine: '#cbd5e1',
  /** Neurons of the instruments' chain. */
  chainNeuron: '#e2e8f0',
  chainNeuronOutline: '#334155',

  // The chapter's quantities.
  /** A bar for ∂C/∂b > 0 (the theme's accent). */
  positiveGradient: '#1d4ed8',
  /** A bar for ∂C/∂b < 0. */
  negativeGradient: '#c2410c',
  /** A gradient that no longer fits in a 32-bit float. */
  overflowGradient: '#6b21a8',
  /** A factor of eq. 124 whose norm is below 1: the gradient shrinks through that layer. */
  shrinkingFactor: '#1d4ed8',
  /** A factor whose norm is 1 or more, and the line at 1 itself: the gradient grows through that layer. */
  growingFactor: '#b91c1c',
  /** The band of activations where |wσ′(wa+b)| ≥ 1 (eq. 123). */
  escapeBand: '#fde68a',
  /** An instrument's first curve (σ, the identity neuron's output, the factor of eq. 123) and its points. */
  curvePrimary: '#1d4ed8',
  /** An instrument's second curve (σ′). */
  curveSecondary: '#c2410c',
  /** A curve drawn for comparison (another activation's derivative, the width of eq. 123's interval). */
  curveTertiary: '#15803d',

  // Runs.
  /** The run in progress, on charts that draw one line per run. */
  currentRun: '#1d4ed8',
  /** Pinned runs, on charts that draw them in one colour (their dash patterns tell them apart). */
  pinnedRun: '#334155',
} as const;

export type PaletteName = keyof typeof palette;

/** Colour of hidden layer h (1-based); deeper networks than the list reuse it from the start. */
export function layerColour(h: number): string {
  return LAYER_COLOURS[(h - 1) % LAYER_COLOURS.length];
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The CSS custom properties the stylesheets read: `--text-soft` for palette.textSoft, `--layer-1` … for the layers. */
export function paletteCssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(palette)) vars[`--${kebab(name)}`] = value;
  LAYER_COLOURS.forEach((value, i) => {
    vars[`--layer-${i + 1}`] = value;
  });
  return vars;
}

/** Writes the palette's CSS custom properties; called once on the root element before the app renders. */
export function applyPalette(style: Pick<CSSStyleDeclaration, 'setProperty'>): void {
  for (const [name, value] of Object.entries(paletteCssVariables())) style.setProperty(name, value);
}
