import { useTranslation } from 'react-i18next';
import { changeLanguage, type UiLanguage } from '../i18n';

/** Two buttons, each labelled in its own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as UiLanguage;
  const choices: Array<{ language: UiLanguage; label: string }> = [
    { language: 'en', label: t('language.en') },
    { language: 'zh-CN', label: t('language.zh') },
  ];
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {choices.map(({ language, label }) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => void changeLanguage(language)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
