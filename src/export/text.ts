/**
 * Every word the export and import features show: menu items, notices and the errors a wrong file gets.
 * Kept in one place so the page's translation has one file to read; sentences with a number in them are
 * small functions, so another language can put the number where its word order needs it.
 */
export const EXPORT_TEXT = {
  menu: 'Export',
  menuLabel: (what: string) => `Export ${what}`,
  speedChart: 'the learning-speed chart',
  accuracyChart: 'the accuracy chart',
  barsPanel: 'the network and its bars',
  everything: 'curves, network or workspace',
  instrument: (title: string) => `the figure "${title}"`,
  allCurvesJson: 'All curves as JSON',
  curvesCsv: 'Curves as CSV',
  curvesJson: 'Curves as JSON',
  layersCsv: 'Latest probe per layer as CSV',
  figureSvg: 'Figure as SVG',
  figurePng: 'Figure as PNG (2×)',
  networkJson: 'Network (network2.py JSON)',
  workspace: 'Workspace (configuration and pinned runs)',
  openFile: 'Open a network or workspace file…',
  copyLink: 'Copy link',
  dropHint: 'Drop a network2.py JSON file or a Gradient Lab workspace file anywhere on the page to load it.',
  dropOverlay: 'Drop the file to load it',
  linkCopied:
    'Link copied. It reproduces this configuration (network, mode, seed, settings); pinned runs and trained weights travel in an exported workspace or network file.',
  linkNotCopied: (link: string) => `The browser did not let the page copy the link; copy it from here: ${link}`,
  networkNotSigmoid: (what: string) =>
    `The book's network2.py computes sigmoid layers only, so this network (${what}) cannot be saved in its format. Choose sigmoid and switch the cures off to export it.`,
  networkUnavailable: 'The network could not be read out of the training worker.',
  figureFailed: (why: string) => `The figure could not be exported: ${why}.`,
  networkLoaded: (name: string, sizes: string, cost: string) =>
    `Loaded the network in "${name}" (${sizes}, ${cost}). The bars show its gradients; Reset returns to these weights.`,
  quadraticNote: "The lab's gradients use the cross-entropy cost, not the file's quadratic cost.",
  workspaceLoaded: (name: string, runs: number) =>
    runs === 1
      ? `Loaded the workspace "${name}": its configuration and 1 pinned run.`
      : `Loaded the workspace "${name}": its configuration and ${runs} pinned runs.`,
  fileRefused: (name: string, why: string) => `"${name}" was not loaded: ${why}`,
  notJson: 'it is not a JSON file (it could not be parsed).',
  unknownFile: 'it is neither a network2.py network (sizes, weights, biases, cost) nor a Gradient Lab workspace.',
  fileTooBig: (megabytes: number, limit: number) => `it is ${megabytes.toFixed(1)} MB; the largest file the lab reads is ${limit} MB.`,
  onlyOneFile: 'Drop one file at a time.',
} as const;

/** Column titles and descriptions of the exported curves (the CSV header row keeps them ASCII for spreadsheets). */
export const CURVE_TEXT = {
  speedTitle: 'Learning speed: the length of the gradient of each hidden layer per probe',
  layerTitle: 'Latest probe, per hidden layer',
  accuracyTitle: 'Validation accuracy per epoch',
  norm: '‖δˡ‖, the length of the vector of ∂C/∂b over hidden layer l',
  factorNorm: "spectral norm of eq. 124's factor Σ′(zˡ)(wˡ⁺¹)ᵀ (empty where not applicable)",
  meanSigmaPrime: 'mean σ′(zˡ) over the probe images',
  saturatedShare: 'share of the layer’s neurons that are saturated (mean σ′ < 0.01)',
  accuracy: 'fraction of the 10,000 validation images classified correctly',
} as const;
