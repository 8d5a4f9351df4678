import { ArrowLeft, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../../shared/contract';
import type { Customer } from '../../../../../shared/domain/customers';
import type { Order } from '../../../../../shared/domain/orders';
import type { Settings } from '../../../../../shared/domain/settings';
import { formatMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { SelectField, TextField } from '../../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { Notice } from '../../../components/Notice';
import { useDebounced } from '../../../components/useDebounced';
import { go } from '../../../components/useHashPath';
import { CustomerPicker } from '../CustomerPicker';
import { PricedRows } from '../PricedRows';
import { AddressFields } from './AddressFields';
import {
  BACK_OFFICE_CHANNELS,
  draftOf,
  EMPTY_DRAFT,
  lineOf,
  NONE,
  orderInput,
  TYPED,
  type BackOfficeChannel,
  type DiscountKind,
  type DraftLine,
  type OrderDraft,
} from './order-draft';
import { ProductPicker } from './ProductPicker';

type Quote = z.infer<typeof contract.orders.quote.output>;

/** The shipping address the customer would choose: their default shipping one, else their first. */
function defaultShipTo(customer: Customer): string {
  const shipping = customer.addresses.filter((a) => a.kind === 'shipping');
  return (shipping.find((a) => a.isDefault) ?? shipping[0])?.id ?? TYPED;
}

/** A phone or email order entered in the back office: a new one, or a change to one not yet picked. */
export function OrderForm({ orderId }: { orderId: string | null }) {
  const { t, i18n } = useTranslation();
  const { client, currency } = useApi();
  const [order, setOrder] = useState<Order | null>(null);
  const [draft, setDraft] = useState<OrderDraft | null>(orderId ? null : EMPTY_DRAFT);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [quoted, setQuoted] = useState<{ input: string; quote: Quote } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = currency ?? 'CNY';

  useEffect(() => {
    client.settings.get({}).then(setSettings, () => undefined);
    if (!orderId) return;
    client.orders
      .get({ id: orderId })
      .then(async (loaded) => {
        setOrder(loaded);
        setDraft(draftOf(loaded, await client.customers.get({ id: loaded.customerId })));
      })
      .catch((error: unknown) => setNotice(errorText(error, t)));
  }, [client, orderId, t]);

  const quoteInput = useDebounced(draft ? JSON.stringify(orderInput(draft, money)) : '', 250);
  useEffect(() => {
    if (!quoteInput) return;
    const input = JSON.parse(quoteInput) as ReturnType<typeof orderInput>;
    const request = {
      lines: input.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        discount: line.discount ?? undefined,
      })),
      orderDiscount: input.orderDiscount ?? undefined,
      shipping: input.shipping ? { amount: input.shipping.amount, taxClass: input.shipping.taxClass } : undefined,
    };
    // Only a basket the contract accepts is priced; the fields say what is wrong with the rest.
    if (!contract.orders.quote.input.safeParse(request).success) return;
    let current = true;
    client.orders.quote(request).then(
      (priced) => current && setQuoted({ input: quoteInput, quote: priced }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, quoteInput]);

  const quote = quoted?.input === quoteInput ? quoted.quote : null;
  if (!draft) return notice ? <Notice kind="error">{notice}</Notice> : <p className="muted">{t('common.loading')}</p>;

  const set = (change: Partial<OrderDraft> | ((current: OrderDraft) => Partial<OrderDraft>)) =>
    setDraft((current) => {
      const base = current ?? draft;
      return { ...base, ...(typeof change === 'function' ? change(base) : change) };
    });
  const setLine = (key: string, change: Partial<DraftLine>) =>
    set((current) => ({ lines: current.lines.map((line) => (line.key === key ? { ...line, ...change } : line)) }));
  // The search's rows leave addresses out: the customer is read whole once picked.
  const pickCustomer = (found: Customer) =>
    client.customers.get({ id: found.id }).then(
      (customer) =>
        set((current) => ({
          customer,
          shipTo: defaultShipTo(customer),
          shipAddress: { ...current.shipAddress, recipient: current.shipAddress.recipient || customer.name },
        })),
      (error: unknown) => setNotice(errorText(error, t)),
    );
  const price = (minor: number) => formatMoney(minor, money, i18n.language);
  const taxClasses = settings?.taxRates.map((rate) => rate.taxClass) ?? [draft.shippingTaxClass];
  const discountKinds: Array<{ value: DiscountKind; label: string }> = [
    { value: 'none', label: '—' },
    { value: 'percent', label: t('orders.form.percent') },
    { value: 'amount', label: t('orders.form.amount') },
  ];
  const editing = order !== null;
  const mayConfirm = !order || order.status === 'draft';

  async function save(event: FormEvent, confirm: boolean) {
    event.preventDefault();
    if (!draft) return;
    if (!draft.customer) {
      setErrors({ customerId: t('orders.form.missingCustomer') });
      setNotice(t('errors.VALIDATION'));
      return;
    }
    const fields = orderInput(draft, money);
    const schema = order ? contract.orders.update.input : contract.orders.create.input;
    const input = order ? { id: order.id, ...fields } : { ...fields, channel: draft.channel, confirm };
    const checked = checkForm(schema, input, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice(t('errors.VALIDATION'));
      return;
    }
    setBusy(true);
    try {
      let saved = order
        ? await client.orders.update({ id: order.id, ...fields })
        : await client.orders.create({ ...fields, channel: draft.channel, confirm });
      if (order && confirm) saved = await client.orders.confirm({ id: saved.id });
      go('orders', saved.id);
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setNotice(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const customerAddresses = draft.customer?.addresses ?? [];
  const addressLabel = (a: Customer['addresses'][number]) => `${a.recipient}, ${a.line1}, ${a.city}`;

  return (
    <div className="detail order-page">
      <div className="detail__header">
        <a href={order ? `#/orders/${order.id}` : '#/orders'} className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {order ? t('orders.form.back') : t('orders.detail.back')}
        </a>
        <h2>{order ? t('orders.form.titleEdit', { number: order.number }) : t('orders.form.titleNew')}</h2>
      </div>
      <form className="order-form" onSubmit={(e) => void save(e, false)} noValidate aria-label={t('orders.form.order')}>
        {notice && <Notice kind="error">{notice}</Notice>}
        <section className="panel" aria-label={t('orders.form.customer')}>
          <div className="form-grid form-grid--4">
            {!editing && (
              <SelectField
                label={t('orders.form.channel')}
                value={draft.channel}
                onChange={(e) => set({ channel: e.target.value as BackOfficeChannel })}
                options={BACK_OFFICE_CHANNELS.map((value) => ({ value, label: t(`orders.channels.${value}`) }))}
              />
            )}
            <div className="field field--wide">
              <span className="field__label">{t('orders.form.customer')}</span>
              {draft.customer ? (
                <div className="toolbar">
                  <strong>{draft.customer.name}</strong>
                  <span className="muted">
                    {[draft.customer.phone, draft.customer.email].filter(Boolean).join(' · ')}
                  </span>
                  <button type="button" className="button button--small" onClick={() => set({ customer: null })}>
                    {t('orders.form.changeCustomer')}
                  </button>
                </div>
              ) : (
                <CustomerPicker
                  label={t('orders.form.findCustomer')}
                  onPick={(customer) => void pickCustomer(customer)}
                  autoFocus={!editing}
                />
              )}
              {errors.customerId && (
                <span className="field__error" role="alert">
                  {errors.customerId}
                </span>
              )}
            </div>
          </div>
        </section>

        <section className="panel" aria-label={t('orders.form.lines')}>
          <h2>{t('orders.form.lines')}</h2>
          <ProductPicker onPick={(product) => set((current) => ({ lines: [...current.lines, lineOf(product)] }))} />
          {errors.lines && <p className="field__error">{errors.lines}</p>}
          {draft.lines.length === 0 ? (
            <p className="muted">{t('orders.form.noLines')}</p>
          ) : (
            <table className="table table--compact order-form__lines">
              <thead>
                <tr>
                  <th scope="col">{t('orders.detail.sku')}</th>
                  <th scope="col">{t('orders.detail.product')}</th>
                  <th scope="col" className="num">
                    {t('orders.detail.unitPrice')}
                  </th>
                  <th scope="col">{t('orders.form.quantity')}</th>
                  <th scope="col">{t('orders.form.discount')}</th>
                  <th scope="col" className="num">
                    {t('orders.detail.lineTotal')}
                  </th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {draft.lines.map((line, index) => {
                  const lineError = (field: string) => errors[`lines.${index}.${field}`];
                  return (
                    <tr key={line.key}>
                      <td className="mono">{line.sku}</td>
                      <td>{line.name}</td>
                      <td className="num">{price(line.unitPrice)}</td>
                      <td>
                        <input
                          className="input--narrow"
                          inputMode="numeric"
                          aria-label={`${t('orders.form.quantity')} ${line.sku}`}
                          value={line.quantity}
                          aria-invalid={lineError('quantity') ? true : undefined}
                          title={lineError('quantity')}
                          onChange={(e) => setLine(line.key, { quantity: e.target.value })}
                        />
                      </td>
                      <td>
                        <span className="button-row">
                          <select
                            aria-label={`${t('orders.form.discountKind')} ${line.sku}`}
                            value={line.discountKind}
                            onChange={(e) => setLine(line.key, { discountKind: e.target.value as DiscountKind })}
                          >
                            {discountKinds.map((kind) => (
                              <option key={kind.value} value={kind.value}>
                                {kind.label}
                              </option>
                            ))}
                          </select>
                          {line.discountKind !== 'none' && (
                            <input
                              className="input--narrow"
                              inputMode="decimal"
                              aria-label={`${t('orders.form.discount')} ${line.sku}`}
                              value={line.discount}
                              aria-invalid={
                                Object.keys(errors).some((k) => k.startsWith(`lines.${index}.discount`)) || undefined
                              }
                              onChange={(e) => setLine(line.key, { discount: e.target.value })}
                            />
                          )}
                        </span>
                        {lineError('quantity') && <span className="field__error">{lineError('quantity')}</span>}
                      </td>
                      <td className="num">{quote?.lines[index] ? price(quote.lines[index].total) : ''}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={t('orders.form.removeLine', { sku: line.sku })}
                          onClick={() => set((current) => ({ lines: current.lines.filter((l) => l.key !== line.key) }))}
                        >
                          <Trash2 size={14} aria-hidden="true" />
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>

        <div className="order-columns">
          <section className="panel" aria-label={t('orders.form.shipping')}>
            <h2>{t('orders.form.shipping')}</h2>
            <label className="checkbox">
              <input type="checkbox" checked={draft.ships} onChange={(e) => set({ ships: e.target.checked })} />
              {t('orders.form.ships')}
            </label>
            {draft.ships && (
              <>
                <div className="form-grid form-grid--3">
                  <TextField
                    label={t('orders.form.method')}
                    value={draft.shippingMethod}
                    onChange={(e) => set({ shippingMethod: e.target.value })}
                    error={errors['shipping.method']}
                  />
                  <TextField
                    label={`${t('orders.form.charge')} (${money})`}
                    inputMode="decimal"
                    value={draft.shippingCharge}
                    onChange={(e) => set({ shippingCharge: e.target.value })}
                    error={errors['shipping.amount']}
                  />
                  <SelectField
                    label={t('orders.form.taxClass')}
                    value={draft.shippingTaxClass}
                    onChange={(e) => set({ shippingTaxClass: e.target.value })}
                    options={taxClasses.map((value) => ({ value, label: value }))}
                  />
                </div>
                <SelectField
                  label={t('orders.form.shipTo')}
                  value={draft.shipTo}
                  onChange={(e) => set({ shipTo: e.target.value })}
                  error={errors['shipping.addressId']}
                  options={[
                    ...customerAddresses.map((a) => ({ value: a.id, label: addressLabel(a) })),
                    { value: TYPED, label: t('orders.form.typed') },
                  ]}
                />
                {draft.shipTo === TYPED && (
                  <AddressFields
                    address={draft.shipAddress}
                    onChange={(change) => set((current) => ({ shipAddress: { ...current.shipAddress, ...change } }))}
                    errors={errors}
                    path="shipping.address"
                  />
                )}
              </>
            )}
            <SelectField
              label={t('orders.form.billing')}
              value={draft.billTo}
              onChange={(e) => set({ billTo: e.target.value })}
              options={[
                { value: NONE, label: t('orders.form.billingNone') },
                ...customerAddresses.map((a) => ({ value: a.id, label: addressLabel(a) })),
                { value: TYPED, label: t('orders.form.typed') },
              ]}
            />
            {draft.billTo === TYPED && (
              <AddressFields
                address={draft.billAddress}
                onChange={(change) => set((current) => ({ billAddress: { ...current.billAddress, ...change } }))}
                errors={errors}
                path="billingAddress"
              />
            )}
          </section>

          <div className="detail__side">
            <section className="panel" aria-label={t('orders.form.totals')}>
              <h2>{t('orders.form.totals')}</h2>
              <div className="form-grid form-grid--3">
                <SelectField
                  label={t('orders.form.orderDiscount')}
                  value={draft.orderDiscountKind}
                  onChange={(e) => set({ orderDiscountKind: e.target.value as DiscountKind })}
                  options={discountKinds}
                />
                {draft.orderDiscountKind !== 'none' && (
                  <TextField
                    label={
                      draft.orderDiscountKind === 'percent'
                        ? `${t('orders.form.orderDiscount')} (%)`
                        : `${t('orders.form.orderDiscount')} (${money})`
                    }
                    inputMode="decimal"
                    value={draft.orderDiscount}
                    onChange={(e) => set({ orderDiscount: e.target.value })}
                    error={errors['orderDiscount.basisPoints'] ?? errors['orderDiscount.amount']}
                  />
                )}
              </div>
              {quote ? (
                <table className="order-totals">
                  <tbody>
                    <PricedRows
                      priced={quote}
                      shipping={draft.ships ? { method: draft.shippingMethod, total: quote.shipping.total } : null}
                      money={price}
                    />
                  </tbody>
                </table>
              ) : (
                draft.lines.length > 0 && <p className="muted">{t('orders.form.quoting')}</p>
              )}
            </section>
            <section className="panel">
              <div className="form-grid">
                <TextField
                  label={t('orders.form.promisedDate')}
                  type="date"
                  value={draft.promisedDate}
                  onChange={(e) => set({ promisedDate: e.target.value })}
                  error={errors.promisedDate}
                />
                <TextField
                  label={t('orders.form.notes')}
                  value={draft.notes}
                  onChange={(e) => set({ notes: e.target.value })}
                  error={errors.notes}
                  wide
                />
              </div>
              <div className="form-actions">
                <button type="submit" className="button" disabled={busy}>
                  {editing ? t('orders.form.save') : t('orders.form.saveDraft')}
                </button>
                {mayConfirm && (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={busy}
                    onClick={(e) => void save(e, true)}
                  >
                    {t('orders.form.saveConfirm')}
                  </button>
                )}
              </div>
            </section>
          </div>
        </div>
      </form>
    </div>
  );
}
