/** The two catalogues by language, and the one way code outside React picks one. */
import { en, type Messages } from './en';
import type { Lang } from './lang';
import { zhCN } from './zh-CN';

export type { Messages };

export const CATALOGUES: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** The messages of `lang`: `t(lang).toolbar.shortcuts`. */
export function t(lang: Lang): Messages {
  return CATALOGUES[lang];
}
