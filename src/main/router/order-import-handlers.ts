import { AppError } from '../../shared/errors';
import type { ImportJob } from '../services/catalog/csv/jobs';
import { analyzeOrderFile, type OrderAnalysis } from '../services/orders/import/analyze';
import { commitOrderPlan } from '../services/orders/import/commit';
import { orderImportJobs } from '../services/orders/import/jobs';
import type { HandlerContext, HandlersOf } from './handler-types';

function ownerOf(ctx: HandlerContext) {
  if (!ctx.actor) throw new AppError('UNAUTHORIZED', 'Sign in to do this');
  return { userId: ctx.actor.id, databasePath: ctx.app.databasePath };
}

function progressOf(job: ImportJob<OrderAnalysis>) {
  return { reportId: job.id, state: job.state, processed: job.processed, total: job.total, failure: job.failure };
}

/** Handlers of the `orderImports` namespace (order history from our order CSV or Shopify's). */
export const orderImportHandlers: HandlersOf<'orderImports'> = {
  'orderImports.analyze': async (ctx, input) => {
    const bytes = input.base64 !== undefined ? Buffer.from(input.base64, 'base64') : undefined;
    // The analysis reads outside any transaction, a chunk at a time, after this call has answered.
    const readCtx = { db: ctx.db, actor: ctx.actor };
    const job = orderImportJobs.startJob(ownerOf(ctx), (job) =>
      analyzeOrderFile(
        readCtx,
        { format: input.format, fileName: input.fileName, bytes, text: input.text },
        (progress) => {
          job.state = progress.state;
          job.processed = progress.processed;
          job.total = progress.total;
        },
      ),
    );
    return { reportId: job.id };
  },

  'orderImports.progress': async (ctx, input) => progressOf(orderImportJobs.findJob(input.reportId, ownerOf(ctx))),

  'orderImports.report': async (ctx, input) => {
    const job = orderImportJobs.findJob(input.reportId, ownerOf(ctx));
    await job.finished;
    const analysis = job.analysis;
    if (!analysis) throw new AppError('INVALID_STATE', job.failure ?? 'The file could not be analysed');
    return {
      ...progressOf(job),
      format: analysis.format,
      fileName: analysis.fileName,
      encoding: analysis.encoding,
      delimiter: analysis.delimiter,
      currency: analysis.currency,
      summary: analysis.summary,
      issues: analysis.issues.slice(input.offset, input.offset + input.limit),
      issueCount: analysis.issues.length,
      canCommit: job.state === 'ready' && analysis.summary.errors === 0 && analysis.summary.orders > 0,
    };
  },

  'orderImports.commit': async (ctx, input) => {
    const job = orderImportJobs.findJob(input.reportId, ownerOf(ctx));
    await job.finished;
    if (job.state === 'committed') throw new AppError('INVALID_STATE', 'This file has been imported already');
    if (job.state === 'committing') throw new AppError('INVALID_STATE', 'This file is being imported');
    if (!job.analysis) throw new AppError('INVALID_STATE', job.failure ?? 'The file could not be analysed');
    job.state = 'committing';
    job.processed = 0;
    try {
      const result = await commitOrderPlan(ctx, job.analysis, job.id, (done, total) => {
        job.processed = done;
        job.total = total;
      });
      job.state = 'committed';
      // The report stays readable; the plan itself is no longer needed.
      job.analysis.orders = [];
      return result;
    } catch (error) {
      job.state = 'ready';
      throw error;
    }
  },
};
