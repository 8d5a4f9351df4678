import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../shared/domain/catalog';
import type { Order } from '../../../../../shared/domain/orders';
import { RETURN_REASONS } from '../../../../../shared/domain/returns';
import { useApi } from '../../../api/ApiContext';
import { TextField } from '../../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { playTone } from '../../../components/feedback-sound';
import { Notice } from '../../../components/Notice';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { ProductCodeInput } from '../../../components/ProductCodeInput';
import { useBarcodeScanner } from '../../../components/useBarcodeScanner';
import { go } from '../../../components/useHashPath';

type Reason = (typeof RETURN_REASONS)[number];
type Choice = { quantity: string; reason: Reason };

/** Opens a return: find the order (scan the receipt), then say what comes back and why. */
export function NewReturn({ orderNumber }: { orderNumber?: string }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [number, setNumber] = useState(orderNumber ?? '');
  const [order, setOrder] = useState<Order | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [note, setNote] = useState('');
  const [exchange, setExchange] = useState<Array<{ product: Product; quantity: string }>>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = useCallback(
    async (code: string) => {
      setFailure(null);
      try {
        const found = await client.orders.get({ id: code.trim() });
        setOrder(found);
        setNumber(found.number);
        setChoices({});
        playTone('ok');
      } catch (error) {
        setOrder(null);
        playTone('error');
        setFailure(errorText(error, t));
      }
    },
    [client, t],
  );
  useBarcodeScanner((code) => void find(code), true);
  useEffect(() => {
    if (!orderNumber) return;
    client.orders.get({ id: orderNumber }).then(setOrder, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, orderNumber, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!order) return;
    const lines = order.lines
      .map((line) => ({ line, choice: choices[line.id] }))
      .filter(({ choice }) => choice && Number(choice.quantity) > 0)
      .map(({ line, choice }) => ({ orderLineId: line.id, quantity: Number(choice.quantity), reason: choice.reason }));
    if (lines.length === 0) return setFailure(t('returns.start.pickSome'));
    setBusy(true);
    try {
      const replacement = exchange
        .map((l) => ({ productId: l.product.id, quantity: Number(l.quantity) }))
        .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0);
      const created = await client.returns.request({
        lines,
        note,
        replacement: replacement.length > 0 ? { lines: replacement } : undefined,
      });
      go('orders', 'returns', created.id);
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const returnable = order?.lines.filter((l) => l.fulfilledQuantity - l.returnedQuantity > 0) ?? [];
  const choose = (lineId: string, change: Partial<Choice>) =>
    setChoices((current) => {
      const before: Choice = current[lineId] ?? { quantity: '', reason: 'unwanted' };
      return { ...current, [lineId]: { ...before, ...change } };
    });

  return (
    <section className="panel" aria-label={t('returns.start.title')}>
      <PanelToolbar title={t('returns.start.title')}>
        <button type="button" className="button" onClick={() => go('orders', 'returns')}>
          {t('returns.start.cancel')}
        </button>
      </PanelToolbar>
      <p className="muted">{t('returns.start.intro')}</p>
      <form
        className="inline-form inline-form--row"
        onSubmit={(event) => {
          event.preventDefault();
          void find(number);
        }}
      >
        <TextField
          label={t('returns.start.orderNumber')}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          autoFocus
        />
        <button type="submit" className="button">
          {t('returns.start.find')}
        </button>
      </form>
      {failure && <Notice kind="error">{failure}</Notice>}
      {order && returnable.length === 0 && <Notice kind="info">{t('returns.start.nothingReturnable')}</Notice>}
      {order && returnable.length > 0 && (
        <form onSubmit={(event) => void submit(event)}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('returns.columns.sku')}</th>
                <th scope="col">{t('returns.columns.name')}</th>
                <th scope="col" className="num">
                  {t('returns.columns.returnable')}
                </th>
                <th scope="col">{t('returns.columns.quantity')}</th>
                <th scope="col">{t('returns.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {returnable.map((line, i) => (
                <tr key={line.id}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td className="num">{line.fulfilledQuantity - line.returnedQuantity}</td>
                  <td>
                    <input
                      className="input--narrow"
                      inputMode="numeric"
                      aria-label={`${t('returns.columns.quantity')} ${line.sku}`}
                      aria-invalid={Boolean(errors[`lines.${i}.quantity`])}
                      value={choices[line.id]?.quantity ?? ''}
                      onChange={(event) => choose(line.id, { quantity: event.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${t('returns.columns.reason')} ${line.sku}`}
                      value={choices[line.id]?.reason ?? 'unwanted'}
                      onChange={(event) => choose(line.id, { reason: event.target.value as Reason })}
                    >
                      {RETURN_REASONS.map((reason) => (
                        <option key={reason} value={reason}>
                          {t(`returns.reasons.${reason}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset>
            <legend>{t('returns.start.exchange')}</legend>
            <p className="muted">{t('returns.start.exchangeHint')}</p>
            <ProductCodeInput
              label={t('returns.start.exchangeCode')}
              onProduct={(product) =>
                setExchange((current) =>
                  current.some((l) => l.product.id === product.id)
                    ? current.map((l) =>
                        l.product.id === product.id ? { ...l, quantity: String(Number(l.quantity) + 1) } : l,
                      )
                    : [...current, { product, quantity: '1' }],
                )
              }
            />
            {exchange.length > 0 && (
              <table className="table">
                <tbody>
                  {exchange.map((line) => (
                    <tr key={line.product.id}>
                      <td>{line.product.sku}</td>
                      <td>{line.product.name}</td>
                      <td>
                        <input
                          className="input--narrow"
                          inputMode="numeric"
                          aria-label={`${t('returns.start.exchangeQuantity')} ${line.product.sku}`}
                          value={line.quantity}
                          onChange={(event) =>
                            setExchange((current) =>
                              current.map((l) =>
                                l.product.id === line.product.id ? { ...l, quantity: event.target.value } : l,
                              ),
                            )
                          }
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--ghost"
                          onClick={() => setExchange((current) => current.filter((l) => l !== line))}
                        >
                          {t('returns.start.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </fieldset>
          <TextField
            label={t('returns.start.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            wide
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('returns.start.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
