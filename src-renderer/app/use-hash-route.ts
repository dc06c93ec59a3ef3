import { useEffect } from 'react';
import { formatRoute, parseRoute } from '../store/route';
import { useAppStore } from '../store/store-context';

/** Keeps the store's route and the URL hash in step, both ways (links, back button, tests). */
export function useHashRoute(): void {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  useEffect(() => {
    const onHash = (): void => navigate(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [navigate]);
  useEffect(() => {
    const hash = formatRoute(route);
    if (window.location.hash === hash) return;
    // The first visit (no hash yet) names the screen without adding a back-button step.
    if (window.location.hash === '') window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
  }, [route]);
}
