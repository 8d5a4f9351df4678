import { parentPort, workerData } from 'node:worker_threads';
import { historyChunks, type HistoryOptions } from './order-history';

/**
 * Generates the order history on a second thread, one chunk each time the seeder asks,
 * so the next chunk is made while the last one is written. Answers null when done.
 */
const { options, ordersPerChunk, recentDays } = workerData as {
  options: HistoryOptions;
  ordersPerChunk: number;
  recentDays: number;
};
const chunks = historyChunks(options, ordersPerChunk, recentDays);
parentPort?.on('message', () => {
  const next = chunks.next();
  parentPort?.postMessage(next.done ? null : next.value);
});
