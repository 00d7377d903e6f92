/** Every word the activations panel shows, in one place, so the page can be translated as a whole. */
import type { ActivationName } from '../../engine';

export const ACTIVATIONS_TEXT = {
  title: 'Activations per layer',
  explain:
    'Per hidden layer, the mean activation over the 1000 probe images (line) and the band from its 2nd to its 98th percentile, against epoch — Glorot & Bengio (2010), fig. 2. In their sigmoid network the top hidden layer sank to 0 and stayed there for many epochs. Below: each layer’s activations now.',
  waiting: 'The activations appear with the first probe of the network.',
  chartLabel: 'Mean activation and 2–98 % band of each hidden layer against epoch',
  yLabel: 'Activation',
  xLabelLearningSpeed: 'Epochs, full batch of 1,000 images',
  xLabelSgd: 'Epochs of mini-batch SGD',
  histogramsLabel: 'Histograms of each hidden layer’s activations now',
  legendBand: '2–98 % band',
  legendMean: 'mean',
  layer: (h: number) => `Hidden layer ${h}`,
  layerSeries: (h: number, mean: string, low: string, high: string) =>
    `Hidden layer ${h}: mean activation ${mean}, 2–98 % band ${low} to ${high}`,
  histogram: (h: number, share: string, rule: string) => `Hidden layer ${h}: histogram of the activations now; ${rule}: ${share}`,
  shareLine: (rule: string, share: string) => `${rule}: ${share}`,
  /** What "saturated" means for the activation, as the worker counts it (protocol.ts, saturatedShare). */
  rule: (activation: ActivationName) =>
    activation === 'relu'
      ? 'dead (0 on every probe image)'
      : activation === 'tanh'
        ? 'saturated (|a| > 0.97)'
        : 'saturated (σ < 0.01 or > 0.99)',
} as const;
