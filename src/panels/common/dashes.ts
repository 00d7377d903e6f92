/** Dash patterns that tell pinned runs apart from each other (the current run is solid). */
export const PINNED_DASHES = ['8 5', '3 4', '12 4 3 4', '2 7', '16 6', '6 3 2 3'];

export function pinnedDash(index: number): string {
  return PINNED_DASHES[index % PINNED_DASHES.length];
}
