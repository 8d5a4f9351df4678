import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import type { DemandBucket } from '../../../../shared/domain/forecasts';
import { useApi } from '../../api/ApiContext';

export type ForecastRun = OutputOf<'forecasts.run'>;

const POLL_MS = 400;

/**
 * The latest forecast run, followed while it runs (polled: the run goes on in the main
 * process whether or not this screen is open), with start and cancel. `onFinished` is
 * called when a run this screen saw running ends, so the lists can reload.
 */
export function useForecastRun(onFinished: () => void) {
  const { client } = useApi();
  const [run, setRun] = useState<ForecastRun | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    let live = true;
    client.forecasts.runs({ limit: 1 }).then(
      ([latest]) => live && setRun(latest ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const runningId = run?.status === 'running' ? run.id : null;
  useEffect(() => {
    if (!runningId) return;
    let live = true;
    const timer = setInterval(() => {
      client.forecasts.run({ id: runningId }).then(
        (next) => {
          if (!live) return;
          setRun(next);
          if (next.status !== 'running') finished.current();
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, runningId]);

  const start = useCallback(async (bucket: DemandBucket) => setRun(await client.forecasts.start({ bucket })), [client]);
  const cancel = useCallback(async () => {
    if (!runningId) return;
    setRun(await client.forecasts.cancel({ id: runningId }));
    finished.current();
  }, [client, runningId]);

  return { run, start, cancel };
}
