import { useEffect, useRef, type ReactNode } from 'react';

interface DropdownProps {
  /** What the closed dropdown shows. */
  summary: ReactNode;
  /** Its accessible name, when the summary alone does not say it. */
  summaryLabel?: string;
  /** The name of the list it opens. */
  label: string;
  alignEnd?: boolean;
  children: ReactNode;
}

/** A button that opens a panel of choices below it; a click elsewhere or Escape closes it. */
export function Dropdown({ summary, summaryLabel, label, alignEnd, children }: DropdownProps) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const element = details.current;
      if (!element?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !element.contains(event.target as Node)) {
        element.open = false;
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details ref={details} className={alignEnd ? 'multi-select multi-select--end' : 'multi-select'}>
      <summary aria-label={summaryLabel}>{summary}</summary>
      <fieldset className="multi-select__list" aria-label={label}>
        {children}
      </fieldset>
    </details>
  );
}
