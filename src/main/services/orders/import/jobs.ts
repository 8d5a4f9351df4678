import { createJobStore } from '../../catalog/csv/jobs';
import type { OrderAnalysis } from './analyze';

/** Order files between their dry run and their import, apart from the catalogue's. */
export const orderImportJobs = createJobStore<OrderAnalysis>();
