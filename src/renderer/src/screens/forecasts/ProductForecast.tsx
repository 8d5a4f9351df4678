import { ArrowLeft } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import type { DemandBucket } from '../../../../shared/domain/forecasts';
import { useApi } from '../../api/ApiContext';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { forecastChartOption } from './chart-option';
import { EChart } from './EChart';

type Chart = OutputOf<'forecasts.chart'>;

/** One product's demand and its forecast, recomputed as the page opens. */
export function ProductForecast({
  productId,
  scope,
  bucket,
}: {
  productId: string;
  scope: string;
  bucket: DemandBucket;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [chart, setChart] = useState<Chart | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.forecasts.chart({ productId, scope, bucket }).then(
      (answer) => live && setChart(answer),
      (e: unknown) => live && setError(errorText(e, t)),
    );
    return () => {
      live = false;
    };
  }, [client, productId, scope, bucket, t]);

  const option = useMemo(() => (chart ? forecastChartOption(chart, t) : null), [chart, t]);
  const backHref = `#/forecasts/products/${encodeURIComponent(scope)}/${bucket}`;
  const stockOuts = chart?.history?.censored.filter(Boolean).length ?? 0;
  const forecast = chart?.forecast;

  return (
    <div className="detail">
      <div className="detail__header">
        <a className="button button--ghost" href={backHref}>
          <ArrowLeft size={14} aria-hidden="true" />
          {t('forecasts.chart.back')}
        </a>
        <h2>{chart ? `${chart.sku} · ${chart.name}` : t('forecasts.chart.title')}</h2>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!chart && !error && <p className="muted">{t('forecasts.chart.loading')}</p>}
      {chart && !forecast && <Notice kind="info">{t('forecasts.chart.noHistory')}</Notice>}
      {forecast && option && (
        <>
          <dl className="forecast-facts">
            <div>
              <dt>{t('forecasts.chart.model')}</dt>
              <dd>{forecast.method}</dd>
            </div>
            <div>
              <dt>{t('forecasts.chart.backtest')}</dt>
              <dd>
                {t('forecasts.chart.backtestValue', {
                  smape: forecast.smape?.toFixed(1) ?? '—',
                  mase: forecast.mase?.toFixed(2) ?? '—',
                  origins: forecast.origins,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('forecasts.chart.next30')}</dt>
              <dd>{forecast.next30.toFixed(1)}</dd>
            </div>
            <div>
              <dt className="muted">{t('forecasts.chart.computedIn', { ms: Math.round(forecast.elapsedMs) })}</dt>
            </div>
          </dl>
          {stockOuts > 0 && <p className="muted">{t('forecasts.chart.stockOuts', { count: stockOuts })}</p>}
          <div className="forecast-chart">
            <EChart option={option} label={`${t('forecasts.chart.title')}: ${chart.sku}`} height={420} />
          </div>
        </>
      )}
    </div>
  );
}
