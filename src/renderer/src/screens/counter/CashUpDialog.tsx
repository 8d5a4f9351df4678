import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { errorText } from '../../components/form-errors';
import { formatDateTime } from '../../components/formatting';
import { Notice } from '../../components/Notice';

type Figures = OutputOf<'cashUps.figures'>;

/** "20261127" → "2026-11-27", the way a calendar day is read. */
function dayText(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/** Today's takings on this till, and its cash-up: the float and the counted cash against what should be there. */
export function CashUpDialog({ currency, onClose }: { currency: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [values, setValues] = useState({ openingFloat: '', counted: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);

  useEffect(() => {
    dialog.current?.showModal();
    client.cashUps.figures({}).then(setFigures, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);

  async function record(event: FormEvent) {
    event.preventDefault();
    const openingFloat = parseMoney(values.openingFloat, currency);
    const counted = parseMoney(values.counted, currency);
    const invalid = t('counter.problems.amountInvalid');
    const found: Record<string, string> = {};
    if (openingFloat === null) found.openingFloat = invalid;
    if (counted === null) found.counted = invalid;
    setErrors(found);
    if (openingFloat === null || counted === null) return;
    try {
      setFigures(await client.cashUps.record({ openingFloat, counted, note: values.note }));
      setFailure(null);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  const recorded = figures?.recorded;
  return (
    <dialog ref={dialog} className="counter__dialog" onClose={onClose} aria-labelledby="cash-up-title">
      <h2 id="cash-up-title">
        {figures
          ? t('counter.cashUp.title', { terminal: figures.terminal, day: dayText(figures.businessDay) })
          : t('counter.cashUp.open')}
      </h2>
      {failure && <Notice kind="error">{failure}</Notice>}
      {figures && (
        <>
          <dl className="counter__figures">
            <div>
              <dt>{t('counter.cashUp.cashSales')}</dt>
              <dd>{money(figures.cashSales)}</dd>
            </div>
            <div>
              <dt>{t('counter.cashUp.cashRefunds')}</dt>
              <dd>{money(figures.cashRefunds)}</dd>
            </div>
          </dl>
          <h3>{t('counter.cashUp.byMethod')}</h3>
          {figures.payments.length === 0 ? (
            <p className="muted">{t('counter.cashUp.nothing')}</p>
          ) : (
            <table className="table">
              <tbody>
                {figures.payments.map((row) => (
                  <tr key={`${row.method}-${row.kind}`}>
                    <td>{t(`counter.methods.${row.method}`)}</td>
                    <td>{t(row.kind === 'payment' ? 'counter.cashUp.payments' : 'counter.cashUp.refunds', row)}</td>
                    <td className="num">{money(row.kind === 'refund' ? -row.amount : row.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {recorded ? (
        <>
          <dl className="counter__figures">
            <div>
              <dt>{t('counter.cashUp.openingFloat')}</dt>
              <dd>{money(recorded.openingFloat)}</dd>
            </div>
            <div>
              <dt>{t('counter.cashUp.expected')}</dt>
              <dd>{money(recorded.expected)}</dd>
            </div>
            <div>
              <dt>{t('counter.cashUp.counted')}</dt>
              <dd>{money(recorded.counted)}</dd>
            </div>
            <div className={recorded.difference < 0 ? 'is-negative' : undefined}>
              <dt>{t('counter.cashUp.difference')}</dt>
              <dd>{money(recorded.difference)}</dd>
            </div>
          </dl>
          {recorded.note && <p>{recorded.note}</p>}
          <p className="muted" role="status">
            {t('counter.cashUp.recorded', { at: formatDateTime(recorded.createdAt) })}
          </p>
        </>
      ) : (
        figures && (
          <form className="form-grid" onSubmit={(e) => void record(e)} noValidate>
            <TextField
              label={t('counter.cashUp.openingFloat')}
              inputMode="decimal"
              value={values.openingFloat}
              onChange={(e) => setValues({ ...values, openingFloat: e.target.value })}
              error={errors.openingFloat}
            />
            <TextField
              label={t('counter.cashUp.counted')}
              inputMode="decimal"
              value={values.counted}
              onChange={(e) => setValues({ ...values, counted: e.target.value })}
              error={errors.counted}
            />
            <TextField
              label={t('counter.cashUp.note')}
              value={values.note}
              onChange={(e) => setValues({ ...values, note: e.target.value })}
              wide
            />
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {t('counter.cashUp.record')}
              </button>
            </div>
          </form>
        )
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('counter.cashUp.close')}
        </button>
      </div>
    </dialog>
  );
}
