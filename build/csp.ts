/**
 * The Content-Security-Policy the built site ships with, as a <meta> tag in index.html (README gives the same
 * policy as HTTP headers, which also cover the worker and can add frame-ancestors).
 *
 * Everything comes from our own origin: scripts, the training worker, the service worker, the MNIST files.
 * 'wasm-unsafe-eval' lets the engine compile its WebAssembly SIMD kernels (it assembles them in memory, so
 * there is no .wasm file to allow by URL); without it the engine falls back to plain JavaScript and the page
 * says so. style-src allows inline styles because the figure export writes each element's computed style into
 * the style attribute of the SVG it saves (so the file looks the same outside the page); a style cannot run
 * code, and scripts stay limited to our own files.
 */
export const SHIPPED_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  // blob: lets a chart's SVG be drawn onto a canvas for its PNG export.
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

export function policyText(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const SHIPPED_CSP = policyText(SHIPPED_CSP_DIRECTIVES);

/** Puts the policy into the built index.html only: the dev server injects inline scripts of its own. */
export function contentSecurityPolicy(): import('vite').Plugin {
  return {
    name: 'gradient-lab:csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: SHIPPED_CSP }, injectTo: 'head-prepend' },
    ],
  };
}
