/**
 * A text field that applies its value on Enter or when focus leaves it, and otherwise shows what is wrong
 * right under it. Applying on every keystroke would rebuild the network while "0.05" is still "0.0".
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Check } from '../../store/config';
import type { Lang } from '../../i18n/lang';
import { useLang } from '../../i18n/useT';

export interface ValidatedFieldProps<T> {
  label: string;
  /**
   * A shorter text to show where the surroundings already say the rest (a column headed "Hidden layer 2"
   * needs only "Width"); the field's accessible name stays the full label.
   */
  visibleLabel?: string;
  value: T;
  /** Reads the text; a refusal is said in `lang`. */
  check: (text: string, lang: Lang) => Check<T>;
  onCommit: (value: T) => void;
  hint?: string;
  inputMode?: 'decimal' | 'numeric';
  className?: string;
  /** How the value is written in the field; a field where empty means "off" writes null as ''. */
  format?: (value: T) => string;
}

export function ValidatedField<T>({
  label,
  visibleLabel,
  value,
  check,
  onCommit,
  hint,
  inputMode = 'decimal',
  className,
  format = String,
}: ValidatedFieldProps<T>) {
  const id = useId();
  const lang = useLang();
  const [draft, setDraft] = useState(format(value));
  // The refused text, not the sentence: the sentence is said again in whatever language is on screen.
  const [refused, setRefused] = useState<string | null>(null);
  const refusal = refused === null ? null : check(refused, lang);
  const error = refusal !== null && !refusal.ok ? refusal.message : null;

  // A change from elsewhere (URL, reset, another control) replaces whatever was typed.
  useEffect(() => {
    setDraft(format(value));
    setRefused(null);
  }, [value, format]);

  const commit = () => {
    const result = check(draft, lang);
    if (!result.ok) {
      setRefused(draft);
      return;
    }
    setRefused(null);
    if (result.value !== value) onCommit(result.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(format(value));
      setRefused(null);
    }
  };

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{visibleLabel ?? label}</label>
      <input
        id={id}
        aria-label={visibleLabel === undefined ? undefined : label}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
