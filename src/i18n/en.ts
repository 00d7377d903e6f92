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
  },
};

export type Messages = typeof en;
