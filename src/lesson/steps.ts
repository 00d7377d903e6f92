/**
 * The lesson as data: one record per step, in the chapter's order. A step says which section of the chapter
 * it follows, how it sets the lab up (the network and the run, through the store's ordinary actions), which
 * panel it brings into view and which control it points at. What the step says lives in text/en.ts and
 * text/zh-CN.ts, keyed by the same ids, so the two languages cannot drift apart from the list.
 */
import type { RunConfig } from '../config';
import { figureById } from '../store/figures';

export const LESSON_STEP_IDS = [
  'bars-at-init',
  'learning-speed',
  'one-neuron-chain',
  'chain-explodes',
  'network-explodes',
  'exploding-trains',
  'unstable',
  'prevalence',
  'identity-neuron',
  'complex-networks',
  'other-obstacles',
  'what-helps',
] as const;

export type LessonStepId = (typeof LESSON_STEP_IDS)[number];

/** Anchors of the chapter's sections in the original (http://neuralnetworksanddeeplearning.com/chap5.html). */
export const CHAPTER_URL = 'http://neuralnetworksanddeeplearning.com/chap5.html';
export const SECTIONS = {
  vanishing: 'the_vanishing_gradient_problem',
  causes: "what's_causing_the_vanishing_gradient_problem_unstable_gradients_in_deep_neural_nets",
  complex: 'unstable_gradients_in_more_complex_networks',
  obstacles: 'other_obstacles_to_deep_learning',
} as const;
export type SectionId = keyof typeof SECTIONS;

export function chapterLink(section: SectionId): string {
  return `${CHAPTER_URL}#${SECTIONS[section]}`;
}

/**
 * Ids of the panels a step can bring into view. The lab's own panels are found by their heading's id and the
 * section around it; the saturation and "Over 20 seeds" panels by their root's id. A panel that is not on the
 * page (or is hidden, as the instruments are in presentation mode) is simply not scrolled to.
 */
export const PANELS = {
  network: 'network-title',
  speed: 'speed-title',
  chain: 'chain-title',
  bound: 'bound-title',
  identity: 'identity-title',
  eq124: 'eq124-title',
  activations: 'activations-panel',
  seeds: 'seeds-panel',
} as const;
export type PanelName = keyof typeof PANELS;

/**
 * A control to point at: CSS selectors tried in order, the first one that is rendered wins (the run buttons
 * sit in the sidebar on a wide screen and in the run bar on a phone or in presentation mode). `outline` names
 * the ancestor to outline when the control itself is too small to see outlined (a checkbox, a <select>).
 */
export interface ControlTarget {
  selectors: readonly string[];
  outline?: string;
}

const START: ControlTarget = { selectors: ['.run-buttons button.primary', '.run-bar button.primary'] };

export interface LessonSetup {
  /** Settings the step fixes; everything else (seed, pace) stays as the reader left it. Left out: the network is not touched. */
  config?: Partial<RunConfig>;
}

export interface LessonStep {
  id: LessonStepId;
  section: SectionId;
  setup: LessonSetup;
  panel: PanelName;
  control: ControlTarget;
}

/** The book's sigmoid network with this many hidden layers of 30, as the chapter's figures use it. */
function book(figure: 'fig4' | 'fig6' | 'fig7' | 'exploding'): Partial<RunConfig> {
  const { config } = figureById(figure);
  return { ...config, layers: [...config.layers], clipNorm: 0, residual: false, normalisation: 'none' };
}

export const LESSON_STEPS: readonly LessonStep[] = [
  {
    id: 'bars-at-init',
    section: 'vanishing',
    setup: { config: book('fig4') },
    panel: 'network',
    control: { selectors: ['.network-panel .column-svg'] },
  },
  {
    id: 'learning-speed',
    section: 'vanishing',
    setup: { config: book('fig7') },
    panel: 'speed',
    control: START,
  },
  {
    id: 'one-neuron-chain',
    section: 'causes',
    setup: {},
    panel: 'chain',
    control: { selectors: ['.chain-instrument .instrument-buttons button:nth-of-type(1)'] },
  },
  {
    id: 'chain-explodes',
    section: 'causes',
    setup: {},
    panel: 'chain',
    control: { selectors: ['.chain-instrument .instrument-buttons button:nth-of-type(2)'] },
  },
  {
    id: 'network-explodes',
    section: 'causes',
    setup: { config: book('exploding') },
    panel: 'network',
    control: { selectors: ['.sidebar .switch-field', '.toolbar .switch-field'] },
  },
  {
    id: 'exploding-trains',
    section: 'causes',
    setup: { config: book('exploding') },
    panel: 'activations',
    control: START,
  },
  {
    id: 'unstable',
    section: 'causes',
    setup: {},
    panel: 'chain',
    control: { selectors: ['.chain-instrument .slider-grid'] },
  },
  {
    id: 'prevalence',
    section: 'causes',
    setup: {},
    panel: 'bound',
    control: { selectors: ['.bound-instrument .instrument-slider'] },
  },
  {
    id: 'identity-neuron',
    section: 'causes',
    setup: {},
    panel: 'identity',
    control: { selectors: ['.identity-instrument .instrument-controls > button'] },
  },
  {
    id: 'complex-networks',
    section: 'complex',
    setup: { config: book('fig7') },
    panel: 'eq124',
    control: { selectors: ['.eq124-instrument .instrument-table'] },
  },
  {
    id: 'other-obstacles',
    section: 'obstacles',
    setup: { config: { ...book('fig7'), mode: 'sgd' } },
    panel: 'activations',
    control: { selectors: ['.controls-panel select option[value="xavier"]'], outline: '.field' },
  },
  {
    id: 'what-helps',
    section: 'obstacles',
    setup: { config: { ...book('fig7'), activation: 'relu', init: 'he' } },
    panel: 'seeds',
    control: { selectors: ['.controls-panel select option[value="relu"]'], outline: '.field' },
  },
];

export const LESSON_STEP_COUNT = LESSON_STEPS.length;

/** The step numbered `n` (from 1, as the page and the URL count them). */
export function lessonStep(n: number): LessonStep {
  const step = LESSON_STEPS[n - 1];
  if (!step) throw new Error(`the lesson has steps 1 to ${LESSON_STEP_COUNT}, not ${n}`);
  return step;
}
