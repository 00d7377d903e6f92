/**
 * How the page shows a run, as opposed to what the run is: these settings never rebuild the network, but
 * they are mirrored in the URL too, so a projected view can be bookmarked exactly as the teacher set it up.
 * A bad hand-edited value is ignored and named, like the configuration's parameters.
 */
import { quote } from './urlText';
import { t } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';

/** The scales of the network's ∂C/∂b bars (src/panels/network/scale.ts says what each one means). */
export const BAR_SCALES = ['now', 'first', 'log'] as const;
export type BarScaleMode = (typeof BAR_SCALES)[number];
export const DEFAULT_BAR_SCALE: BarScaleMode = 'now';

/** The URL keys of the view settings. */
export const VIEW_KEYS = ['scale'] as const;

export interface ViewSettings {
  /** The scale of the network's ∂C/∂b bars. */
  barScale: BarScaleMode;
}

export const DEFAULT_VIEW: ViewSettings = Object.freeze({ barScale: DEFAULT_BAR_SCALE });

export interface ParsedView {
  view: ViewSettings;
  notices: string[];
}

export function parseViewQuery(search: string, lang: Lang = 'en'): ParsedView {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const view: ViewSettings = { ...DEFAULT_VIEW };
  const notices: string[] = [];
  const raw = params.get('scale');
  if (raw !== null) {
    const found = BAR_SCALES.find((s) => s === raw.trim().toLowerCase());
    if (found) view.barScale = found;
    else
      notices.push(
        t(lang).url.ignored(
          'scale',
          t(lang).url.got(t(lang).url.rule.choice(t(lang).url.scaleLabel, BAR_SCALES), quote(raw, lang)),
          DEFAULT_VIEW.barScale,
        ),
      );
  }
  return { view, notices };
}

/** The view's part of a query string, without the "?" or a leading "&": "scale=now". */
export function serialiseView(view: ViewSettings): string {
  return `scale=${view.barScale}`;
}
