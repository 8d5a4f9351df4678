import { LogOut } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { useHashPath } from '../components/useHashPath';
import { CounterScreen } from '../screens/counter/CounterScreen';
import { CustomersScreen } from '../screens/customers/CustomersScreen';
import { ForecastsScreen } from '../screens/forecasts/ForecastsScreen';
import { OrdersScreen } from '../screens/orders/OrdersScreen';
import { ShipmentsScreen } from '../screens/shipments/ShipmentsScreen';
import { StockScreen } from '../screens/stock/StockScreen';
import { AREA_ICONS, AREAS, areaFromPath, type Area } from './areas';
import { LanguageSwitch } from './LanguageSwitch';
import { StatusLine } from './StatusLine';

/** Each area's screen: every area the sidebar names has one. */
const SCREENS: Record<Area, () => React.JSX.Element> = {
  orders: OrdersScreen,
  counter: CounterScreen,
  stock: StockScreen,
  shipments: ShipmentsScreen,
  forecasts: ForecastsScreen,
  customers: CustomersScreen,
  settings: SettingsScreen,
};

export function Shell() {
  const { t } = useTranslation();
  const { client, setSession, storeName } = useApi();
  const area = areaFromPath(useHashPath()[0]);
  const Screen = SCREENS[area];

  async function signOut() {
    await client.auth.signOut({}).catch(() => undefined);
    setSession(null);
  }

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">
            OMS
          </span>
          <span className="sidebar__store">{storeName}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {AREAS.map((name) => {
              const Icon = AREA_ICONS[name];
              return (
                <li key={name}>
                  <a href={`#/${name}`} aria-current={area === name ? 'page' : undefined}>
                    <Icon size={16} aria-hidden="true" />
                    {t(`nav.${name}`)}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      </aside>
      <header className="topbar">
        <h1 className="topbar__title">{t(`nav.${area}`)}</h1>
        <div className="topbar__actions">
          <LanguageSwitch />
          <button type="button" className="button button--ghost" onClick={() => void signOut()}>
            <LogOut size={14} aria-hidden="true" />
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className={area === 'settings' || area === 'counter' ? 'content' : 'content content--fill'}>
        <Screen />
      </main>
      <StatusLine />
    </div>
  );
}
