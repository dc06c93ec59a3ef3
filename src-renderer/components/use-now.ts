import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`. Each caller keeps its own timer so that a
 * countdown can tick every second while freshness labels tick every half minute.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
