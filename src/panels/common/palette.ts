/** One colour per hidden layer, dark enough to read on white under a projector and distinct in hue. */
export const LAYER_COLOURS = ['#1d4ed8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#334155'];

export function layerColour(h: number): string {
  return LAYER_COLOURS[(h - 1) % LAYER_COLOURS.length];
}

/** Dash patterns that tell pinned runs apart from each other (the current run is solid). */
export const PINNED_DASHES = ['8 5', '3 4', '12 4 3 4', '2 7', '16 6', '6 3 2 3'];

export function pinnedDash(index: number): string {
  return PINNED_DASHES[index % PINNED_DASHES.length];
}
