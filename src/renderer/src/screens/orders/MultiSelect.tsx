import { useTranslation } from 'react-i18next';
import { Dropdown } from './Dropdown';

interface MultiSelectProps<T extends string> {
  label: string;
  options: readonly T[];
  labelOf(option: T): string;
  selected: T[];
  onChange(selected: T[]): void;
}

/** A filter of several values: a button showing what is picked that opens a list of checkboxes. */
export function MultiSelect<T extends string>({ label, options, labelOf, selected, onChange }: MultiSelectProps<T>) {
  const { t } = useTranslation();
  const summary =
    selected.length === 0
      ? t('orders.filters.any')
      : selected.length === 1
        ? labelOf(selected[0])
        : t('orders.filters.selected', { count: selected.length });
  return (
    <Dropdown
      summary={
        <>
          <span className="muted">{label}</span> {summary}
        </>
      }
      summaryLabel={`${label}: ${summary}`}
      label={label}
    >
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, option] : selected.filter((value) => value !== option))
            }
          />
          {labelOf(option)}
        </label>
      ))}
    </Dropdown>
  );
}
