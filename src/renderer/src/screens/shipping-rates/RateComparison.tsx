import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateQuoteOutput } from '../../../../shared/contract/rates';
import { canPerform } from '../../../../shared/domain/order-states';
import type { Order } from '../../../../shared/domain/orders';
import { formatMoney, moneyInputValue, parseMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { useDebounced } from '../../components/useDebounced';
import { measure, packageInput, packageOf, type Measured } from './form-values';
import { formatters, partsText, reasonText } from './rate-words';
import './rates.css';

type Goal = 'cheapest_on_time' | 'fastest_within_budget';
type Quote = RateQuoteOutput & { chosenServiceId: string | null };
/**
 * Every service that can ship the order, with price, billable weight and delivery dates;
 * the best one for the chosen goal, with the reason in words; and "use this service".
 */
export function RateComparison({ order, onChosen }: { order: Order; onChosen(): void }) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const [goal, setGoal] = useState<Goal>('cheapest_on_time');
  const [budgetText, setBudgetText] = useState(() => moneyInputValue(2000, order.currency));
  const [setCharge, setSetCharge] = useState(true);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const debouncedMeasured = useDebounced(measured, 300);
  const weighed = useMemo(() => (debouncedMeasured ? packageOf(debouncedMeasured) : null), [debouncedMeasured]);
  const [quote, setQuote] = useState<Quote | null>(null);
  // Kept as values, not text, so a notice follows a change of language.
  const [notice, setNotice] = useState<
    { kind: 'success'; service: string; price: number | null } | { kind: 'error'; error: unknown } | null
  >(null);
  const [busy, setBusy] = useState(false);
  const budget = parseMoney(useDebounced(budgetText, 300), order.currency);
  const budgetInvalid = goal === 'fastest_within_budget' && budget === null;
  const f = useMemo(
    () => formatters(i18n.language, (minor) => formatMoney(minor, order.currency, i18n.language)),
    [i18n.language, order.currency],
  );
  const editable = canPerform('edit', order.status, order.fulfilmentStatus);

  useEffect(() => {
    if (budgetInvalid || weighed === 'invalid') return;
    let current = true;
    client.rates
      .quoteOrder({
        orderId: order.id,
        goal,
        ...(goal === 'fastest_within_budget' ? { budget: budget ?? 0 } : {}),
        ...packageInput(weighed),
      })
      .then(
        (loaded) => current && setQuote(loaded),
        (error: unknown) => current && setNotice({ kind: 'error', error }),
      );
    return () => {
      current = false;
    };
  }, [client, order.id, order.updatedAt, goal, budget, budgetInvalid, weighed]);

  async function use(serviceId: string, serviceName: string, price: number) {
    setBusy(true);
    try {
      await client.rates.chooseForOrder({ orderId: order.id, serviceId, setCharge, ...packageInput(weighed) });
      setNotice({ kind: 'success', service: serviceName, price: setCharge ? price : null });
      onChosen();
    } catch (error) {
      setNotice({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  }

  const parcel = quote?.parcel;
  const parcelText =
    parcel &&
    (parcel.lengthMm !== null && parcel.widthMm !== null && parcel.heightMm !== null
      ? t('rates.compare.parcelBox', {
          weight: f.weight(parcel.weightGrams),
          length: parcel.lengthMm / 10,
          width: parcel.widthMm / 10,
          height: parcel.heightMm / 10,
        })
      : f.weight(parcel.weightGrams));

  return (
    <section className="panel" aria-label={t('rates.compare.title')}>
      <h2>{t('rates.compare.title')}</h2>
      <div className="rates__controls">
        <div className="field">
          <span className="field__label" id="rates-goal">
            {t('rates.compare.goal')}
          </span>
          <div className="segmented" role="group" aria-labelledby="rates-goal">
            {(['cheapest_on_time', 'fastest_within_budget'] as const).map((name) => (
              <button key={name} type="button" aria-pressed={goal === name} onClick={() => setGoal(name)}>
                {t(`rates.compare.goals.${name}`)}
              </button>
            ))}
          </div>
        </div>
        {goal === 'fastest_within_budget' && (
          <TextField
            label={t('rates.compare.budget')}
            className="input--amount"
            inputMode="decimal"
            value={budgetText}
            onChange={(event) => setBudgetText(event.target.value)}
            error={
              budgetText !== '' && parseMoney(budgetText, order.currency) === null
                ? t('rates.settings.rules.invalidAmount')
                : undefined
            }
          />
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={measured !== null}
            onChange={(event) =>
              setMeasured(event.target.checked ? { weight: '', length: '', width: '', height: '' } : null)
            }
          />
          {t('rates.compare.weighed')}
        </label>
        {editable && (
          <label className="checkbox">
            <input type="checkbox" checked={setCharge} onChange={(event) => setSetCharge(event.target.checked)} />
            {t('rates.compare.setCharge')}
          </label>
        )}
      </div>
      {measured && (
        <div className="rates__controls">
          {(['weight', 'length', 'width', 'height'] as const).map((side) => (
            <TextField
              key={side}
              label={t(`rates.compare.measure.${side}`)}
              className="input--amount"
              inputMode="decimal"
              value={measured[side]}
              onChange={(event) => setMeasured({ ...measured, [side]: event.target.value })}
              error={
                measured[side].trim() !== '' && measure(measured[side], 1, side === 'weight' ? 3 : 1) === null
                  ? t('rates.compare.measure.invalid')
                  : undefined
              }
            />
          ))}
        </div>
      )}
      {notice && (
        <Notice kind={notice.kind}>
          {notice.kind === 'error'
            ? errorText(notice.error, t)
            : notice.price === null
              ? t('rates.compare.used', { service: notice.service })
              : t('rates.compare.usedWithCharge', { service: notice.service, price: f.money(notice.price) })}
        </Notice>
      )}
      {quote && parcel && (
        <>
          <p className="rates__facts muted">
            <span>
              {parcel.estimated
                ? t('rates.compare.parcelEstimated', { weight: parcelText })
                : t('rates.compare.parcelGiven', { weight: parcelText })}
            </span>
            <span>
              {t('rates.compare.destination', {
                place: [quote.place.country, quote.place.region, quote.place.postcode].filter(Boolean).join(' '),
              })}
            </span>
            <span>{t('rates.compare.readyAt', { date: f.day(quote.readyDate), hour: quote.readyHour })}</span>
            {quote.promisedDate && <span>{t('rates.compare.promised', { date: f.day(quote.promisedDate) })}</span>}
          </p>
          {parcel.unweighedItems > 0 && (
            <Notice kind="info">{t('rates.compare.unweighed', { count: parcel.unweighedItems })}</Notice>
          )}
          {quote.options.length === 0 ? (
            <Notice kind="info">{t('rates.compare.none')}</Notice>
          ) : (
            <>
              <p className="notice notice--success" role="status">
                <strong>
                  {t('rates.compare.bestLabel', {
                    service: quote.options.find((o) => o.serviceId === quote.best.serviceId)?.serviceName,
                  })}
                </strong>{' '}
                — {reasonText(quote.best.reason, t, f)}
              </p>
              <div className="rates__table">
                <table className="table table--compact rates__options">
                  <colgroup>
                    <col className="rates__col-service" />
                    <col className="rates__col-weight" />
                    <col className="rates__col-price" />
                    <col className="rates__col-delivery" />
                    {editable && <col className="rates__col-action" />}
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">{t('rates.compare.service')}</th>
                      <th scope="col" className="num">
                        {t('rates.compare.weight')}
                      </th>
                      <th scope="col" className="num">
                        {t('rates.compare.price')}
                      </th>
                      <th scope="col">{t('rates.compare.delivery')}</th>
                      {editable && <th scope="col" aria-label={t('rates.compare.use')} />}
                    </tr>
                  </thead>
                  <tbody>
                    {quote.options.map((option) => {
                      const best = option.serviceId === quote.best.serviceId;
                      const late = quote.promisedDate !== null && option.deliveryLatest > quote.promisedDate;
                      return (
                        <tr key={option.serviceId} className={best ? 'rates__best-row' : undefined}>
                          <td>
                            {option.serviceName} <span className="muted">· {option.carrierName}</span>{' '}
                            {best && <span className="badge badge--best">{t('rates.compare.best')}</span>}{' '}
                            {quote.chosenServiceId === option.serviceId && (
                              <span className="badge badge--chosen">{t('rates.compare.chosen')}</span>
                            )}
                            <span className="rates__parts muted">
                              {option.zoneName} · {partsText(option, t, f)}
                            </span>
                          </td>
                          <td className="num">
                            {f.weight(option.billableGrams)}
                            {option.volumetricGrams !== null && option.volumetricGrams > option.actualGrams && (
                              <span className="rates__parts muted">{t('rates.compare.volumetric')}</span>
                            )}
                          </td>
                          <td className="num">
                            {option.price !== option.fullPrice && (
                              <span className="rates__full-price muted">{f.money(option.fullPrice)}</span>
                            )}
                            <strong>{f.money(option.price)}</strong>
                          </td>
                          <td>
                            {option.deliveryEarliest === option.deliveryLatest
                              ? f.day(option.deliveryLatest)
                              : t('rates.compare.dateRange', {
                                  from: f.day(option.deliveryEarliest),
                                  to: f.day(option.deliveryLatest),
                                })}
                            {quote.promisedDate !== null && (
                              <span className="rates__parts">
                                {late ? (
                                  <span className="badge badge--warn">{t('rates.compare.late')}</span>
                                ) : (
                                  <span className="badge badge--best">{t('rates.compare.onTime')}</span>
                                )}
                              </span>
                            )}
                          </td>
                          {editable && (
                            <td className="table__actions">
                              <button
                                type="button"
                                className={best ? 'button button--primary button--small' : 'button button--small'}
                                disabled={busy}
                                aria-label={`${t('rates.compare.use')}: ${option.serviceName}`}
                                onClick={() => void use(option.serviceId, option.serviceName, option.price)}
                              >
                                {t('rates.compare.useShort')}
                              </button>
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {quote.ineligible.length > 0 && (
            <details className="rates__ineligible muted">
              <summary>
                {t('rates.compare.notOffered')} ({quote.ineligible.length})
              </summary>
              <ul>
                {quote.ineligible.map((service) => (
                  <li key={service.serviceId}>
                    {t(`rates.compare.ineligible.${service.reason}`, { service: service.serviceName })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
