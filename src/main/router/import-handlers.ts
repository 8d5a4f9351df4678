import { AppError } from '../../shared/errors';
import { analyzeFile } from '../services/catalog/csv/analyze';
import { commitPlan } from '../services/catalog/csv/commit';
import { exportCatalog } from '../services/catalog/csv/export';
import { findJob, startJob, type ImportJob } from '../services/catalog/csv/jobs';
import { getWarehouse } from '../services/inventory/warehouses';
import type { HandlerContext, HandlersOf } from './handler-types';

function ownerOf(ctx: HandlerContext) {
  if (!ctx.actor) throw new AppError('UNAUTHORIZED', 'Sign in to do this');
  return { userId: ctx.actor.id, databasePath: ctx.app.databasePath };
}

function progressOf(job: ImportJob) {
  return { reportId: job.id, state: job.state, processed: job.processed, total: job.total, failure: job.failure };
}

/** Handlers of the `imports` namespace (CSV import and export of the catalogue). */
export const importHandlers: HandlersOf<'imports'> = {
  'imports.analyze': async (ctx, input) => {
    if (input.warehouseId) {
      const warehouse = await getWarehouse(ctx, input.warehouseId);
      if (!warehouse.active) throw new AppError('INVALID_STATE', `The warehouse ${warehouse.code} is not active`);
    }
    const bytes = input.base64 !== undefined ? Buffer.from(input.base64, 'base64') : undefined;
    // The analysis reads outside any transaction, a chunk at a time, after this call has answered.
    const readCtx = { db: ctx.db, actor: ctx.actor };
    const job = startJob(ownerOf(ctx), (job) =>
      analyzeFile(
        readCtx,
        {
          format: input.format,
          fileName: input.fileName,
          bytes,
          text: input.text,
          warehouseId: input.warehouseId,
          existing: input.existing,
        },
        (progress) => {
          job.state = progress.state;
          job.processed = progress.processed;
          job.total = progress.total;
        },
      ),
    );
    return { reportId: job.id };
  },

  'imports.progress': async (ctx, input) => progressOf(findJob(input.reportId, ownerOf(ctx))),

  'imports.report': async (ctx, input) => {
    const job = findJob(input.reportId, ownerOf(ctx));
    await job.finished;
    const analysis = job.analysis;
    if (!analysis) throw new AppError('INVALID_STATE', job.failure ?? 'The file could not be analysed');
    return {
      ...progressOf(job),
      format: analysis.format,
      fileName: analysis.fileName,
      encoding: analysis.encoding,
      delimiter: analysis.delimiter,
      existing: analysis.existing,
      summary: analysis.summary,
      issues: analysis.issues.slice(input.offset, input.offset + input.limit),
      issueCount: analysis.issues.length,
      canCommit: job.state === 'ready' && analysis.summary.errors === 0,
    };
  },

  'imports.commit': async (ctx, input) => {
    const job = findJob(input.reportId, ownerOf(ctx));
    await job.finished;
    if (job.state === 'committed') throw new AppError('INVALID_STATE', 'This file has been imported already');
    if (job.state === 'committing') throw new AppError('INVALID_STATE', 'This file is being imported');
    if (!job.analysis) throw new AppError('INVALID_STATE', job.failure ?? 'The file could not be analysed');
    job.state = 'committing';
    job.processed = 0;
    try {
      const result = await commitPlan(ctx, job.analysis, job.id, (done, total) => {
        job.processed = done;
        job.total = total;
      });
      job.state = 'committed';
      // The report stays readable; the plan itself is no longer needed.
      job.analysis.products = [];
      return result;
    } catch (error) {
      job.state = 'ready';
      throw error;
    }
  },

  'imports.export': (ctx, input) => exportCatalog(ctx, input),
};
