import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stopFieldsSchema, type DeliveryStop } from '../../../../../shared/domain/delivery-routes';
import { useApi } from '../../../api/ApiContext';
import { TextField } from '../../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';
import { numberOrNull, scaled, shown } from './units';

const EMPTY = {
  name: '',
  address: '',
  latitude: '',
  longitude: '',
  weightKg: '',
  volumeLitres: '',
  windowStart: '',
  windowEnd: '',
  serviceMinutes: '5',
  notes: '',
};

function draftOf(stop: DeliveryStop): typeof EMPTY {
  return {
    name: stop.name,
    address: stop.address,
    latitude: shown(stop.latitude),
    longitude: shown(stop.longitude),
    weightKg: shown(stop.weightGrams, 1000),
    volumeLitres: shown(stop.volumeCm3, 1000),
    windowStart: stop.windowStart ?? '',
    windowEnd: stop.windowEnd ?? '',
    serviceMinutes: String(stop.serviceMinutes),
    notes: stop.notes,
  };
}

/** Adds a stop to the day, or changes (or removes) the one given. */
export function StopForm({
  day,
  stop,
  onDone,
}: {
  day: { warehouseId: string; date: string };
  stop: DeliveryStop | null;
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [draft, setDraft] = useState(stop ? draftOf(stop) : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const field = (
    name: keyof typeof EMPTY,
    label: string,
    extra: { wide?: boolean; inputMode?: 'decimal' | 'numeric'; placeholder?: string } = {},
  ) => (
    <TextField
      label={label}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      error={errors[name]}
      {...extra}
    />
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const values = {
      name: draft.name,
      address: draft.address,
      latitude: numberOrNull(draft.latitude),
      longitude: numberOrNull(draft.longitude),
      weightGrams: scaled(draft.weightKg, 1000) ?? 0,
      volumeCm3: scaled(draft.volumeLitres, 1000) ?? 0,
      windowStart: draft.windowStart.trim() || null,
      windowEnd: draft.windowEnd.trim() || null,
      serviceMinutes: numberOrNull(draft.serviceMinutes) ?? 0,
      notes: draft.notes,
    };
    const checked = checkForm(stopFieldsSchema, values, t);
    if (!checked.ok) return setErrors(formErrors(checked.errors));
    try {
      if (stop) await client.routes.updateStop({ id: stop.id, stop: checked.data });
      else await client.routes.addStop({ ...day, stop: checked.data });
      onDone(true);
    } catch (error) {
      setErrors(formErrors(serverFieldErrors(error, t)));
      setFailure(errorText(error, t));
    }
  }

  async function remove() {
    if (!stop) return;
    try {
      await client.routes.removeStop({ id: stop.id });
      onDone(true);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  const title = stop ? t('routes.stops.edit') : t('routes.stops.add');
  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label={title}>
      <h3>{title}</h3>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="form-grid form-grid--4">
        {field('name', t('routes.stops.name'))}
        {field('address', t('routes.stops.address'), { wide: true })}
        {field('latitude', t('routes.stops.latitude'), { inputMode: 'decimal' })}
        {field('longitude', t('routes.stops.longitude'), { inputMode: 'decimal' })}
        {field('weightKg', t('routes.stops.weightKg'), { inputMode: 'decimal' })}
        {field('volumeLitres', t('routes.stops.volumeLitres'), { inputMode: 'decimal' })}
        {field('windowStart', t('routes.stops.windowStart'), { placeholder: 'HH:MM' })}
        {field('windowEnd', t('routes.stops.windowEnd'), { placeholder: 'HH:MM' })}
        {field('serviceMinutes', t('routes.stops.serviceMinutes'), { inputMode: 'numeric' })}
        {field('notes', t('routes.stops.notes'), { wide: true })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('routes.stops.save')}
        </button>
        {stop && (
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {t('routes.stops.remove')}
          </button>
        )}
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('routes.stops.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The schema's field names to the form's boxes (grams are typed as kg, cm³ as litres). */
function formErrors(errors: FieldErrors): FieldErrors {
  const boxes: Record<string, string> = { weightGrams: 'weightKg', volumeCm3: 'volumeLitres' };
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const name = path.split('.').at(-1) ?? path;
      return [boxes[name] ?? name, message];
    }),
  );
}
