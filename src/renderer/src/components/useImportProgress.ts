import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgressState } from './ImportProgress';

const POLL_MS = 200;

/**
 * An import's progress for its bar: `follow` asks the server every 200 ms while a dry run
 * works, `stop` ends that, and leaving the screen mid-check stops it too. An answer still
 * on its way when the poll stops is dropped: it would bring back a bar (and keep the
 * buttons disabled) after the dry run has finished.
 */
export function useImportProgress() {
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const polling = useRef<number | null>(null);
  const round = useRef(0);
  const stop = useCallback(() => {
    round.current += 1;
    if (polling.current !== null) window.clearInterval(polling.current);
    polling.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const follow = useCallback((read: () => Promise<ImportProgressState>) => {
    const mine = round.current;
    polling.current = window.setInterval(() => {
      read().then(
        (next) => {
          if (round.current === mine) setProgress(next);
        },
        () => undefined,
      );
    }, POLL_MS);
  }, []);
  return { progress, setProgress, follow, stop };
}
