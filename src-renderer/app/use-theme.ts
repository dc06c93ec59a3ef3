import { useEffect } from 'react';
import { useAppStore } from '../store/store-context';

/**
 * Applies the theme setting to <html data-theme>. "system" leaves the attribute off so that the
 * prefers-color-scheme rules in theme.css decide, and follow the OS live.
 */
export function useTheme(): void {
  const theme = useAppStore((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}
