import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyPalette, LAYER_COLOURS, layerColour, palette, paletteCssVariables } from '../../src/app/palette';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const PALETTE_MODULE = join('app', 'palette.ts');
// A colour literal, not an id selector such as #add-layer-hint.
const HEX = /#[0-9a-fA-F]{3,8}(?![-\w])/g;

function sourceFiles(extensions: readonly string[]): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => extensions.some((ext) => f.endsWith(ext))).sort();
}

/** Relative luminance and contrast ratio as WCAG 2 defines them. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('palette', () => {
  it('holds every colour as six-digit hex, so the values can be compared and computed with', () => {
    for (const value of [...Object.values(palette), ...LAYER_COLOURS]) expect(value).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives every hidden layer its own colour, readable on the page (at least 3:1, WCAG for graphics)', () => {
    expect(new Set(LAYER_COLOURS).size).toBe(LAYER_COLOURS.length);
    for (const colour of LAYER_COLOURS) expect(contrast(colour, palette.paper)).toBeGreaterThanOrEqual(3);
    expect(layerColour(1)).toBe(LAYER_COLOURS[0]);
    expect(layerColour(LAYER_COLOURS.length + 1)).toBe(LAYER_COLOURS[0]);
  });

  it('tells positive from negative gradients and draws positive ones in the theme accent', () => {
    expect(palette.positiveGradient).not.toBe(palette.negativeGradient);
    expect(palette.overflowGradient).not.toBe(palette.positiveGradient);
    expect(palette.overflowGradient).not.toBe(palette.negativeGradient);
    expect(palette.positiveGradient).toBe(palette.accent);
  });

  it('keeps text readable on the page and on the accent (at least 4.5:1)', () => {
    expect(contrast(palette.text, palette.paper)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette.textSoft, palette.paper)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette.accentText, palette.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it('writes one CSS custom property per colour onto the element it is given', () => {
    const written = new Map<string, string>();
    applyPalette({ setProperty: (name: string, value: string | null) => void written.set(name, String(value)) });
    expect(Object.fromEntries(written)).toEqual(paletteCssVariables());
    expect(written.get('--text-soft')).toBe(palette.textSoft);
    expect(written.get('--positive-gradient')).toBe(palette.positiveGradient);
    expect(written.get(`--layer-${LAYER_COLOURS.length}`)).toBe(LAYER_COLOURS[LAYER_COLOURS.length - 1]);
    expect(written.size).toBe(Object.keys(palette).length + LAYER_COLOURS.length);
  });
});

describe('the palette is the only place colours are written down', () => {
  const stylesheets = sourceFiles(['.css']);
  const variables = paletteCssVariables();
  // Not colours: numbers a component hands its stylesheet, such as the count of hidden-layer columns.
  const LAYOUT_VARIABLES = ['--hidden-layers'];

  it('finds the stylesheets', () => {
    expect(stylesheets.length).toBeGreaterThan(0);
  });

  it.each(stylesheets)('%s reads only variables the palette defines, and holds no colour of its own', (file) => {
    const css = readFileSync(join(SRC, file), 'utf8');
    const read = [...css.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => !(name in variables) && !LAYOUT_VARIABLES.includes(name))).toEqual([]);
    expect(css.match(HEX) ?? []).toEqual([]);
  });

  it('no TypeScript module but the palette spells out a hex colour', () => {
    const offenders = sourceFiles(['.ts', '.tsx'])
      .filter((file) => relative(PALETTE_MODULE, file) !== '')
      .flatMap((file) => (readFileSync(join(SRC, file), 'utf8').match(HEX) ?? []).map((hex) => `${file}: ${hex}`));
    expect(offenders).toEqual([]);
  });
});
