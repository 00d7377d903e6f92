/**
 * What counts as English left on a Chinese page. Words kept in Latin letters on purpose: people and works
 * the lab cites, the data set, file formats and web standards, the reference code's names, activation and
 * method names as the chapter's Chinese translation writes them (it also writes "mini-batch"), keyboard
 * keys, the name of the other language in the switch, values quoted from the address as they were pasted, the URL's own parameter names (typed by the reader,
 * so never translated), and units and formula symbols.
 */
import { KNOWN_URL_KEYS } from '../../src/store/queryKeys';

const ALLOWED = [
  ...['Nielsen', 'Glorot', 'Bengio', 'Xavier', 'He', 'Sutskever', 'Pascanu', 'Ioffe', 'Szegedy', 'Ba'],
  ...['MNIST', 'CSV', 'JSON', 'SVG', 'PNG', 'URL', 'JavaScript', 'WebAssembly', 'SIMD', 'IDX', 'gzip', 'HTML', 'HTTP'],
  ...['network2', 'py', 'CrossEntropyCost', 'QuadraticCost'],
  ...['sigmoid', 'softmax', 'ReLU', 'tanh', 'SGD', 'mini', 'batch'],
  ...['Shift', 'Esc', 'English'],
  ...KNOWN_URL_KEYS,
  // units and formula symbols: ex/s, MB, NaN, diag(…), ln, the product wa in wa + b
  ...['Fig', 'eq', 'MB', 'ex', 'NaN', 'diag', 'ln', 'max', 'wa'],
];

const ALLOWED_LOWER = new Set(ALLOWED.map((w) => w.toLowerCase()));

/** The Latin-letter words of two letters or more in `text` that are not on the list above. */
export function englishWords(text: string): string[] {
  // A quoted value is what the reader pasted into the address, shown as it was.
  const unquoted = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
  const words = unquoted.match(/[A-Za-z]{2,}[0-9]*/g) ?? [];
  return words.filter((w) => !ALLOWED_LOWER.has(w.toLowerCase()));
}
