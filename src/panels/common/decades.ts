/** Powers of ten as a person reads them on an axis: one label style for every chart and bar scale. */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A decade as "10⁻³", readable from the back of a room, unlike 1.00e-3. */
export function formatDecade(value: number): string {
  const e = Math.round(Math.log10(value));
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${String(e)
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('')}`;
}
