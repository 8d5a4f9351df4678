import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canPerform } from '../../../../shared/domain/order-states';
import { PAYMENT_METHODS, type Order, type PaymentMethod } from '../../../../shared/domain/orders';
import { formatMoney, moneyInputValue, parseMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { go } from '../../components/useHashPath';

type FormName = 'hold' | 'cancel' | 'pay' | 'refund';
type Done = 'confirm' | 'hold' | 'release' | 'complete' | 'cancel' | 'pay' | 'refund';

interface OrderActionsProps {
  order: Order;
  /** After an action: the order as it now is, and what was done. */
  onChanged(order: Order, done: Done): void;
  onError(text: string): void;
}

/** The buttons the order's state allows, and the small forms of those that need more than a click. */
export function OrderActions({ order, onChanged, onError }: OrderActionsProps) {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [open, setOpen] = useState<FormName | null>(null);
  const [busy, setBusy] = useState(false);
  const can = (action: Parameters<typeof canPerform>[0]) => canPerform(action, order.status, order.fulfilmentStatus);
  const isManager = user?.role === 'owner' || user?.role === 'manager';
  const refundable = order.paidTotal - order.refundedTotal;

  async function run(done: Done, call: () => Promise<Order>) {
    setBusy(true);
    try {
      onChanged(await call(), done);
      setOpen(null);
    } catch (error) {
      onError(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (name: FormName) => setOpen((current) => (current === name ? null : name));

  return (
    <>
      <div className="order-actions" role="group" aria-label={t('orders.actions.label')}>
        {can('edit') && (
          <button type="button" className="button" onClick={() => go('orders', order.id, 'edit')} disabled={busy}>
            {t('orders.actions.edit')}
          </button>
        )}
        {can('confirm') && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run('confirm', () => client.orders.confirm({ id: order.id }))}
          >
            {t('orders.actions.confirm')}
          </button>
        )}
        {order.status !== 'cancelled' && order.balanceDue > 0 && (
          <button type="button" className="button button--primary" onClick={() => toggle('pay')} disabled={busy}>
            {t('orders.actions.pay')}
          </button>
        )}
        {can('complete') && order.balanceDue <= 0 && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('complete', () => client.orders.complete({ id: order.id }))}
          >
            {t('orders.actions.complete')}
          </button>
        )}
        {can('hold') && (
          <button type="button" className="button" onClick={() => toggle('hold')} disabled={busy}>
            {t('orders.actions.hold')}
          </button>
        )}
        {can('release') && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('release', () => client.orders.release({ id: order.id }))}
          >
            {t('orders.actions.release')}
          </button>
        )}
        {isManager && refundable > 0 && order.status !== 'cancelled' && (
          <button type="button" className="button" onClick={() => toggle('refund')} disabled={busy}>
            {t('orders.actions.refund')}
          </button>
        )}
        {order.lines.some((l) => l.fulfilledQuantity > l.returnedQuantity) && (
          <button
            type="button"
            className="button"
            onClick={() => go('orders', 'returns', 'new', order.number)}
            disabled={busy}
          >
            {t('returns.new')}
          </button>
        )}
        {can('cancel') && (
          <button type="button" className="button button--danger" onClick={() => toggle('cancel')} disabled={busy}>
            {t('orders.actions.cancel')}
          </button>
        )}
      </div>
      {open && (
        <ActionForm
          key={open}
          name={open}
          order={order}
          busy={busy}
          onClose={() => setOpen(null)}
          onDone={(updated) => {
            onChanged(updated, open);
            setOpen(null);
          }}
          setBusy={setBusy}
          onError={onError}
        />
      )}
    </>
  );
}

interface ActionFormProps {
  name: FormName;
  order: Order;
  busy: boolean;
  setBusy(busy: boolean): void;
  onClose(): void;
  onDone(order: Order): void;
  onError(text: string): void;
}

/** Hold, cancel, take a payment or refund: each asks for its reason or amounts first. */
function ActionForm({ name, order, busy, setBusy, onClose, onDone, onError }: ActionFormProps) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const currency = order.currency;
  const refundable = order.paidTotal - order.refundedTotal;
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<'original' | 'store_credit'>('original');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(
    moneyInputValue(name === 'refund' ? refundable : Math.max(order.balanceDue, 0), currency),
  );
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // The ways of paying this shop takes (Settings); the server refuses the others.
  const [methods, setMethods] = useState<readonly PaymentMethod[]>(PAYMENT_METHODS);
  useEffect(() => {
    if (name !== 'pay') return;
    client.settings.get({}).then(
      (settings) => {
        setMethods(settings.paymentMethods);
        setMethod((current) => (settings.paymentMethods.includes(current) ? current : settings.paymentMethods[0]));
      },
      () => undefined,
    );
  }, [client, name]);
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const amountMinor = parseMoney(amount, currency);
  const tenderedMinor = tendered.trim() === '' ? undefined : parseMoney(tendered, currency);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ((name === 'pay' || name === 'refund') && amountMinor === null) {
      setErrors({ amount: t('validation.money') });
      return;
    }
    if (tenderedMinor === null) {
      setErrors({ tendered: t('validation.money') });
      return;
    }
    setBusy(true);
    try {
      const id = order.id;
      const amountValue = amountMinor ?? 0;
      const updated =
        name === 'hold'
          ? await client.orders.hold({ id, reason })
          : name === 'cancel'
            ? await client.orders.cancel({ id, reason, refundTo: target })
            : name === 'pay'
              ? await client.orders.pay({
                  id,
                  method,
                  amount: amountValue,
                  ...(method === 'cash' && tenderedMinor !== undefined ? { tendered: tenderedMinor } : {}),
                  ...(reference.trim() ? { reference: reference.trim() } : {}),
                })
              : await client.orders.refund({ id, amount: amountValue, reason, to: target });
      onDone(updated);
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      onError(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const title = t(`orders.actions.${name}`);
  const change =
    name === 'pay' && method === 'cash' && tenderedMinor && amountMinor !== null && tenderedMinor > amountMinor
      ? tenderedMinor - amountMinor
      : null;

  return (
    <form className="panel action-form" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="form-grid form-grid--4">
        {name === 'pay' && (
          <SelectField
            label={t('orders.actions.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value as PaymentMethod)}
            options={methods.map((value) => ({ value, label: t(`orders.methods.${value}`) }))}
            error={errors.method}
          />
        )}
        {(name === 'pay' || name === 'refund') && (
          <TextField
            label={`${t('orders.actions.amount')} (${currency})`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={errors.amount}
          />
        )}
        {name === 'pay' && method === 'cash' && (
          <TextField
            label={`${t('orders.actions.tendered')} (${currency})`}
            inputMode="decimal"
            value={tendered}
            onChange={(e) => setTendered(e.target.value)}
            error={errors.tendered}
            hint={change !== null ? t('orders.actions.change', { change: money(change) }) : undefined}
          />
        )}
        {name === 'pay' && method !== 'cash' && (
          <TextField
            label={t('orders.actions.reference')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            error={errors.reference}
          />
        )}
        {(name === 'hold' || name === 'cancel' || name === 'refund') && (
          <TextField
            label={t('orders.actions.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors.reason}
            wide
            autoFocus
          />
        )}
        {((name === 'cancel' && refundable > 0) || name === 'refund') && (
          <SelectField
            label={t('orders.actions.refundTo')}
            value={target}
            onChange={(e) => setTarget(e.target.value as 'original' | 'store_credit')}
            options={(['original', 'store_credit'] as const).map((value) => ({
              value,
              label: t(`orders.actions.refundTargets.${value}`),
            }))}
          />
        )}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className={name === 'cancel' ? 'button button--danger' : 'button button--primary'}
          disabled={busy}
        >
          {t(`orders.actions.submit${name[0].toUpperCase()}${name.slice(1)}`)}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('orders.actions.close')}
        </button>
      </div>
    </form>
  );
}
