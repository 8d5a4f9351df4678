import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../components/form-errors';

export interface Parcel {
  weightGrams: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
}

export const NO_PARCEL: Parcel = { weightGrams: '', lengthMm: '', widthMm: '', heightMm: '' };

/** The parcel's measures as the contract takes them; left empty, left out. Not whole numbers stay as typed, for the schema to refuse. */
export function parcelInput(parcel: Parcel): Record<string, number> {
  return Object.fromEntries(
    Object.entries(parcel)
      .filter(([, text]) => text.trim() !== '')
      .map(([key, text]) => [key, Number(text)]),
  );
}

/** Weight and size of a parcel, all optional; `weightHint` says what the contents weigh, where known. */
export function ParcelFields({
  value,
  onChange,
  errors,
  weightHint,
}: {
  value: Parcel;
  onChange(value: Parcel): void;
  errors: FieldErrors;
  weightHint?: string;
}) {
  const { t } = useTranslation();
  const field = (key: keyof Parcel, label: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      error={errors[key]}
      hint={key === 'weightGrams' ? weightHint : undefined}
    />
  );
  return (
    <>
      {field('weightGrams', t('shipments.ship.weight'))}
      {field('lengthMm', t('shipments.ship.length'))}
      {field('widthMm', t('shipments.ship.width'))}
      {field('heightMm', t('shipments.ship.height'))}
    </>
  );
}
