import { useTranslation } from 'react-i18next';
import { formatDateTimeShort } from '../../components/formatting';
import type { ForecastRun } from './useForecastRun';

/** The run going on (a bar with its count and a cancel button), or one line about the last one. */
export function RunStatus({ run, onCancel }: { run: ForecastRun | null; onCancel?: () => void }) {
  const { t } = useTranslation();
  if (!run) return <p className="muted">{t('forecasts.run.never')}</p>;
  if (run.status === 'running') {
    const label =
      run.seriesTotal === 0
        ? t('forecasts.run.preparing')
        : t('forecasts.run.progress', { done: run.seriesDone, total: run.seriesTotal });
    return (
      <div className="forecast-run">
        <progress
          aria-label={t('forecasts.run.progressLabel')}
          aria-valuetext={label}
          max={1}
          {...(run.seriesTotal > 0 ? { value: run.seriesDone / run.seriesTotal } : {})}
        />
        <span className="muted">{label}</span>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('forecasts.run.cancel')}
          </button>
        )}
      </div>
    );
  }
  const when = formatDateTimeShort(run.startedAt);
  const seconds = ((run.elapsedMs ?? 0) / 1000).toFixed(1);
  const text =
    run.status === 'done'
      ? run.seriesFailed > 0
        ? t('forecasts.run.doneWithFailures', { when, total: run.seriesTotal, seconds, failed: run.seriesFailed })
        : t('forecasts.run.done', { when, total: run.seriesTotal, seconds })
      : run.status === 'cancelled'
        ? t('forecasts.run.cancelled', { when, done: run.seriesDone, total: run.seriesTotal })
        : t('forecasts.run.failed', { when, failure: run.failure ?? '' });
  return (
    <p
      className={run.status === 'failed' ? 'forecast-run__line is-negative' : 'forecast-run__line muted'}
      role="status"
    >
      {text}
    </p>
  );
}
