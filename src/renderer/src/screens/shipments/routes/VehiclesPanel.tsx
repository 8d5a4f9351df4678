import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../../shared/contract';
import type { DeliveryVehicle } from '../../../../../shared/domain/delivery-routes';
import { useApi } from '../../../api/ApiContext';
import { TextField } from '../../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';
import { formatCubicMetres, formatKg, scaled, shown } from './units';

const EMPTY = { name: '', capacityKg: '', capacityM3: '', startTime: '08:00', active: true };

/** The vans: tick the ones that drive today; add or change one. */
export function VehiclesPanel({
  vehicles,
  selected,
  mayEdit,
  onSelect,
  onChanged,
}: {
  vehicles: DeliveryVehicle[];
  selected: Set<string>;
  mayEdit: boolean;
  onSelect: (ids: Set<string>) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  function open(vehicle: DeliveryVehicle | null) {
    setEditing(vehicle ? { id: vehicle.id } : {});
    setDraft(
      vehicle
        ? {
            name: vehicle.name,
            capacityKg: shown(vehicle.capacityGrams, 1000),
            capacityM3: shown(vehicle.capacityCm3, 1_000_000),
            startTime: vehicle.startTime,
            active: vehicle.active,
          }
        : EMPTY,
    );
    setErrors({});
    setFailure(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const values = {
      id: editing?.id,
      name: draft.name,
      capacityGrams: scaled(draft.capacityKg, 1000),
      capacityCm3: scaled(draft.capacityM3, 1_000_000),
      startTime: draft.startTime,
      active: draft.active,
    };
    const checked = checkForm(contract.routes.saveVehicle.input, values, t);
    const boxes = (found: FieldErrors) => ({
      ...found,
      capacityKg: found.capacityGrams,
      capacityM3: found.capacityCm3,
    });
    if (!checked.ok) return setErrors(boxes(checked.errors));
    try {
      const saved = await client.routes.saveVehicle(checked.data);
      if (!editing?.id && saved.active) onSelect(new Set([...selected, saved.id]));
      setEditing(null);
      onChanged();
    } catch (error) {
      setErrors(boxes(serverFieldErrors(error, t)));
      setFailure(errorText(error, t));
    }
  }

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const title = editing?.id ? t('routes.vehicles.edit') : t('routes.vehicles.add');

  return (
    <section className="routes__section" aria-label={t('routes.vehicles.title')}>
      <div className="panel__toolbar">
        <h3>{t('routes.vehicles.title')}</h3>
        {mayEdit && (
          <button type="button" className="button" onClick={() => open(null)} disabled={editing !== null}>
            {t('routes.vehicles.add')}
          </button>
        )}
      </div>
      {editing && (
        <form className="inline-form" onSubmit={save} noValidate aria-label={title}>
          {failure && <Notice kind="error">{failure}</Notice>}
          <div className="form-grid form-grid--4">
            <TextField
              label={t('routes.vehicles.name')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              error={errors.name}
              autoFocus
            />
            <TextField
              label={t('routes.vehicles.capacityKg')}
              value={draft.capacityKg}
              inputMode="decimal"
              onChange={(e) => setDraft({ ...draft, capacityKg: e.target.value })}
              error={errors.capacityKg}
            />
            <TextField
              label={t('routes.vehicles.capacityM3')}
              value={draft.capacityM3}
              inputMode="decimal"
              onChange={(e) => setDraft({ ...draft, capacityM3: e.target.value })}
              error={errors.capacityM3}
            />
            <TextField
              label={t('routes.vehicles.startTime')}
              value={draft.startTime}
              placeholder="HH:MM"
              onChange={(e) => setDraft({ ...draft, startTime: e.target.value })}
              error={errors.startTime}
            />
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            />{' '}
            {t('routes.vehicles.active')}
          </label>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('routes.vehicles.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('routes.stops.cancel')}
            </button>
          </div>
        </form>
      )}
      {vehicles.length === 0 && !editing && <p className="muted">{t('routes.vehicles.none')}</p>}
      <ul className="routes__vehicles">
        {vehicles.map((vehicle) => (
          <li key={vehicle.id} className={vehicle.active ? '' : 'is-inactive'}>
            <label>
              <input
                type="checkbox"
                aria-label={t('routes.vehicles.use', { name: vehicle.name })}
                checked={selected.has(vehicle.id)}
                disabled={!vehicle.active}
                onChange={() => toggle(vehicle.id)}
              />{' '}
              <strong>{vehicle.name}</strong>
            </label>
            <span className="muted">
              {vehicle.capacityGrams === null ? t('routes.vehicles.unlimited') : formatKg(vehicle.capacityGrams)} ·{' '}
              {vehicle.capacityCm3 === null ? t('routes.vehicles.unlimited') : formatCubicMetres(vehicle.capacityCm3)} ·{' '}
              {vehicle.startTime}
            </span>
            {mayEdit && (
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`${t('routes.vehicles.edit')} ${vehicle.name}`}
                onClick={() => open(vehicle)}
              >
                {t('routes.vehicles.edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
