import { AppError } from '../../../../shared/errors';
import type { IMPORT_STATES } from '../../../../shared/contract/imports';
import { newId } from '../../ids';
import type { Analysis } from './analyze';

export type ImportState = (typeof IMPORT_STATES)[number];

/**
 * One file between its dry run and its import, kept in memory: the analysis and its
 * plan, and how far the work has come for the progress bar. Nothing here is in the
 * database, so a restart forgets it and the person analyses the file again.
 */
export interface ImportJob<A = Analysis> {
  id: string;
  userId: string;
  /** The database the plan was made against: a plan never crosses to another shop file. */
  databasePath: string;
  createdAt: number;
  state: ImportState;
  processed: number;
  total: number;
  failure: string | null;
  /** Settles when the analysis has finished (or failed). */
  finished: Promise<void>;
  analysis: A | null;
}

type Owner = { userId: string; databasePath: string };

/** A plan older than this is dropped: the data has likely moved on. */
const MAX_AGE_MS = 60 * 60 * 1000;
/** Plans kept per person and kind of import: a 100,000-row plan holds some tens of megabytes. */
const MAX_PER_USER = 3;

/**
 * The jobs of one kind of import (the catalogue's, the orders'): each kind keeps its
 * own, so a report id of one is never found by the other.
 */
export function createJobStore<A>() {
  const jobs = new Map<string, ImportJob<A>>();

  function sweep(now: number): void {
    for (const [id, job] of jobs) {
      if (job.state !== 'committing' && now - job.createdAt > MAX_AGE_MS) jobs.delete(id);
    }
  }

  function startJob(owner: Owner, work: (job: ImportJob<A>) => Promise<A>): ImportJob<A> {
    const now = Date.now();
    sweep(now);
    const mine = [...jobs.values()]
      .filter((j) => j.userId === owner.userId && j.state !== 'committing')
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_PER_USER + 1))) jobs.delete(old.id);

    const job: ImportJob<A> = {
      id: newId(),
      ...owner,
      createdAt: now,
      state: 'reading',
      processed: 0,
      total: 0,
      failure: null,
      finished: Promise.resolve(),
      analysis: null,
    };
    jobs.set(job.id, job);
    // The work starts on the next turn of the event loop, after the caller has its id.
    job.finished = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => work(job))
      .then(
        (analysis) => {
          job.analysis = analysis;
          job.state = 'ready';
        },
        (error: unknown) => {
          job.state = 'failed';
          job.failure = error instanceof AppError ? error.message : 'The file could not be analysed';
          if (!(error instanceof AppError)) console.error('import analysis failed', error);
        },
      );
    return job;
  }

  /** The caller's own job on this database; anyone else's is as good as missing. */
  function findJob(id: string, owner: Owner): ImportJob<A> {
    const job = jobs.get(id);
    if (!job || job.userId !== owner.userId || job.databasePath !== owner.databasePath) {
      throw new AppError('NOT_FOUND', 'No such import report: it may have expired; analyse the file again', {
        entity: 'import',
        id,
      });
    }
    return job;
  }

  return { startJob, findJob };
}

const catalogJobs = createJobStore<Analysis>();
export const startJob = catalogJobs.startJob;
export const findJob = catalogJobs.findJob;
