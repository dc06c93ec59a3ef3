import { useEffect, useRef } from 'react';
import type { Route } from '../store/route';
import { useAppStore } from '../store/store-context';
import { focusWorkspaceItem, moveFocusInList } from './list-navigation';
import { isPopoverWindow } from './use-compact';

/** One level up: a workspace, History, Alerts and Settings all sit under the overview. */
export function backRoute(route: Route): Route | null {
  return route.screen === 'overview' ? null : { screen: 'overview' };
}

function sameRoute(a: Route, b: Route): boolean {
  return a.screen === b.screen && (a.screen !== 'workspace' || a.workspaceId === (b as typeof a).workspaceId);
}

/** A control that takes typing (or its own arrow keys): Escape leaves it before it leaves the screen. */
function isField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
    return true;
  return (
    el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type)
  );
}

/** Focuses the open screen's heading (made focusable for this), or the main area while it loads. */
export function focusScreenHeading(): void {
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1') ?? main;
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/**
 * The app's keyboard: Escape goes back one level (out of a field first, then to the overview) and,
 * on the popover's overview, hides the popover; arrow keys from outside a list enter the screen's
 * list; every newly opened screen gets focus on its heading, except a return from a workspace,
 * which lands on that workspace's row.
 */
export function useKeyboard(): void {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const hidePopover = useAppStore((s) => s.hidePopover);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        if (isField(event.target)) return focusScreenHeading();
        const back = backRoute(route);
        if (back) navigate(back);
        else if (isPopoverWindow()) void hidePopover();
        return;
      }
      // Down or Up from outside the screen's list (the heading, the page) enters it.
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const list = document.getElementById('main')?.querySelector<HTMLElement>('[data-nav-list]');
      const active = document.activeElement;
      if (!list || isField(event.target) || (active instanceof Node && list.contains(active))) return;
      if (moveFocusInList(list, event.key === 'ArrowDown' ? 'Home' : 'End')) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [route, navigate, hidePopover]);

  const previous = useRef<Route | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = route;
    // The first screen keeps the browser's own focus; only a change of screen moves it.
    if (before === null || sameRoute(before, route)) return;
    const main = document.getElementById('main');
    if (route.screen === 'overview' && (before.screen === 'workspace' || before.screen === 'reading') && main)
      if (focusWorkspaceItem(main, before.workspaceId)) return;
    // A screen made for typing one thing (the reading field) focused its field as it opened: keep it.
    if (main && main.contains(document.activeElement) && isField(document.activeElement)) return;
    focusScreenHeading();
  }, [route]);
}
