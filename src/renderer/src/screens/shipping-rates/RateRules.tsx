import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierService } from '../../../../shared/contract/carriers';
import { formatMoney } from '../../../../shared/money';
import type { RateRule } from '../../../../shared/shipping/rules';
import { useApi } from '../../api/ApiContext';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { PanelToolbar } from '../../components/PanelToolbar';
import { RateRuleForm } from './RateRuleForm';

/** A service's price list: one row per zone and weight bracket, editable by managers. */
export function RateRules({
  service,
  readOnly,
  onChanged,
}: {
  service: CarrierService;
  readOnly: boolean;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  const { client, currency } = useApi();
  const [rules, setRules] = useState<RateRule[]>([]);
  const [editing, setEditing] = useState<RateRule | 'new' | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const money = useMemo(() => {
    const code = currency ?? 'CNY';
    return (minor: number) => formatMoney(minor, code, i18n.language);
  }, [currency, i18n.language]);

  const reload = useCallback(() => {
    client.rates
      .listRules({ serviceId: service.id })
      .then(setRules, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, service.id, t]);
  useEffect(reload, [reload]);

  function changed(text: string) {
    setEditing(null);
    setNotice({ kind: 'success', text });
    reload();
    onChanged();
  }

  async function remove(rule: RateRule) {
    try {
      await client.rates.deleteRule({ id: rule.id });
      changed(t('rates.settings.rules.deleted'));
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  }

  const title = t('rates.settings.rules.title', { service: service.name });
  return (
    <section className="panel" aria-label={title}>
      <PanelToolbar
        title={title}
        action={
          readOnly
            ? undefined
            : { label: t('rates.settings.rules.add'), onClick: () => setEditing('new'), disabled: editing !== null }
        }
      />
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {editing && (
        <RateRuleForm
          key={editing === 'new' ? 'new' : editing.id}
          serviceId={service.id}
          rule={editing === 'new' ? null : editing}
          rules={rules}
          onSaved={() => changed(t('rates.settings.saved'))}
          onCancel={() => setEditing(null)}
        />
      )}
      {rules.length === 0 ? (
        <p className="muted">{t('rates.settings.rules.none')}</p>
      ) : (
        <div className="rates__table">
          <table className="table table--compact rates__rules">
            <colgroup>
              <col className="rates__col-zone" />
              <col className="rates__col-where" />
              <col className="rates__col-bracket" />
              <col />
              <col className="rates__col-money" />
              <col className="rates__col-money" />
              <col className="rates__col-days" />
              {!readOnly && <col className="rates__col-actions" />}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('rates.settings.rules.zoneName')}</th>
                <th scope="col">{t('rates.settings.rules.where')}</th>
                <th scope="col">{t('rates.settings.rules.bracket')}</th>
                <th scope="col">{t('rates.settings.rules.price')}</th>
                <th scope="col" className="num">
                  {t('rates.settings.rules.minimumShort')}
                </th>
                <th scope="col" className="num">
                  {t('rates.settings.rules.freeOverShort')}
                </th>
                <th scope="col">{t('rates.settings.rules.transit')}</th>
                {!readOnly && <th scope="col" aria-label={t('rates.settings.edit')} />}
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.zoneName}</td>
                  <td className="mono">
                    {[rule.zone.countries, rule.zone.regions, rule.zone.postcodePrefixes]
                      .filter((list) => list.length > 0)
                      .map((list) => list.join(' '))
                      .join(' · ')}
                  </td>
                  <td>
                    {rule.minWeightGrams}–{rule.maxWeightGrams ?? '∞'} g
                  </td>
                  <td>
                    {t('rates.settings.rules.priceText', {
                      base: money(rule.basePrice),
                      baseWeight: rule.baseWeightGrams,
                      step: money(rule.stepPrice),
                      stepWeight: rule.stepGrams,
                    })}
                  </td>
                  <td className="num">{rule.minimumCharge > 0 ? money(rule.minimumCharge) : ''}</td>
                  <td className="num">{rule.freeOver !== null ? money(rule.freeOver) : ''}</td>
                  <td>
                    {rule.transitDaysMin === rule.transitDaysMax
                      ? t('rates.settings.rules.day', { count: rule.transitDaysMax })
                      : t('rates.settings.rules.days', { min: rule.transitDaysMin, max: rule.transitDaysMax })}
                  </td>
                  {!readOnly && (
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`${t('rates.settings.edit')}: ${rule.zoneName} ${rule.minWeightGrams}–${rule.maxWeightGrams ?? '∞'} g`}
                        onClick={() => setEditing(rule)}
                        disabled={editing !== null}
                      >
                        {t('rates.settings.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={`${t('rates.settings.rules.delete')}: ${rule.zoneName} ${rule.minWeightGrams}–${rule.maxWeightGrams ?? '∞'} g`}
                        onClick={() => void remove(rule)}
                      >
                        {t('rates.settings.rules.delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
