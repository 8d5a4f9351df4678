import type { FormEvent, ReactNode } from 'react';
import { LanguageSwitch } from '../shell/LanguageSwitch';

/** The frame of the screens before the shell (first run, sign-in): one card, the language switch above. */
export function Gate({
  wide,
  onSubmit,
  children,
}: {
  wide?: boolean;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  return (
    <div className="gate">
      <div className="gate__language">
        <LanguageSwitch />
      </div>
      <form className={wide ? 'gate__card gate__card--wide' : 'gate__card'} onSubmit={onSubmit} noValidate>
        {children}
      </form>
    </div>
  );
}
