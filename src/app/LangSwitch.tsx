/**
 * The header's language switch: two buttons, each language named in itself, the current one pressed.
 * Switching re-renders the words only; the run keeps going.
 */
import { useT } from '../i18n/useT';
import type { Lang } from '../i18n/lang';
import { useLab } from '../store/hooks';

export function LangSwitch() {
  const m = useT();
  const lang = useLab((s) => s.lang);
  const setLang = useLab((s) => s.setLang);
  const option = (value: Lang, name: string) => (
    <button
      type="button"
      lang={value}
      aria-pressed={lang === value}
      className={lang === value ? 'active' : undefined}
      onClick={() => setLang(value)}
    >
      {name}
    </button>
  );
  return (
    <div className="lang-switch" role="group" aria-label={m.lang.switchLabel}>
      {option('zh-CN', m.lang.chinese)}
      {option('en', m.lang.english)}
    </div>
  );
}
