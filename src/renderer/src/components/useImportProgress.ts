import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgressState } from './ImportProgress';

const POLL_MS = 200;

/**
 * An import's progress for its bar: `follow` asks the server every 200 ms while a dry run
 * works, `stop` ends that, and leaving the screen mid-check stops it too.
 */
export function useImportProgress() {
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const polling = useRef<number | null>(null);
  const stop = useCallback(() => {
    if (polling.current !== null) window.clearInterval(polling.current);
    polling.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const follow = useCallback((read: () => Promise<ImportProgressState>) => {
    polling.current = window.setInterval(() => {
      read().then(setProgress, () => undefined);
    }, POLL_MS);
  }, []);
  return { progress, setProgress, follow, stop };
}
