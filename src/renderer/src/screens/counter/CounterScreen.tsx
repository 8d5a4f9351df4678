import { Printer, Wallet } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../shared/domain/orders';
import type { Settings } from '../../../../shared/domain/settings';
import { useApi } from '../../api/ApiContext';
import { printOnDesktop, printsOnDesktop } from '../../api/printing';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { CashUpDialog } from './CashUpDialog';
import { KeyLegend } from './KeyLegend';
import { Receipt } from './Receipt';
import { Sale } from './Sale';
import './counter.css';

/** #/counter: sales at this till one after another, each ending on its receipt; and the till's cash-up. */
export function CounterScreen() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saleNumber, setSaleNumber] = useState(1);
  const [completed, setCompleted] = useState<Order | null>(null);
  const [cashUpOpen, setCashUpOpen] = useState(false);
  const [printFailure, setPrintFailure] = useState<string | null>(null);

  useEffect(() => {
    client.settings.get({}).then(setSettings, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);

  // The desktop app prints through main to the receipt printer (without the dialog if the
  // shop chose so); a browser prints the page, whose print stylesheet shows only the receipt.
  function print(order: Order) {
    if (!printsOnDesktop() || !settings) return window.print();
    const job = { request: { kind: 'receipt' as const, orderIds: [order.id] }, action: 'print' as const };
    setPrintFailure(null);
    printOnDesktop({ ...job, silent: settings.silentCounterPrinting }).catch((error: unknown) =>
      setPrintFailure(errorText(error, t)),
    );
  }

  function newSale() {
    setCompleted(null);
    setPrintFailure(null);
    setSaleNumber((n) => n + 1);
  }

  // On the receipt, Enter or Escape starts the next sale (Ctrl+P prints, as anywhere).
  useEffect(() => {
    if (!completed || cashUpOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'Enter' || event.key === 'Escape') && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setCompleted(null);
        setSaleNumber((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [completed, cashUpOpen]);

  if (failure) return <Notice kind="error">{failure}</Notice>;
  if (!settings) return <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="counter">
      <div className="counter__bar">
        <h2>
          {completed ? t('counter.receipt') : t('counter.screen')}
          <span className="muted">
            {' '}
            · {t('counter.receiptTerminal')} {settings.terminalCode}
          </span>
        </h2>
        <div className="button-row">
          {completed && (
            <>
              <button type="button" className="button" onClick={() => print(completed)}>
                <Printer size={14} aria-hidden="true" />
                {t('counter.print')}
              </button>
              <button type="button" className="button button--primary" onClick={newSale} autoFocus>
                {t('counter.newSale')}
              </button>
            </>
          )}
          <button type="button" className="button" onClick={() => setCashUpOpen(true)}>
            <Wallet size={14} aria-hidden="true" />
            {t('counter.cashUp.open')}
          </button>
        </div>
      </div>
      {completed ? (
        <div className="counter__done">
          <Notice kind="success">{t('counter.completed', { number: completed.number })}</Notice>
          {printFailure && <Notice kind="error">{printFailure}</Notice>}
          <Receipt order={completed} settings={settings} />
          <KeyLegend receipt />
        </div>
      ) : (
        <Sale key={saleNumber} settings={settings} paused={cashUpOpen} onCompleted={setCompleted} />
      )}
      {cashUpOpen && <CashUpDialog currency={settings.currency} onClose={() => setCashUpOpen(false)} />}
    </div>
  );
}
