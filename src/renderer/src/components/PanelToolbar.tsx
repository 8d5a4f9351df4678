import type { ReactNode } from 'react';

interface PanelToolbarProps {
  title: string;
  /** The panel's one primary action, usually opening its "new" form; left out when the user may not take it. */
  action?: { label: string; onClick: () => void; disabled?: boolean };
  children?: ReactNode;
}

/** The heading row of a panel: its title on the left, its actions on the right. */
export function PanelToolbar({ title, action, children }: PanelToolbarProps) {
  return (
    <div className="panel__toolbar">
      <h2>{title}</h2>
      {action && (
        <button type="button" className="button button--primary" onClick={action.onClick} disabled={action.disabled}>
          {action.label}
        </button>
      )}
      {children}
    </div>
  );
}
