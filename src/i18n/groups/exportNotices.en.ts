/**
 * The export and import notices whose words depend on data (what keeps a network out of network2.py's format,
 * why a figure or a file failed): part of the catalogue's `notices`, kept here beside their Chinese.
 */
import type { FigureProblem } from '../../export/figure';
import type { ImportProblem } from '../../export/problem';
import { importErrorsEn } from './importErrors.en';

export const exportNoticesEn = {
  /** What keeps a network out of network2.py's format: a hidden activation, an output other than sigmoid, the cures. */
  networkNotSigmoid: (activation: string | null, output: string | null, residual: boolean, normalisation: boolean) =>
    `The book's network2.py computes sigmoid layers only, so this network (${[
      activation,
      output === null ? null : `${output} output`,
      residual ? 'residual connections' : null,
      normalisation ? 'layer normalisation' : null,
    ]
      .filter((part) => part !== null)
      .join(', ')}) cannot be saved in its format. Choose sigmoid and switch the cures off to export it.`,
  figureFailed: (why: FigureProblem) =>
    `The figure could not be exported: ${
      why === 'not-on-page'
        ? 'its panel is not on the page'
        : why === 'no-canvas'
          ? 'this browser cannot draw on a canvas'
          : why === 'image-decoding'
            ? 'the browser could not draw the figure as an image'
            : 'the canvas could not be encoded as PNG'
    }.`,
  figureFailedOther: (detail: string) => `The figure could not be exported: ${detail}.`,
  networkNotFinite:
    "The network has weights or biases that are no longer numbers (the run diverged), so it cannot be saved in network2.py's format. Reset it first.",
  fileRefused: (name: string, why: ImportProblem) => `"${name}" was not loaded: ${importErrorsEn.problem(why)}`,
};
