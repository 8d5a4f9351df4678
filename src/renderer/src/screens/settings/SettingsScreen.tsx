import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { PrintingSettingsPanel } from '../printing/PrintingSettingsPanel';
import { AccountPanel } from './AccountPanel';
import { ShippingPanel } from '../shipping-rates/ShippingPanel';
import { ApiTokensPanel } from './ApiTokensPanel';
import { StorePanel } from './StorePanel';
import { UsersPanel } from './UsersPanel';

type Tab = 'store' | 'printing' | 'users' | 'shipping' | 'apiTokens' | 'account';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { user } = useApi();
  const role = user?.role;
  const tabs: Tab[] = [
    'store',
    ...(role === 'owner' || role === 'manager' ? (['printing', 'users', 'shipping'] as const) : []),
    ...(role === 'owner' ? (['apiTokens'] as const) : []),
    'account',
  ];
  const [tab, setTab] = useState<Tab>('store');

  return (
    <div className="settings">
      <div role="tablist" className="tabs" aria-label={t('settings.title')}>
        {tabs.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            onClick={() => setTab(name)}
          >
            {name === 'shipping'
              ? t('rates.settings.tab')
              : name === 'printing'
                ? t('printing.settings.tab')
                : t(`settings.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'store' && <StorePanel />}
        {tab === 'printing' && <PrintingSettingsPanel />}
        {tab === 'users' && <UsersPanel />}
        {tab === 'shipping' && <ShippingPanel />}
        {tab === 'apiTokens' && <ApiTokensPanel />}
        {tab === 'account' && <AccountPanel />}
      </div>
    </div>
  );
}
