import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier, CarrierService } from '../../../../shared/contract/carriers';
import { useApi } from '../../api/ApiContext';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { PanelToolbar } from '../../components/PanelToolbar';
import { CarrierForm } from './CarrierForm';
import { NewServiceForm } from './NewServiceForm';
import { RateRules } from './RateRules';
import { ServiceTermsForm } from './ServiceTermsForm';
import './rates.css';

/** Settings → Shipping: carriers, their services with their terms, and each service's rate rules. */
export function ShippingPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [editingCarrier, setEditingCarrier] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const mayEdit = user?.role === 'owner' || user?.role === 'manager';
  const serviceStart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) serviceStart.current?.scrollIntoView({ block: 'start' });
  }, [selected]);

  const reload = useCallback(() => {
    client.carriers
      .list({})
      .then(setCarriers, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, t]);
  useEffect(reload, [reload]);

  const services = carriers.flatMap((c) => c.services.map((s) => ({ ...s, carrierName: c.name })));
  const service: (CarrierService & { carrierName: string }) | undefined = services.find((s) => s.id === selected);
  const saved = () => {
    setNotice({ kind: 'success', text: t('rates.settings.saved') });
    reload();
  };

  return (
    <>
      <section className="panel" aria-label={t('rates.settings.title')}>
        <PanelToolbar
          title={t('rates.settings.title')}
          action={
            mayEdit
              ? { label: t('rates.settings.newService'), onClick: () => setAdding(true), disabled: adding }
              : undefined
          }
        />
        <p className="muted">{t('rates.settings.intro')}</p>
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {adding && (
          <NewServiceForm
            carriers={carriers}
            onCreated={(id) => {
              setAdding(false);
              setSelected(id);
              saved();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        {editingCarrier && (
          <CarrierForm
            carrier={carriers.find((c) => c.id === editingCarrier) as Carrier}
            onSaved={() => (setEditingCarrier(null), saved())}
            onCancel={() => setEditingCarrier(null)}
          />
        )}
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('rates.settings.name')}</th>
              <th scope="col">{t('rates.settings.kindOrCode')}</th>
              <th scope="col">{t('rates.settings.trackingOrRules')}</th>
              <th scope="col">{t('rates.settings.active')}</th>
              <th scope="col" aria-label={t('rates.settings.edit')} />
            </tr>
          </thead>
          <tbody>
            {carriers.map((carrier) => (
              <Fragment key={carrier.id}>
                <tr>
                  <td>
                    <strong>{carrier.name}</strong>
                  </td>
                  <td>{t(`rates.settings.kinds.${carrier.kind}`)}</td>
                  <td className="mono muted shipping-settings__url" title={carrier.trackingUrl ?? undefined}>
                    {carrier.trackingUrl}
                  </td>
                  <td>{carrier.active ? t('rates.settings.active') : t('rates.settings.inactive')}</td>
                  <td className="table__actions">
                    {mayEdit && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t('rates.settings.edit')}: ${carrier.name}`}
                        onClick={() => setEditingCarrier(carrier.id)}
                      >
                        {t('rates.settings.edit')}
                      </button>
                    )}
                  </td>
                </tr>
                {carrier.services.map((s) => (
                  <tr
                    key={s.id}
                    className={
                      s.id === selected
                        ? 'shipping-settings__service shipping-settings__selected'
                        : 'shipping-settings__service'
                    }
                  >
                    <td>{s.name}</td>
                    <td className="mono muted">{s.code}</td>
                    <td className="muted">{t('rates.settings.rules', { count: s.ruleCount })}</td>
                    <td>{s.active ? t('rates.settings.active') : t('rates.settings.inactive')}</td>
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t('rates.settings.showRates')}: ${s.name}`}
                        aria-pressed={s.id === selected}
                        onClick={() => setSelected(s.id === selected ? null : s.id)}
                      >
                        {t('rates.settings.showRates')}
                      </button>
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </section>
      <div ref={serviceStart} />
      {service && (
        <>
          <ServiceTermsForm key={service.id} service={service} readOnly={!mayEdit} onSaved={saved} />
          <RateRules key={`rules-${service.id}`} service={service} readOnly={!mayEdit} onChanged={reload} />
        </>
      )}
    </>
  );
}
