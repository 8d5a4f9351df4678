import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { en } from './en';
import { zhCN } from './zh-CN';
import { counterText } from './counter';
import { forecastsText } from './forecasts';
import { importsText } from './imports';
import { orderImportsText } from './order-imports';
import { ordersText } from './orders';
import { ratesText } from './rates';
import { pickingText } from './picking';
import { printingText } from './printing';
import { returnsText } from './returns';
import { shipmentsText } from './shipments';
import { routesText } from './routes';
import { shippingText } from './shipping';

/** Each area's texts, kept in its own file, under its own key. */
const SECTIONS = {
  imports: importsText,
  orders: ordersText,
  orderImports: orderImportsText,
  returns: returnsText,
  counter: counterText,
  shipping: shippingText,
  rates: ratesText,
  picking: pickingText,
  shipments: shipmentsText,
  routes: routesText,
  forecasts: forecastsText,
  printing: printingText,
};

function sectionsIn(language: 'en' | 'zhCN'): Record<string, unknown> {
  return Object.fromEntries(Object.entries(SECTIONS).map(([key, texts]) => [key, texts[language]]));
}

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'oms.language';

/** The remembered choice, else the system's language (Electron reports the OS locale here). */
function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.languages.some((lang) => lang.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

function applyLanguage(language: UiLanguage): void {
  document.documentElement.lang = language;
  // Zod's own messages (too short, too long…) follow the UI language in client-side checks.
  z.config(language === 'zh-CN' ? zodZhCN() : zodEn());
}

export function setupI18n(): typeof i18next {
  const language = initialLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, ...sectionsIn('en') } },
      'zh-CN': { translation: { ...zhCN, ...sectionsIn('zhCN') } },
    },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}

export async function changeLanguage(language: UiLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  applyLanguage(language);
  await i18next.changeLanguage(language);
}
