import { useTranslation } from 'react-i18next';

/** Placeholder until this tab's screen lands (being built on its own branch). */
export function PackStation() {
  const { t } = useTranslation();
  return <p className="muted">{t('areas.notYet')}</p>;
}
