import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract';
import type { Customer } from '../../../../shared/domain/customers';
import { WALK_IN_CUSTOMER_ID } from '../../../../shared/domain/customers';
import type { Order, PaymentMethod } from '../../../../shared/domain/orders';
import type { Settings } from '../../../../shared/domain/settings';
import { AppError } from '../../../../shared/errors';
import { useApi } from '../../api/ApiContext';
import { playTone } from '../../components/feedback-sound';
import { TextField } from '../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { useBarcodeScanner } from '../../components/useBarcodeScanner';
import { CustomerPicker } from './CustomerPicker';
import { KeyLegend } from './KeyLegend';
import { resolveTenders, type TenderDraft } from './tenders';
import { TenderPanel } from './TenderPanel';
import {
  addProduct,
  EMPTY_TICKET,
  moveSelection,
  parseDiscount,
  removeLine,
  setDiscountText,
  setQuantity,
  type Ticket,
} from './ticket';
import { TicketTable } from './TicketTable';
import { TotalsPanel } from './TotalsPanel';
import { useQuote } from './useQuote';

type QuoteInput = InputOf<'orders.quote'>;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function focusOn(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector);
  element?.focus();
  if (element instanceof HTMLInputElement) element.select();
}

function firstTender(methods: PaymentMethod[]): TenderDraft {
  const method = methods.includes('cash') ? 'cash' : (methods.find((m) => m !== 'store_credit') ?? methods[0]);
  return { key: 1, method, amountText: '', receivedText: '', reference: '' };
}

/** One sale at the till, from the first scan to the completed order: keyboard and scanner first. */
export function Sale({
  settings,
  paused,
  onCompleted,
}: {
  settings: Settings;
  /** True while a dialog is over the sale: scans and keys are that dialog's then. */
  paused: boolean;
  onCompleted(order: Order): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const currency = settings.currency;
  const [ticket, setTicketState] = useState<Ticket>(EMPTY_TICKET);
  const [orderDiscountText, setOrderDiscountText] = useState('');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [drafts, setDrafts] = useState<TenderDraft[]>(() => [firstTender(settings.paymentMethods)]);
  const [code, setCode] = useState('');
  const [scanMessage, setScanMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scanField = useRef<HTMLInputElement>(null);

  // What the server refused was about the ticket as it was: any change makes it stale.
  function setTicket(update: (ticket: Ticket) => Ticket) {
    setTicketState(update);
    setServerErrors({});
    setFailure(null);
  }

  const localErrors: FieldErrors = {};
  const lines = ticket.lines.map((line, i) => {
    const parsed = parseDiscount(line.discountText, currency);
    if (!parsed.ok) localErrors[`lines.${i}.discount`] = t('counter.discountInvalid');
    return {
      productId: line.productId,
      quantity: line.quantity,
      ...(parsed.ok && parsed.discount && { discount: parsed.discount }),
    };
  });
  const orderDiscount = parseDiscount(orderDiscountText, currency);
  if (!orderDiscount.ok) localErrors.orderDiscount = t('counter.discountInvalid');
  const quoteInput: QuoteInput | null =
    lines.length > 0 && Object.keys(localErrors).length === 0
      ? { lines, ...(orderDiscount.ok && orderDiscount.discount && { orderDiscount: orderDiscount.discount }) }
      : null;
  const { quote, pending, error: quoteError } = useQuote(quoteInput);
  const resolved = resolveTenders(drafts, quote?.grandTotal ?? 0, currency);
  const tenderErrors = Object.fromEntries(
    Object.entries(resolved.problems).map(([path, problem]) => [path, t(`counter.problems.${problem}`)]),
  );
  /** A server refusal in the clerk's words, on the fields it names; a discount over the limit says whose limit. */
  function describe(error: unknown): { fields: FieldErrors; text: string } {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      const refusal = t('counter.discountRefused', { limit: settings.clerkDiscountLimitBasisPoints / 100 });
      const issues = (error.details as { issues?: Array<{ path: string }> } | undefined)?.issues ?? [];
      return { fields: Object.fromEntries(issues.map((issue) => [issue.path, refusal])), text: refusal };
    }
    return { fields: serverFieldErrors(error, t), text: errorText(error, t) };
  }
  // A discount over a clerk's limit is refused by the quote already: shown on its field while typed.
  const quoteProblem = quoteError === null ? null : describe(quoteError);
  const quoteErrors = quoteProblem?.fields ?? {};
  const errors: FieldErrors = { ...localErrors, ...tenderErrors, ...quoteErrors, ...serverErrors };
  const ready =
    quoteInput !== null &&
    quote !== null &&
    !pending &&
    !quoteError &&
    !busy &&
    Object.keys(tenderErrors).length === 0 &&
    resolved.remaining === 0;

  async function addByCode(scanned: string) {
    const wanted = scanned.trim();
    if (wanted === '') return;
    try {
      const product = await client.products.lookup({ code: wanted });
      if (product.status !== 'active') {
        playTone('error');
        setScanMessage({ ok: false, text: t('counter.archived', { sku: product.sku }) });
        return;
      }
      setTicket((current) => addProduct(current, product));
      playTone('ok');
      setScanMessage({ ok: true, text: t('counter.added', { sku: product.sku }) });
    } catch (error) {
      playTone('error');
      const unknown = error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION');
      setScanMessage({ ok: false, text: unknown ? t('counter.unknownCode', { code: wanted }) : errorText(error, t) });
    }
  }

  useBarcodeScanner((scanned) => void addByCode(scanned), !busy && !paused);

  /** The keys that act on the selected line; `typed` is what is in the scan field. */
  function lineKey(key: string, typed: string): boolean {
    const at = ticket.selected;
    if (key === 'ArrowUp' || key === 'ArrowDown') setTicket((c) => moveSelection(c, key === 'ArrowUp' ? -1 : 1));
    else if (at < 0) return false;
    else if (key === '+') setTicket((c) => setQuantity(c, at, c.lines[at].quantity + 1));
    else if (key === '-' && typed === '') setTicket((c) => setQuantity(c, at, c.lines[at].quantity - 1));
    else if (key === 'Delete' && typed === '') setTicket((c) => removeLine(c, at));
    else if (key === '*' && /^\d{1,7}$/.test(typed)) {
      setTicket((c) => setQuantity(c, at, Number(typed)));
      setCode('');
    } else return false;
    return true;
  }

  function onScanKey(event: ReactKeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && !event.ctrlKey && code.trim() !== '') {
      event.preventDefault();
      setCode('');
      void addByCode(code);
    } else if (!event.ctrlKey && !event.altKey && lineKey(event.key, code)) {
      event.preventDefault();
    }
  }

  async function complete() {
    if (!ready || !quoteInput) {
      if (quote && resolved.remaining !== 0) setFailure(t('counter.tendersMustMatch'));
      return;
    }
    // Payments of nothing are left out of the sale, so remember which row each sent one is.
    const sentIndexes = resolved.tenders.flatMap((tender, i) => (tender.amount > 0 ? [i] : []));
    const sent = sentIndexes.map((i) => resolved.tenders[i]);
    setBusy(true);
    try {
      const order = await client.orders.checkout({
        customerId: customer?.id ?? WALK_IN_CUSTOMER_ID,
        lines: quoteInput.lines,
        orderDiscount: quoteInput.orderDiscount ?? null,
        tenders: sent.map(({ change: _change, ...tender }) => tender),
      });
      playTone('ok');
      onCompleted(order);
    } catch (error) {
      playTone('error');
      setBusy(false);
      const described = describe(error);
      // The server counts only the tenders sent; its "tenders.N" is the Nth of those.
      setServerErrors(
        Object.fromEntries(
          Object.entries(described.fields).map(([path, message]) => [
            path.replace(/^tenders\.(\d+)/, (_, n: string) => `tenders.${sentIndexes[Number(n)] ?? n}`),
            message,
          ]),
        ),
      );
      setFailure(described.text);
    }
  }

  // Function keys reach the parts of the sale from anywhere on the screen; listened to
  // afresh each render so they act on the sale as it is now.
  useEffect(() => {
    if (paused) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void complete();
      else if (event.key === 'F2') focusOn(`[data-line="${ticket.selected}"]`);
      else if (event.key === 'F4') focusOn('[data-counter-focus="customer"]');
      else if (event.key === 'F8') focusOn('[data-counter-focus="order-discount"]');
      else if (event.key === 'F9') focusOn('[data-counter-focus="pay"]');
      else if (event.key === 'Escape') scanField.current?.focus();
      else if (isEditable(event.target) || !['ArrowUp', 'ArrowDown', 'Delete'].includes(event.key)) return;
      else if (!lineKey(event.key, '')) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  function chooseCustomer(chosen: Customer | null) {
    setCustomer(chosen);
    setServerErrors({});
    if (!chosen) {
      const fallback = firstTender(settings.paymentMethods).method;
      setDrafts((current) => current.map((d) => (d.method === 'store_credit' ? { ...d, method: fallback } : d)));
    }
  }

  return (
    <div className="counter__sale">
      <section className="counter__main" aria-label={t('counter.ticket')}>
        <div className="counter__scan">
          <input
            ref={scanField}
            className="counter__scan-input"
            aria-label={t('counter.scan')}
            placeholder={t('counter.scan')}
            value={code}
            autoFocus
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={onScanKey}
            disabled={busy}
          />
          <span
            className={scanMessage?.ok === false ? 'counter__scan-message is-error' : 'counter__scan-message'}
            role={scanMessage?.ok === false ? 'alert' : 'status'}
          >
            {scanMessage?.text ?? t('counter.scanHint')}
          </span>
        </div>
        <TicketTable
          ticket={ticket}
          quote={quote}
          pending={pending}
          currency={currency}
          errors={errors}
          onSelect={(i) => setTicketState((c) => ({ ...c, selected: i }))}
          onQuantity={(i, quantity) => setTicket((c) => setQuantity(c, i, quantity))}
          onDiscount={(i, text) => setTicket((c) => setDiscountText(c, i, text))}
          onRemove={(i) => setTicket((c) => removeLine(c, i))}
        />
        <KeyLegend />
      </section>
      <aside className="counter__side">
        <CustomerPicker customer={customer} onChange={chooseCustomer} />
        <TextField
          data-counter-focus="order-discount"
          label={t('counter.orderDiscount')}
          placeholder={t('counter.discountHint')}
          value={orderDiscountText}
          onChange={(e) => {
            setOrderDiscountText(e.target.value);
            setServerErrors({});
            setFailure(null);
          }}
          error={errors.orderDiscount}
        />
        <TotalsPanel quote={quote} pending={pending} currency={currency} />
        {quoteProblem && <Notice kind="error">{quoteProblem.text}</Notice>}
        <TenderPanel
          drafts={drafts}
          resolved={resolved}
          methods={settings.paymentMethods}
          customerChosen={customer !== null}
          currency={currency}
          errors={errors}
          onChange={(next) => {
            setDrafts(next);
            setServerErrors({});
            setFailure(null);
          }}
        />
        {failure && <Notice kind="error">{failure}</Notice>}
        <button
          type="button"
          className="button button--primary button--block counter__complete"
          disabled={!ready}
          onClick={() => void complete()}
        >
          {busy ? t('counter.completing') : t('counter.complete')}
        </button>
      </aside>
    </div>
  );
}
