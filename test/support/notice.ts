/** A notice from the store as the English page shows it, so tests can compare sentences. */
import { say, type Phrase } from '../../src/i18n/text';

export function noticeText(notice: Phrase | null): string | null {
  return notice === null ? null : say('en', notice);
}
