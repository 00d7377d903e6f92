/**
 * Words written into exported files. The files are data for other programs and are written in English
 * whatever the page's language; the menus and notices live in the page's catalogues (src/i18n/).
 */

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
