// A worker thread of forecastMany: forecasts each batch it is sent and posts the results back.
import { parentPort } from 'node:worker_threads';
import { forecastBatch, type BatchItem } from './batch';

parentPort?.on('message', (items: BatchItem[]) => {
  parentPort?.postMessage(forecastBatch(items));
});
