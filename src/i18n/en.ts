/**
 * Every word the page shows or says, in English. The catalogue's shape is the contract: `Messages` is
 * derived from this object, and the Chinese catalogue is typed as `Messages`, so a key missing there (or a
 * parameter of the wrong type) is a compile error. Messages with parameters are functions that build the
 * whole sentence, so each language keeps its own word order; numbers go through Intl (./number.ts).
 * Formulas, equation and figure numbers are the chapter's and read the same in both languages.
 */
import { numberFormats } from './number';

const n = numberFormats('en');

export const en = {
  meta: {
    /** The browser tab. */
    title: 'Gradient Lab — why deep networks are hard to train',
    description: 'Gradient Lab: watch vanishing and exploding gradients while a sigmoid network trains on MNIST.',
  },
  header: {
    title: 'Gradient Lab — why deep networks are hard to train (Nielsen, ch. 5)',
    skipLink: 'Skip to the network',
    instruments: "Instruments: the chapter's formulas",
  },
  lang: {
    /** The switch's group name, read by screen readers. */
    switchLabel: 'Language',
    /** Each language's name is written in that language, so a reader finds their own. */
    english: 'English',
    chinese: '中文',
  },
  toolbar: {
    shortcuts: 'Keyboard shortcuts',
    shortcutsTitle: 'Keyboard shortcuts (?)',
    presentationTitle: 'Key P; Escape also leaves',
    enterPresentation: 'Presentation mode',
    exitPresentation: 'Exit presentation',
  },
  help: {
    title: 'Keyboard shortcuts',
    typingHint: 'Shortcuts wait while you type in a field.',
    close: 'Close',
    keySpace: 'Space',
    keyEsc: 'Esc',
    toggleRun: 'Start or pause training',
    step: 'Step: one epoch (SGD: one probe interval)',
    step10: 'Step: ten epochs (SGD: ten probe intervals)',
    reset: 'Reset: fresh weights from the same seed',
    addLayer: 'Add a hidden layer of 30 neurons',
    toggleExploding: 'Exploding-gradient preset on or off',
    togglePresentation: 'Presentation mode on or off',
    help: 'Show these shortcuts',
    exitPresentation: 'Leave presentation mode',
    lessonNext: 'Lesson open: next step',
    lessonBack: 'Lesson open: step back',
  },
  /** "Over 20 seeds" (src/panels/seeds/). */
  seeds: {
    title: (count: number) => `Over ${n.int(count)} seeds`,
    explain: (first: number, last: number) =>
      `The book's ‖δˡ‖ come from one run. Here is the same network at initialisation for seeds ${n.int(first)} to ${n.int(last)}: one dot per seed, the box holds the middle half, the line across it is the median.`,
    waiting: 'Measuring the other seeds…',
    noData: 'The other seeds are measured once the first 1000 training images have arrived.',
    stripLabel: (count: number) => `‖δˡ‖ at initialisation of each hidden layer for ${n.int(count)} seeds, log scale`,
    ratioLabel: (count: number) =>
      `How many times faster the last hidden layer learns than the first, for ${n.int(count)} seeds, log scale`,
    layerRow: (h: number) => `layer ${n.int(h)}`,
    ratioRow: (last: string) => `‖δ${last}‖ ÷ ‖δ¹‖`,
    axisNorm: '‖δˡ‖ at initialisation',
    axisRatio: 'last ÷ first hidden layer',
    dotTitle: (seed: number, h: number, value: string) => `Seed ${n.int(seed)}, hidden layer ${n.int(h)}: ‖δ‖ = ${value}`,
    ratioTitle: (seed: number, value: string) => `Seed ${n.int(seed)}: the last hidden layer learns ${value}× as fast as the first`,
    medianTitle: (median: string, q1: string, q3: string) => `median ${median}, middle half ${q1} to ${q3}`,
    bookTitle: (value: string) => `The book's single run: ${value}`,
    legendCurrent: (seed: number) => `this run (seed ${n.int(seed)})`,
    legendBook: "the book's run",
    legendBox: 'middle half, median',
    summary: (median: string, lo: string, hi: string, current: string) =>
      `Median over the seeds: the last hidden layer learns ${median}× as fast as the first (from ${lo}× to ${hi}×); this seed: ${current}×.`,
    missing: (count: number) =>
      count === 1
        ? '1 seed gave a gradient that is not a finite positive number (an overflow or an exact zero) and is left out.'
        : `${n.int(count)} values are not finite positive numbers (an overflow or an exact zero) and are left out.`,
  },
  /** The Export menus, Copy link and the drop target (src/panels/export/). */
  export: {
    menu: 'Export',
    menuLabel: (what: string) => `Export ${what}`,
    speedChart: 'the learning-speed chart',
    accuracyChart: 'the accuracy chart',
    barsPanel: 'the network and its bars',
    everything: 'curves, network or workspace',
    instrument: (title: string) => `the figure "${title}"`,
    curvesCsv: 'Curves as CSV',
    curvesJson: 'Curves as JSON',
    layersCsv: 'Latest probe per layer as CSV',
    allCurvesJson: 'All curves as JSON',
    figureSvg: 'Figure as SVG',
    figurePng: 'Figure as PNG (2×)',
    networkJson: 'Network (network2.py JSON)',
    workspace: 'Workspace (configuration and pinned runs)',
    openFile: 'Open a network or workspace file…',
    copyLink: 'Copy link',
    dropHint: 'Drop a network2.py JSON file or a Gradient Lab workspace file anywhere on the page to load it.',
    dropOverlay: 'Drop the file to load it',
  },
  /** The activations panel (Glorot & Bengio 2010, fig. 2). */
  activations: {
    title: 'Activations per layer',
    explain:
      'Per hidden layer, the mean activation over the 1000 probe images (line) and the band from its 2nd to its 98th percentile, against epoch — Glorot & Bengio (2010), fig. 2. In their sigmoid network the top hidden layer sank to 0 and stayed there for many epochs. Below: each layer’s activations now.',
    waiting: 'The activations appear with the first probe of the network.',
    chartLabel: 'Mean activation and 2–98 % band of each hidden layer against epoch',
    yLabel: 'Activation',
    xLabelLearningSpeed: 'Epochs, full batch of 1,000 images',
    xLabelSgd: 'Epochs of mini-batch SGD',
    histogramsLabel: 'Histograms of each hidden layer’s activations now',
    legendBand: 'line: mean — band: 2nd to 98th percentile',
    layer: (h: number) => `Hidden layer ${n.int(h)}`,
    layerSeries: (h: number, mean: string, low: string, high: string) =>
      `Hidden layer ${n.int(h)}: mean activation ${mean}, 2–98 % band ${low} to ${high}`,
    histogram: (h: number, rule: string, share: string) => `Hidden layer ${n.int(h)}: histogram of the activations now; ${rule}: ${share}`,
    shareLine: (rule: string, share: string) => `${rule}: ${share}`,
    /** What "saturated" means for each activation, as the worker counts it (protocol.ts, saturatedShare). */
    ruleSigmoid: 'saturated (σ < 0.01 or > 0.99)',
    ruleTanh: 'saturated (|a| > 0.97)',
    ruleRelu: 'dead (0 on every probe image)',
  },
  /** Sentences the store keeps (see text.ts): they switch language with the page. */
  notices: {
    pausedAt: (epoch: number) => `Paused at epoch ${n.int(epoch)} as asked.`,
    retrying: 'Loading MNIST again.',
    reinitialised: (seed: number) => `Network re-initialised with seed ${n.int(seed)}.`,
    reinitialisedBecause: (seed: number, what: string) => `Network re-initialised with seed ${n.int(seed)} (${what}).`,
    explodingOn: 'Exploding-gradient preset applied: every later hidden layer has w = 100 and z ≈ 0, so each factor wσ′(z) ≈ 25 (eq. 122).',
    explodingOff: (seed: number) => `Preset off: network re-initialised with seed ${n.int(seed)}.`,
    addedLayer: (h: number) => `added hidden layer ${n.int(h)}`,
    removedLayer: (h: number) => `removed hidden layer ${n.int(h)}`,
    layerWidth: (h: number, width: number) => `hidden layer ${n.int(h)} now has ${n.int(width)} neurons`,
    pinnedUnreadable: 'Pinned runs saved in this browser could not be read, so they were left out.',
    pinnedSomeUnreadable: (count: number) =>
      count === 1
        ? '1 pinned run saved in this browser could not be read, so it was left out.'
        : `${n.int(count)} pinned runs saved in this browser could not be read, so they were left out.`,
    pinnedUnavailable: 'Pinned runs cannot be kept in this browser (its storage is not available).',
    pinnedNotSaved: 'Pinned runs could not be saved in this browser; they will be gone after a reload.',
    linkCopied:
      'Link copied. It reproduces this configuration (network, mode, seed, settings); pinned runs and trained weights travel in an exported workspace or network file.',
    linkNotCopied: (link: string) => `The browser did not let the page copy the link; copy it from here: ${link}`,
    networkNotSigmoid: (what: string) =>
      `The book's network2.py computes sigmoid layers only, so this network (${what}) cannot be saved in its format. Choose sigmoid and switch the cures off to export it.`,
    networkUnavailable: 'The network could not be read out of the training worker.',
    figureFailed: (why: string) => `The figure could not be exported: ${why}.`,
    networkLoaded: (name: string, sizes: string) =>
      `Loaded the network in "${name}" (${sizes}, CrossEntropyCost). The bars show its gradients; Reset returns to these weights.`,
    networkLoadedQuadratic: (name: string, sizes: string) =>
      `Loaded the network in "${name}" (${sizes}, QuadraticCost). The bars show its gradients under the lab's cross-entropy cost, not the file's quadratic cost; Reset returns to these weights.`,
    workspaceLoaded: (name: string, runs: number, notes: string) =>
      `Loaded the workspace "${name}": its configuration and ${runs === 1 ? '1 pinned run' : `${n.int(runs)} pinned runs`}.${notes ? ` ${notes}` : ''}`,
    fileRefused: (name: string, why: string) => `"${name}" was not loaded: ${why}`,
    fileNotJson: (name: string) => `"${name}" was not loaded: it is not a JSON file (it could not be parsed).`,
    fileUnknown: (name: string) =>
      `"${name}" was not loaded: it is neither a network2.py network (sizes, weights, biases, cost) nor a Gradient Lab workspace.`,
    fileTooBig: (name: string, megabytes: number, limit: number) =>
      `"${name}" was not loaded: it is ${Number(megabytes).toFixed(1)} MB; the largest file the lab reads is ${n.int(limit)} MB.`,
    onlyOneFile: 'Drop one file at a time.',
    /** After Restart, learning-speed mode: full-batch descent from the seed gives the same weights again. */
    restartedReplay: (seed: number, epoch: number) =>
      `The training worker was restarted. It trains the network again from seed ${n.int(seed)} up to epoch ${n.int(epoch)}, where the stopped worker was; full-batch descent gives the same weights.`,
    restartedFresh: (seed: number) =>
      `The training worker was restarted with the same configuration; the network starts again from seed ${n.int(seed)}.`,
    /** A preset switched on after the run overflowed is applied to fresh weights, not to NaN. */
    presetAfterDivergence: (seed: number) =>
      `The run had diverged, so the network was re-initialised with seed ${n.int(seed)} before the exploding-gradient preset was applied: every later hidden layer has w = 100 and z ≈ 0, so each factor wσ′(z) ≈ 25 (eq. 122).`,
  },
  /** Under the status line when training runs on the JavaScript engine instead of WebAssembly SIMD. */
  engine: {
    blocked:
      "Training runs on the slower JavaScript engine: this site's Content-Security-Policy does not allow WebAssembly (it needs 'wasm-unsafe-eval'). The numbers are the same; only the speed differs.",
    unsupported:
      'Training runs on the slower JavaScript engine: this browser has no WebAssembly SIMD. The numbers are the same; only the speed differs.',
  },
  /** In the status line while a long learning-speed epoch is under way (one step over all the probe images). */
  progress: {
    epochImages: (epoch: number, done: number, total: number) => `Epoch ${n.int(epoch)}: ${n.int(done)} of ${n.int(total)} images`,
  },
  /** The training worker's life: the banner when it stops and its Restart button. */
  worker: {
    statusStopped: 'Stopped: the training worker stopped',
    heading: 'The training worker stopped.',
    failed: (detail: string | null) => (detail === null ? 'Its script could not be loaded, or it crashed.' : `It failed: ${detail}.`),
    unresponsive: (seconds: number) => `It has not answered for ${n.int(seconds)} seconds: it was closed, ended or is stuck.`,
    cannotGoOn: 'Nothing can train until it is restarted. Restart starts a new worker with the same configuration.',
    restart: 'Restart',
    restartLabel: 'Restart the training worker',
  },
};

export type Messages = typeof en;
