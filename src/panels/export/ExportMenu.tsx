/**
 * A small "Export" menu: a disclosure (details/summary, so it opens with the keyboard and needs no script of
 * its own) holding one button per file. Each item is handed the panel section the menu sits in.
 */
import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import './export.css';

export interface ExportItem {
  label: string;
  run(section: Element | null): void | Promise<void>;
}

export function ExportMenu({ what, items, children }: { what: string; items: ExportItem[]; children?: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const m = useT().export;
  return (
    <details className="export-menu" ref={details}>
      <summary aria-label={m.menuLabel(what)}>{m.menu}</summary>
      <div className="export-items">
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            onClick={() => {
              const el = details.current;
              if (el) el.open = false;
              void item.run(el?.closest('section') ?? null);
            }}
          >
            {item.label}
          </button>
        ))}
        {children}
      </div>
    </details>
  );
}
