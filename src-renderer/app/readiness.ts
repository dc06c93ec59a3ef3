/**
 * Signals for end-to-end tests and performance figures, written on <body> so a test waits for
 * `body[data-ready="snapshot"]` instead of sleeping. They cost nothing and reveal no data.
 */

export type ReadyState = 'loading' | 'snapshot' | 'error';
export type SyncState = 'idle' | 'running' | 'offline' | 'error';

/** Sets (or, with null, removes) one `data-*` attribute on <body>. */
export function signal(name: string, value: string | number | null): void {
  const attr = `data-${name}`;
  if (value === null) document.body.removeAttribute(attr);
  else document.body.setAttribute(attr, String(value));
}

/**
 * Marks `creditbar:<what>-rendered` and measures from `creditbar:<what>-requested` (or the
 * start of navigation); the duration in ms also goes to `data-<what>-ms` on <body>.
 */
export function measureRender(what: string, startMark: string | undefined): number | null {
  const end = `creditbar:${what}-rendered`;
  // Keep only the latest figures: a tray app lives for weeks and would pile up entries.
  performance.clearMarks(end);
  performance.clearMeasures(`creditbar:${what}`);
  performance.mark(end);
  let ms: number | null = null;
  try {
    const m = performance.measure(
      `creditbar:${what}`,
      startMark && performance.getEntriesByName(startMark).length ? startMark : undefined,
      end,
    );
    ms = m ? Math.round(m.duration * 10) / 10 : null;
  } catch {
    // An unknown start mark is not worth breaking the screen for; the rendered mark stays.
    ms = null;
  }
  if (ms !== null) signal(`${what}-ms`, ms);
  return ms;
}
