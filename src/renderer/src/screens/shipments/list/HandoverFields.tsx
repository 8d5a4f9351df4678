import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import { useApi } from '../../../api/ApiContext';
import { SelectField, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../components/form-errors';

export type CarrierOption = OutputOf<'shipments.carriers'>[number];

export interface Handover {
  carrierId: string;
  serviceId: string;
  trackingNumber: string;
  skipTrackingCheck: boolean;
}

export const NO_HANDOVER: Handover = { carrierId: '', serviceId: '', trackingNumber: '', skipTrackingCheck: false };

/** What the contract takes: no tracking number for carriers that need none. */
export function handoverInput(handover: Handover) {
  return {
    carrierId: handover.carrierId,
    serviceId: handover.serviceId,
    skipTrackingCheck: handover.skipTrackingCheck,
    ...(handover.trackingNumber.trim() ? { trackingNumber: handover.trackingNumber.trim() } : {}),
  };
}

/**
 * Carrier, service and tracking number of a parcel handed over. The number is checked on
 * the server against the carrier's format; skipping that is a box the user ticks.
 */
export function HandoverFields({
  value,
  onChange,
  errors,
}: {
  value: Handover;
  onChange(value: Handover): void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [carriers, setCarriers] = useState<CarrierOption[]>([]);
  useEffect(() => {
    client.shipments.carriers({}).then(setCarriers, () => undefined);
  }, [client]);
  useEffect(() => {
    if (value.carrierId || carriers.length === 0) return;
    onChange({ ...value, carrierId: carriers[0].id, serviceId: carriers[0].services[0]?.id ?? '' });
  }, [carriers, value, onChange]);

  const carrier = carriers.find((c) => c.id === value.carrierId);
  const needsNumber = carrier?.kind === 'parcel';
  return (
    <>
      <SelectField
        label={t('shipments.ship.carrier')}
        value={value.carrierId}
        onChange={(e) => {
          const next = carriers.find((c) => c.id === e.target.value);
          onChange({ ...value, carrierId: e.target.value, serviceId: next?.services[0]?.id ?? '' });
        }}
        options={carriers.map((c) => ({ value: c.id, label: c.name }))}
        error={errors.carrierId}
      />
      <SelectField
        label={t('shipments.ship.service')}
        value={value.serviceId}
        onChange={(e) => onChange({ ...value, serviceId: e.target.value })}
        options={(carrier?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
        error={errors.serviceId}
      />
      <TextField
        label={t('shipments.ship.trackingNumber')}
        value={value.trackingNumber}
        onChange={(e) => onChange({ ...value, trackingNumber: e.target.value })}
        error={errors.trackingNumber}
        hint={
          carrier
            ? t(
                !needsNumber
                  ? 'shipments.ship.notNeeded'
                  : carrier.checksTrackingNumbers && !value.skipTrackingCheck
                    ? 'shipments.ship.trackingHint'
                    : 'shipments.ship.noCheckHint',
                { carrier: carrier.name },
              )
            : undefined
        }
        className="mono"
        autoComplete="off"
        wide
      />
      {needsNumber && carrier.checksTrackingNumbers && (
        <div className="field field--wide ship-skip">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={value.skipTrackingCheck}
              onChange={(e) => onChange({ ...value, skipTrackingCheck: e.target.checked })}
            />
            {t('shipments.ship.skipCheck')}
          </label>
        </div>
      )}
    </>
  );
}
