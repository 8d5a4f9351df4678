import { parentPort } from 'node:worker_threads';
import type { DemandSeries } from './demand-history';
import { forecastOne, type SeriesForecast } from './series-forecast';

/** One batch for a worker; the answer lists a forecast per series, or why it had none. */
export interface WorkerBatch {
  batch: number;
  today: number;
  series: DemandSeries[];
}
export interface WorkerAnswer {
  batch: number;
  forecasts: SeriesForecast[];
  failures: Array<{ productId: string; scope: string; message: string }>;
}

/** A forecasting thread: takes batches of series and answers each with their forecasts. */
parentPort?.on('message', (work: WorkerBatch) => {
  const answer: WorkerAnswer = { batch: work.batch, forecasts: [], failures: [] };
  for (const series of work.series) {
    try {
      answer.forecasts.push(forecastOne(series, work.today));
    } catch (error) {
      answer.failures.push({
        productId: series.productId,
        scope: series.scope,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  parentPort?.postMessage(answer);
});
