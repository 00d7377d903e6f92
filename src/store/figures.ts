/**
 * The chapter's figures as one-click setups. Each is a record of what it sets, so the buttons, the
 * keyboard help and the tests all read the same list, and the book's own numbers travel with the figure
 * they belong to. They are applied through the store's ordinary actions, like a user changing the
 * settings by hand.
 */
import { DEFAULT_CONFIG, type RunConfig } from '../config';
import { INPUT_SIZE, OUTPUT_SIZE } from './config';
import type { LabStore } from './store';
import type { Messages } from '../i18n/catalogue';

export type FigureId = 'fig4' | 'fig5' | 'fig6' | 'fig7' | 'exploding';

/** The part of the configuration a figure fixes; everything else (seed, speed) stays as the user left it. */
export type FigureConfig = Pick<RunConfig, 'layers' | 'mode' | 'activation' | 'init' | 'eta' | 'lambda' | 'momentum' | 'exploding'>;

export interface FigurePreset {
  /** The button's text and tooltip come from the catalogue's `figures` group, by id (figureWords). */
  id: FigureId;
  config: FigureConfig;
  /** Start training straight away: figs. 5-7 are curves over epochs, fig. 4 is the network before any. */
  run: boolean;
}

/** A figure's button text and what it sets up (the tooltip), in the page's language. */
export function figureWords(id: FigureId, m: Messages): { label: string; description: string } {
  const f = m.figures;
  switch (id) {
    case 'fig4':
      return { label: f.fig(4), description: f.fig4 };
    case 'fig5':
      return { label: f.fig(5), description: f.figSpeed(2) };
    case 'fig6':
      return { label: f.fig(6), description: f.figSpeed(3) };
    case 'fig7':
      return { label: f.fig(7), description: f.figSpeed(4) };
    case 'exploding':
      return { label: f.exploding, description: f.explodingDescription };
    default: {
      const unreachable: never = id;
      return unreachable;
    }
  }
}

function hidden(count: number): number[] {
  return [INPUT_SIZE, ...Array.from({ length: count }, () => 30), OUTPUT_SIZE];
}

/** Sigmoid neurons, N(0,1)/√n weights, the chapter's η and λ: the network every figure of the chapter uses. */
function bookNetwork(hiddenLayers: number, exploding = false): FigureConfig {
  return {
    layers: hidden(hiddenLayers),
    mode: 'learning-speed',
    activation: 'sigmoid',
    init: 'default',
    eta: DEFAULT_CONFIG.eta,
    lambda: DEFAULT_CONFIG.lambda,
    momentum: 0,
    exploding,
  };
}

export const FIGURES: readonly FigurePreset[] = [
  {
    id: 'fig4',
    config: bookNetwork(2),
    run: false,
  },
  { id: 'fig5', config: bookNetwork(2), run: true },
  { id: 'fig6', config: bookNetwork(3), run: true },
  { id: 'fig7', config: bookNetwork(4), run: true },
  {
    id: 'exploding',
    config: bookNetwork(4, true),
    run: false,
  },
];

export function figureById(id: FigureId): FigurePreset {
  const found = FIGURES.find((f) => f.id === id);
  if (!found) throw new Error(`no figure "${id}"`);
  return found;
}

/**
 * ‖δˡ‖ of each hidden layer at initialisation as the chapter prints them (the fig. 4 network, then three and
 * four hidden layers of 30). Keyed by the hidden widths.
 */
const BOOK_NORMS_AT_INIT: Record<string, readonly number[]> = {
  '30,30': [0.07, 0.31],
  '30,30,30': [0.012, 0.06, 0.283],
  '30,30,30,30': [0.003, 0.017, 0.07, 0.285],
};

/**
 * The book's ‖δˡ‖ at epoch 0 for this configuration, or null when the book gives none: only its own
 * sigmoid networks with the standard initialisation, without the exploding preset, are comparable.
 */
export function bookNormsFor(config: Pick<RunConfig, 'layers' | 'activation' | 'init' | 'exploding'>): readonly number[] | null {
  if (config.activation !== 'sigmoid' || config.init !== 'default' || config.exploding) return null;
  if (config.layers[0] !== INPUT_SIZE || config.layers[config.layers.length - 1] !== OUTPUT_SIZE) return null;
  return BOOK_NORMS_AT_INIT[config.layers.slice(1, -1).join(',')] ?? null;
}

/**
 * Sets the figure up with the store's own actions. A click always leaves a fresh network at initialisation:
 * when the settings are already the figure's, nothing was rebuilt, so the run is reset instead.
 */
export function applyFigure(store: LabStore, figure: FigurePreset): void {
  const before = store.getState().runId;
  store.getState().updateConfig({ ...figure.config, layers: [...figure.config.layers] });
  if (store.getState().runId === before) store.getState().reset();
  if (figure.run) store.getState().start();
}
