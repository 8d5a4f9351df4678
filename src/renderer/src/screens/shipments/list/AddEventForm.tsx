import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shipment } from '../../../../../shared/contract/shipments';
import { TRACKING_STATUSES, type TrackingStatus } from '../../../../../shared/domain/shipments';
import { useApi } from '../../../api/ApiContext';
import { SelectField, TextField } from '../../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';

/** Now, as a datetime-local box shows it: the machine's own time, to the minute. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A tracking event entered by hand: what the carrier said, when (this machine's time zone) and where. */
export function AddEventForm({
  shipment,
  onAdded,
  onError,
}: {
  shipment: Shipment;
  onAdded(result: { added: number; shipment: Shipment }): void;
  onError(text: string): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [status, setStatus] = useState<TrackingStatus>('in_transit');
  const [when, setWhen] = useState(localNow);
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const occurred = new Date(when);
    if (Number.isNaN(occurred.getTime())) {
      setErrors({ occurredAt: t('validation.required') });
      return;
    }
    setBusy(true);
    try {
      const result = await client.shipments.addEvents({
        id: shipment.id,
        source: 'manual',
        events: [{ status, occurredAt: occurred.toISOString(), location, description }],
      });
      setErrors({});
      setLocation('');
      setDescription('');
      onAdded(result);
    } catch (error) {
      const fields = serverFieldErrors(error, t);
      setErrors(
        Object.fromEntries(Object.entries(fields).map(([path, text]) => [path.split('.').at(-1) ?? path, text])),
      );
      onError(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="track-event-form" onSubmit={submit} noValidate aria-label={t('shipments.event.title')}>
      <h3>{t('shipments.event.title')}</h3>
      <div className="form-grid">
        <SelectField
          label={t('shipments.event.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as TrackingStatus)}
          options={TRACKING_STATUSES.map((value) => ({ value, label: t(`shipments.statuses.${value}`) }))}
          error={errors.status}
        />
        <TextField
          label={t('shipments.event.occurredAt')}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          error={errors.occurredAt}
        />
        <TextField
          label={t('shipments.event.location')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          error={errors.location}
        />
        <TextField
          label={t('shipments.event.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('shipments.event.add')}
        </button>
      </div>
    </form>
  );
}
