/**
 * Every word the page shows or says, in English. The catalogue's shape is the contract: `Messages` is
 * derived from this object, and the Chinese catalogue is typed as `Messages`, so a key missing there (or a
 * parameter of the wrong type) is a compile error. Messages with parameters are functions that build the
 * whole sentence, so each language keeps its own word order; numbers go through Intl (./number.ts).
 * Formulas, equation and figure numbers are the chapter's and read the same in both languages.
 */
import type { DivergenceCause } from '../worker/protocol';
import { describeValue, divergenceReason } from '../worker/divergence';
import { numberFormats } from './number';
import { instrumentsEn } from './groups/instruments.en';
import { urlEn } from './groups/url.en';
import { loadErrorsEn } from './groups/loadErrors.en';
import { importErrorsEn } from './groups/importErrors.en';
import { exportNoticesEn } from './groups/exportNotices.en';

const n = numberFormats('en');

/** A clause opens the worker's reason; on the page it is a sentence of its own. */
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
    ...exportNoticesEn,
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
    networkUnavailable: 'The network could not be read out of the training worker.',
    networkLoaded: (name: string, sizes: string) =>
      `Loaded the network in "${name}" (${sizes}, CrossEntropyCost). The bars show its gradients; Reset returns to these weights.`,
    networkLoadedQuadratic: (name: string, sizes: string) =>
      `Loaded the network in "${name}" (${sizes}, QuadraticCost). The bars show its gradients under the lab's cross-entropy cost, not the file's quadratic cost; Reset returns to these weights.`,
    workspaceLoaded: (name: string, runs: number, notes: string) =>
      `Loaded the workspace "${name}": its configuration and ${runs === 1 ? '1 pinned run' : `${n.int(runs)} pinned runs`}.${notes ? ` ${notes}` : ''}`,
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
  /** Words several panels share. */
  common: {
    /** A value past the largest 32-bit float, in a table cell or a readout. */
    overflow: 'overflow',
    /** A number that does not exist yet. */
    none: '—',
    /** A notice's close button. */
    dismiss: 'Dismiss',
  },
  network: {
    title: 'Network: how fast each neuron learns',
    showAll: 'Show all neurons',
    addLayer: 'Add hidden layer',
    atMostLayers: (max: number) => `At most ${n.int(max)} hidden layers.`,
    newLayerHint: (width: number) => `${n.int(width)} neurons, before the output`,
    barScale: 'Bar scale',
    scaleLatest: 'Latest probe',
    scaleFirst: 'First probe',
    scaleLog: 'Log (4 decades)',
    noteLatest: 'the largest |∂C/∂b| of the latest probe, over all hidden layers',
    noteFirst: "the largest |∂C/∂b| since this run's first probe",
    noteLog: 'the largest |∂C/∂b| of the latest probe; each mark to the left is ten times smaller',
    /** The legend after the full bar's value: what it is, how a length is read, and that all layers share it. */
    scaleNote: (note: string, log: boolean) => `(${note}; ${log ? 'log scale' : 'length ∝ √|∂C/∂b|'}, one scale for all layers)`,
    fullBar: (value: string) => `Full bar = ${value}`,
    waitingFirstProbe: 'Waiting for the first probe of the network…',
    ghostKey: 'at the first probe, same scale (▸ = cut at the end)',
    bookNeurons: (count: number) => `first ${n.int(count)} neurons of each layer, as in the book`,
    input: 'Input',
    inputHint: 'pixels (28×28), no biases',
    hiddenLayer: (h: number) => `Hidden layer ${n.int(h)}`,
    widthOf: (h: number) => `Width of hidden layer ${n.int(h)}`,
    width: 'Width',
    barsOf: (h: number) => `∂C/∂b bars of hidden layer ${n.int(h)}`,
    sampled: (shown: number, width: number) => `${n.int(shown)} of ${n.int(width)} neurons, evenly spaced`,
    /** The remove button: a narrow column shows only the verb, the layer's heading names which. */
    removeVerb: 'Remove',
    removeWhich: (h: number) => `hidden layer ${n.int(h)}`,
    output: 'Output',
    outputHint: 'digits',
    explain:
      'Each bar is ∂C/∂b of one hidden neuron: how fast its weights and biases change. By eq. 122, ∂C/∂b₁ = σ′(z₁) w₂σ′(z₂) w₃σ′(z₃) w₄σ′(z₄) ∂C/∂a₄ — every layer closer to the input multiplies in one more w σ′(z), and σ′ ≤ 1/4.',
    readoutIdle: 'Exact ∂C/∂b: hover or tap a bar, or focus the bars and use the arrow keys.',
    readout: (layer: number, neuron: number, value: string) => `Layer ${n.int(layer)}, neuron ${n.int(neuron)}: ∂C/∂b = ${value}`,
    readoutOverflow: (layer: number, neuron: number, value: string) =>
      `Layer ${n.int(layer)}, neuron ${n.int(neuron)}: ∂C/∂b = ${value} (the gradient no longer fits in a 32-bit float)`,
    readoutWaiting: (layer: number, neuron: number) => `Layer ${n.int(layer)}, neuron ${n.int(neuron)}: waiting for the first probe`,
  },
  headline: {
    waiting: 'Waiting for the first probe of the network…',
    overflowed: (layer: number) => `Layer ${n.int(layer)}'s gradient overflowed a 32-bit float, so its speed cannot be measured.`,
    oneStopped: 'The one hidden layer has stopped learning: no gradient reaches it (‖δ¹‖ = 0).',
    oneLayer: 'One hidden layer: nothing to compare it with. Add a layer to see the earlier one learn slower.',
    noneLearning: 'No hidden layer is learning: every ‖δˡ‖ is 0.',
    someStopped: (layers: number[]) =>
      layers.length === 1
        ? `Layer ${n.int(layers[0])} has stopped learning: no gradient reaches it (‖δ‖ = 0).`
        : `Layers ${layers.map(n.int).join(', ')} have stopped learning: no gradient reaches them (‖δ‖ = 0).`,
    allStalled: (largest: string) => `Every hidden layer has all but stopped learning: the largest ‖δˡ‖ is ${largest}.`,
    uncountable: (fast: number, slow: number) =>
      `Layer ${n.int(fast)} learns too many times faster than layer ${n.int(slow)} to count in a float.`,
    equal: (count: number, ratio: string) => `All ${n.int(count)} hidden layers learn ≈ equally fast (within ${ratio}×).`,
    slower: (slow: number, ratio: string, fast: number) => `Layer ${n.int(slow)} learns ${ratio}× slower than layer ${n.int(fast)}`,
    faster: (fast: number, ratio: string, slow: number) => `Layer ${n.int(fast)} learns ${ratio}× faster than layer ${n.int(slow)}`,
  },
  saturation: {
    /** "hidden layer 2", "hidden layers 1-4", "hidden layers 1, 3 and 4". */
    layers: (layers: number[]) => {
      if (layers.length === 1) return `hidden layer ${n.int(layers[0])}`;
      const consecutive = layers.every((l, i) => i === 0 || l === layers[i - 1] + 1);
      if (consecutive) return `hidden layers ${n.int(layers[0])}-${n.int(layers[layers.length - 1])}`;
      return `hidden layers ${layers.slice(0, -1).map(n.int).join(', ')} and ${n.int(layers[layers.length - 1])}`;
    },
    /** The whole notice; see SaturationWords in src/panels/network/saturation.ts for the parameters. */
    notice: (w: {
      cause: 'clipped' | 'exploding' | 'training';
      clip: number;
      everyOne: boolean;
      layers: string;
      rule: string;
      shares: string[];
      several: boolean;
      /** A ReLU is dead or not as a whole; a sigmoid or tanh value is saturated image by image. */
      counted: 'neurons' | 'activations';
      all: boolean;
      offer: 'clip' | 'smaller' | 'none';
      clipAt: number;
    }) => {
      const cause =
        w.cause === 'clipped'
          ? `Even with the gradient clipped at ‖∇‖ ≤ ${n.decimal(w.clip, 6)}, the steps were too large`
          : w.cause === 'exploding'
            ? 'The huge gradients of the exploding preset made huge steps'
            : 'Training pushed the weighted inputs z far from 0';
      const shares = w.shares.length <= 1 ? w.shares.join('') : `${w.shares.slice(0, -1).join(', ')} and ${w.shares[w.shares.length - 1]}`;
      const who = `${w.everyOne ? 'every neuron' : 'almost every neuron'} in ${w.layers} is now saturated (${w.rule} for ${shares} of ${w.several ? 'their' : 'its'} ${w.counted === 'neurons' ? 'neurons' : 'activations over the probe images'})`;
      const consequence = w.all
        ? 'so the gradient now vanishes everywhere'
        : `so the gradient now vanishes in ${w.several ? 'them' : 'it'}`;
      const chapter =
        'This is the unstable gradient problem of the chapter (§ The unstable gradient problem): the gradient of an early layer is a product of many factors wσ′(z), and it either explodes or vanishes.';
      const offer =
        w.offer === 'clip'
          ? `Clipping the gradient norm (Pascanu et al. 2013) caps the length of each step, so one huge gradient cannot throw the neurons this far; the button clips at ${n.decimal(w.clipAt, 6)} and starts again.`
          : w.offer === 'smaller'
            ? `A smaller threshold takes smaller steps: the button clips at ${n.decimal(w.clipAt, 6)} and starts again.`
            : 'Clipping this hard and still saturating: try a smaller η or another initialiser.';
      return `${cause}: ${who}, ${consequence}. ${chapter} ${offer}`;
    },
    reluRule: 'a = 0 on every probe image',
    tanhRule: '|a| > 0.97',
    sigmoidRule: 'σ < 0.01 or σ > 0.99',
    clip: 'Clip gradient norm',
    clipAt: (c: number) => `Clip gradient norm at ${n.decimal(c, 6)}`,
  },
  controls: {
    title: 'Controls',
    run: 'Run',
    start: 'Start',
    pause: 'Pause',
    step: 'Step',
    step1: 'Step 1',
    step10: 'Step 10',
    reset: 'Reset',
    finished: (epochs: number) => `All ${n.int(epochs)} epochs done. Reset starts again from the seed.`,
    diverged: 'This run diverged. Reset starts again from the seed (lower η first).',
    endedTitle: 'This run has ended: Reset starts again from the seed',
    stepTitle: 'One epoch (SGD: one probe interval); Shift+→ steps ten',
    resetHint: 'Reset: fresh weights from the same seed.',
    stepHintSpeed: 'Step 1: one epoch (→). Step 10: ten epochs (Shift+→).',
    stepHintSgd: (batches: number) =>
      `Step 1: one probe interval of ${batches === 1 ? '1 mini-batch' : `${n.int(batches)} mini-batches`} (→). Step 10: ten probe intervals (Shift+→). An interval ends early at the end of an epoch.`,
    pauseAt: 'Pause at epoch',
    pauseAtHint: (epochs: number) =>
      `Empty: no planned pause. Otherwise the run pauses by itself once that epoch is complete (1 to ${n.int(epochs)}).`,
    exploding: 'Exploding gradients',
    explodingHint:
      'Large weights with biases that keep z ≈ 0 make each factor wσ′(z) ≈ 25, so the gradient grows on its way back (eq. 122). Off restores the seeded default initialisation.',
    clip: 'Clip gradient norm',
    clipAt: 'Clip gradient norm at',
    clipHint:
      "Each step's gradient ∇ over all weights and biases is scaled to length c when it is longer: ∇ ← ∇·c/‖∇‖ (Pascanu et al. 2013). 0 turns it off. A change starts the run again.",
    mode: 'Mode',
    eta: 'η (learning rate)',
    lambda: 'λ (L2 regularisation)',
    batchSize: 'Mini-batch size',
    batchUnused: 'Unused in this mode: one batch of all 1,000 images.',
    seed: 'Seed',
    momentum: 'Momentum μ',
    init: 'Initialiser',
    activation: 'Activation',
    cures: 'The cures that came after',
    residual: 'Residual connections',
    residualHint:
      'aˡ = aˡ⁻¹ + σ(zˡ) on hidden layers after the first of equal width, so the gradient reaches the early layers along the identity path (He et al. 2016). A change starts the run again.',
    layerNorm: 'Layer normalisation',
    layerNormHint:
      "Each hidden layer's z is standardised over its neurons, example by example, then scaled by a learned gain (Ba et al. 2016). A change starts the run again.",
  },
  pace: {
    label: 'Pace',
    lesson: 'Lesson',
    brisk: 'Brisk',
    fast: 'Fast',
    full: 'Full speed',
    asFast: (name: string) => `${name}: as fast as it can`,
    epochsPerSecond: (name: string, rate: number) => `${name}: ${n.int(rate)} epochs/s`,
    imagesPerSecond: (name: string, rate: number) => `${name}: ${n.int(rate)} images/s`,
    hintFull: 'As fast as this computer trains: too fast to follow epoch by epoch.',
    hintSpeed: (seconds: number) => `One epoch is one frame of the bars; the first 50 epochs take about ${n.int(seconds)} s.`,
    hintSgd: (images: number, seconds: number) => `One SGD epoch of ${n.int(images)} images takes about ${n.int(seconds)} s.`,
  },
  /** The names of the settings' choices, as the menus and the pinned runs' legends show them. */
  choices: {
    modeSpeed: 'Learning speed (figs. 5-7)',
    modeSgd: 'SGD on MNIST',
    initDefault: 'N(0,1)/√n (default)',
    initDefaultShort: 'N(0,1)/√n',
    initLarge: 'Large N(0,1)',
    initGlorot: 'Glorot "standard" U[±1/√n]',
    sigmoid: 'Sigmoid',
  },
  figures: {
    group: 'Set up a figure of the chapter',
    fig: (k: number) => `Fig. ${k}`,
    fig4: 'Bars at initialisation, [784, 30, 30, 10], before any training',
    figSpeed: (hidden: number) => `Learning speed with ${n.int(hidden)} hidden layers of 30`,
    exploding: 'Exploding example',
    explodingDescription: '[784, 30, 30, 30, 30, 10] with the exploding-gradient preset on: the early layers learn fastest',
  },
  /** What sets a pinned run apart from the current one, in a few words: "seed 1 · ReLU · He". */
  difference: {
    seed: (seed: number) => `seed ${seed}`,
    batch: (size: number) => `batch ${size}`,
    exploding: 'exploding preset',
    noPreset: 'no preset',
    clip: (c: number) => `clip ${c}`,
    noClip: 'no clipping',
    residual: 'residual',
    noSkips: 'no skips',
    layerNorm: 'layer norm',
    noNorm: 'no normalisation',
    same: 'same settings',
  },
  status: {
    region: 'Run status',
    idle: 'Ready',
    running: 'Training',
    paused: 'Paused',
    finished: 'Finished',
    diverged: 'Stopped: diverged',
    epochOf: (epoch: number, of: number) => `Epoch ${n.int(epoch)} of ${n.int(of)}`,
    batchOf: (batch: number, of: number) => `Batch ${n.int(batch)} of ${n.int(of)}`,
    speed: (perSecond: number) => `${n.int(perSecond)} examples/s`,
    noSpeed: '— examples/s',
    waitingForData: 'Waiting for the training images to finish loading; training starts by itself.',
    probeReady: 'Probe images ready; the training images are still loading.',
    stageProbe: 'the first 1,000 training images (for the probe)',
    stageTrain: 'the training images',
    stageTest: 'the validation images',
    loading: (stage: string, loaded: string, total: string) => `Loading MNIST: ${stage}, ${loaded} of ${total}`,
    loadingLabel: 'Loading MNIST',
    divergedTitle: 'Training diverged.',
    overflowNote: 'Values shown as “overflow” are larger than a 32-bit float can hold, so they are no longer numbers.',
    explodingHelps: 'Turning the exploding preset off also helps.',
    loadFailed: 'The MNIST images could not be loaded:',
    failed: 'Something went wrong:',
    retry: 'Retry',
  },
  /** A run that diverged: the worker sends the cause as data (DivergenceCause), each language words it. */
  divergence: {
    reason: (cause: DivergenceCause) => capitalise(`${divergenceReason(describeValue(cause.value), cause)}`),
  },
  speed: {
    title: 'Learning speed of each hidden layer',
    explain:
      "‖δˡ‖, the length of the vector of ∂C/∂b over layer l, is the chapter's measure of how fast layer l learns (figs. 5-7). In the book's [784, 30, 30, 30, 30, 10] network the first hidden layer learns about 100 times slower than the last: the vanishing gradient problem.",
    chartLabel: 'Learning speed ‖δˡ‖ of each hidden layer against epoch, log scale',
    xSpeed: 'Epochs, full batch of 1,000 images',
    xSgd: 'Epochs of mini-batch SGD',
    yLabel: '‖δˡ‖ (log scale)',
    hiddenLayer: (h: number) => `Hidden layer ${n.int(h)}`,
    bookLegend: "◇ the book's ‖δˡ‖ at epoch 0",
    bookMarks: "The book's values at epoch 0",
    bookMark: (h: number, value: number) => `Book, hidden layer ${n.int(h)} at epoch 0: ‖δ${h}‖ = ${value}`,
    book: 'book',
    exactHint: 'Exact values: hover or tap the chart, or focus it and press',
    table: 'Layer learning speed',
    layer: 'Layer',
    spectral: 'spectral norm, eq. 124',
    mean: (derivative: string) => `mean ${derivative}(zˡ)`,
    activeShare: 'share of active neurons',
    overflowNote: '"overflow": a gradient grew past the largest 32-bit float, so its norm cannot be measured.',
    zeroNote:
      '‖δˡ‖ = 0: no gradient reaches that layer, because it or a layer after it has derivative 0 on every probe image (ReLUs that never fire), so the layer has stopped learning. A log scale cannot draw 0, so its line ends; a ratio to 0 is shown as ÷ 0 or 0 / 0.',
    notApplicable: 'n/a',
    notApplicableNote:
      "n/a: eq. 124's factor does not carry δ back here. With a skip path the factor is I + Σ′W; with layer normalisation the Jacobian includes the normalisation: not shown.",
    eq124:
      'Eq. 124: δˡ = Σ′(zˡ)(wˡ⁺¹)ᵀ Σ′(zˡ⁺¹)(wˡ⁺²)ᵀ … Σ′(zᴸ)∇ₐC. Each factor with spectral norm below 1 shrinks the gradient on its way back; above 1 it grows.',
    compareTable: 'This run and the pinned runs',
    run: 'Run',
    layer1VsLast: 'Layer 1 vs last, latest probe',
    bestAccuracy: 'Best accuracy',
    thisRun: 'This run',
    pinnedRun: (id: number) => `Pinned run ${n.int(id)}`,
    pin: (id: number) => `Pin ${n.int(id)}`,
    layerRow: (h: number) => `Layer ${n.int(h)}`,
    epoch: (epoch: string) => `Epoch ${epoch}`,
    oneLayer: 'one hidden layer',
    equal: '≈ equal',
    slower: (ratio: string) => `${ratio}× slower`,
    faster: (ratio: string) => `${ratio}× faster`,
  },
  accuracy: {
    title: 'Validation accuracy',
    explain:
      "The chapter's experiment: 30 epochs of mini-batch SGD (η = 0.1, λ = 5.0, batch 10) with 1, 2, 3 and 4 hidden layers of 30 neurons reached 96.48 %, 96.90 %, 96.57 % and 96.53 %. Deeper is not better, because the early layers barely learn.",
    sgdOnly: 'Accuracy is measured after each epoch in “SGD on MNIST” mode.',
    chartLabel: 'Validation accuracy per epoch',
    xLabel: 'Epoch',
    book: (hidden: number, percent: string) => `Book, ${n.int(hidden)} hidden: ${percent}`,
    thisRun: 'This run',
    thisRunAt: (percent: string, epoch: number) => `This run: ${percent} after epoch ${n.int(epoch)}`,
    bookSameDepth: (percent: string) => `Book's result for the same depth: ${percent}`,
  },
  compare: {
    title: 'Compare runs',
    explain:
      'Pin this run, change one setting (seed, activation, initialiser), and watch the new curves against the dashed pinned ones. Pinned runs are kept in this browser across reloads.',
    pin: 'Pin this run',
    noData: 'Available after the first probe of the network.',
    full: (max: number) => `At most ${n.int(max)} pinned runs: remove one to pin another.`,
    alreadyPinned: 'This run is pinned as it stands; train on or change a setting to pin another.',
    pinned: (id: number, difference: string) => `Pinned run ${n.int(id)}: ${difference}`,
    show: (id: number) => `Show pinned run ${n.int(id)}`,
    remove: (id: number) => `Remove pinned run ${n.int(id)}`,
    removeAll: 'Remove all pinned runs',
  },
  instruments: instrumentsEn,
  url: urlEn,
  loadErrors: loadErrorsEn,
  importErrors: importErrorsEn,
};

export type Messages = typeof en;
