/** The lesson's words in the page's language. */
import type { Lang } from '../../i18n/lang';
import { en } from './en';
import type { LessonText } from './types';
import { zhCN } from './zh-CN';

export type { LessonStepText, LessonText, LessonUiText } from './types';

export const LESSON_TEXT: Readonly<Record<Lang, LessonText>> = { en, 'zh-CN': zhCN };

export function lessonText(lang: Lang): LessonText {
  return LESSON_TEXT[lang];
}
