import { useTranslation } from 'react-i18next';

export type ImportProgressState = { state: string; processed: number; total: number };

/**
 * A real fraction while a file is read and checked; while the one transaction runs, an
 * indeterminate bar. The labels are the caller's: what is counted differs per import.
 */
export function ImportProgress({
  progress,
  labels,
}: {
  progress: ImportProgressState;
  labels: { reading: string; checking: string; committing: string };
}) {
  const { t } = useTranslation();
  const fraction = progress.total > 0 ? progress.processed / progress.total : 0;
  const label =
    progress.state === 'committing'
      ? t(labels.committing, { count: progress.total })
      : progress.state === 'checking' || progress.state === 'ready'
        ? t(labels.checking, { processed: progress.processed, total: progress.total })
        : t(labels.reading, { percent: Math.round(fraction * 100) });
  return (
    <div style={{ margin: '12px 0' }}>
      <progress
        aria-label={t('imports.progressLabel')}
        aria-valuetext={label}
        style={{ width: '100%', height: 14 }}
        max={1}
        {...(progress.state === 'committing' ? {} : { value: fraction })}
      />
      <div className="muted">{label}</div>
    </div>
  );
}
