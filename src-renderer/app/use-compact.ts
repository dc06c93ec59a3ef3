import { useEffect, useState } from 'react';

/** The tray popover is 380 px wide; anything this narrow gets its layout (one column, lists, no tables). */
export const COMPACT_QUERY = '(max-width: 520px)';

/** The main process loads the popover with `?window=popover` (src-main/windows/load-renderer.ts). */
export function isPopoverWindow(search: string = window.location.search): boolean {
  return new URLSearchParams(search).get('window') === 'popover';
}

function compactNow(): boolean {
  if (isPopoverWindow()) return true;
  return typeof window.matchMedia === 'function' && window.matchMedia(COMPACT_QUERY).matches;
}

/** Whether to lay the screens out for the popover, following the window's width live. */
export function useCompact(): boolean {
  const [compact, setCompact] = useState(compactNow);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(COMPACT_QUERY);
    const update = () => setCompact(compactNow());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return compact;
}
