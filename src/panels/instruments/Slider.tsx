/**
 * A labelled range input with its value printed beside it. The label text is the accessible name
 * ("w2", "b3", "a0"), so the slider can be found by role and name and driven from the keyboard.
 */
import { useId } from 'react';
import { formatFixed } from './format';

export interface SliderProps {
  label: string;
  /** Accessible name when the short label alone would be ambiguous on the page; it must contain the label. */
  name?: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** Longer description read after the name, e.g. "weight into neuron 2". */
  description?: string;
}

export function Slider({ label, name, value, min, max, step, onChange, description }: SliderProps) {
  const id = useId();
  const descId = `${id}-desc`;
  return (
    <div className="instrument-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-label={name}
        aria-describedby={description ? descId : undefined}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isFinite(v)) onChange(v);
        }}
      />
      <output htmlFor={id}>{formatFixed(value, step)}</output>
      {description && (
        <span id={descId} className="visually-hidden">
          {description}
        </span>
      )}
    </div>
  );
}
