import { useTranslation } from 'react-i18next';
import type { OrderAddress } from '../../../../../shared/domain/orders';
import { TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../components/form-errors';

const FIELDS = ['recipient', 'phone', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** An address typed on the order, with the server's errors under `path` on its fields. */
export function AddressFields({
  address,
  onChange,
  errors,
  path,
}: {
  address: OrderAddress;
  onChange(change: Partial<OrderAddress>): void;
  errors: FieldErrors;
  path: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid form-grid--4">
      {FIELDS.map((field) => (
        <TextField
          key={field}
          label={t(`customers.${field}`)}
          value={address[field]}
          onChange={(e) => onChange({ [field]: e.target.value })}
          error={errors[`${path}.${field}`]}
        />
      ))}
    </div>
  );
}
