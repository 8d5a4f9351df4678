import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../../shared/contract';
import type { ChartOption } from './EChart';

type Chart = OutputOf<'forecasts.chart'>;

const COLORS = { sales: '#8aa4c8', stockOut: '#e8a23a', fitted: '#7c8594', forecast: '#1f6feb', band: '#1f6feb' };

/** Runs of consecutive censored periods, as ECharts mark areas from the first period to the last. */
function stockOutAreas(censored: boolean[]) {
  const areas: Array<[{ xAxis: number }, { xAxis: number }]> = [];
  let start = -1;
  censored.forEach((out, i) => {
    if (out && start < 0) start = i;
    const ends = out && (i === censored.length - 1 || !censored[i + 1]);
    if (ends) {
      areas.push([{ xAxis: start }, { xAxis: i }]);
      start = -1;
    }
  });
  return areas;
}

const round = (value: number) => Math.round(value * 10) / 10;
/** Demand is never below zero: the bands are drawn from zero up. */
const floor0 = (value: number) => round(Math.max(0, value));

/**
 * History as bars (stock-out periods shaded and coloured), the fitted values, the
 * forecast and its 80 % and 95 % bands (each band a transparent base with its width
 * stacked on top), on one time axis of bucket start dates.
 */
export function forecastChartOption(chart: Chart, t: TFunction): ChartOption {
  const history = chart.history;
  const forecast = chart.forecast;
  if (!history || !forecast) return {};
  const n = history.periods.length;
  const periods = [...history.periods, ...forecast.periods];
  const gap = (count: number) => new Array<string>(count).fill('-');
  const lo80 = forecast.lo80.map(floor0);
  const lo95 = forecast.lo95.map(floor0);
  const band = (lo: number[], hi: number[]) => hi.map((value, i) => round(Math.max(0, floor0(value) - lo[i])));
  const names = {
    sales: t('forecasts.chart.history'),
    fitted: t('forecasts.chart.fitted'),
    forecast: t('forecasts.chart.forecast'),
    band80: t('forecasts.chart.band80'),
    band95: t('forecasts.chart.band95'),
    stockOut: t('forecasts.chart.stockOut'),
  };
  const bandIcon = (name: string, opacity: number) => ({
    name,
    icon: 'rect',
    itemStyle: { color: COLORS.band, opacity },
  });
  const stacked = (name: string, stack: string, data: Array<number | string>, opacity: number) => ({
    name,
    type: 'line',
    stack,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    areaStyle: { color: COLORS.band, opacity },
    data,
    tooltip: { show: false },
  });
  return {
    animation: false,
    color: [COLORS.sales, COLORS.fitted, COLORS.forecast, COLORS.stockOut, COLORS.band, COLORS.band],
    tooltip: { trigger: 'axis' },
    legend: {
      top: 0,
      data: [
        names.sales,
        names.fitted,
        names.forecast,
        bandIcon(names.band80, 0.35),
        bandIcon(names.band95, 0.15),
        { name: names.stockOut, icon: 'rect', itemStyle: { color: COLORS.stockOut, opacity: 0.35 } },
      ],
    },
    grid: { left: 48, right: 24, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: periods, boundaryGap: true },
    yAxis: { type: 'value', min: 0 },
    dataZoom: [{ type: 'slider', startValue: Math.max(0, n - 104), bottom: 16, height: 20 }],
    series: [
      {
        name: names.sales,
        type: 'bar',
        itemStyle: { color: COLORS.sales },
        barCategoryGap: '20%',
        data: [
          ...history.values.map((value, i) =>
            history.censored[i] ? { value, itemStyle: { color: COLORS.stockOut } } : value,
          ),
          ...gap(forecast.periods.length),
        ],
      },
      {
        // No points of its own: the shaded stock-out periods, with a legend entry to hide them.
        name: names.stockOut,
        type: 'line',
        itemStyle: { color: COLORS.stockOut },
        data: [],
        markArea: {
          silent: true,
          itemStyle: { color: COLORS.stockOut, opacity: 0.25 },
          data: stockOutAreas(history.censored),
        },
      },
      {
        name: names.fitted,
        type: 'line',
        symbol: 'none',
        itemStyle: { color: COLORS.fitted },
        lineStyle: { type: 'dashed', width: 1, color: COLORS.fitted },
        data: [...history.fitted.map((v) => (v === null ? '-' : round(v))), ...gap(forecast.periods.length)],
      },
      {
        name: names.forecast,
        type: 'line',
        symbol: 'circle',
        symbolSize: 4,
        itemStyle: { color: COLORS.forecast },
        lineStyle: { width: 2, color: COLORS.forecast },
        data: [...gap(n), ...forecast.values.map(floor0)],
      },
      stacked(names.band95, 'b95', [...gap(n), ...lo95], 0),
      stacked(names.band95, 'b95', [...gap(n), ...band(lo95, forecast.hi95)], 0.12),
      stacked(names.band80, 'b80', [...gap(n), ...lo80], 0),
      stacked(names.band80, 'b80', [...gap(n), ...band(lo80, forecast.hi80)], 0.22),
    ],
  };
}
