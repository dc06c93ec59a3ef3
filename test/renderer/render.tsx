import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Root } from '../../src-renderer/app/root';
import { createAppStore, type AppStore } from '../../src-renderer/store/app-store';
import type { Route } from '../../src-renderer/store/route';
import { StoreProvider } from '../../src-renderer/store/store-context';
import { fakeClient, type FakeClient } from './fake-client';

/** Renders a component inside a store over a fake client, with the store preloaded as given. */
export function renderWithStore(
  ui: ReactNode,
  {
    client = fakeClient(),
    state = {},
  }: { client?: FakeClient; state?: Partial<ReturnType<AppStore['getState']>> } = {},
): RenderResult & { store: AppStore; client: FakeClient } {
  const store = createAppStore(client);
  store.setState(state);
  const result = render(<StoreProvider value={store}>{ui}</StoreProvider>);
  return { ...result, store, client };
}

/** Renders the whole app (Root) over a fake client, as main.tsx does over window.api. */
export function renderApp(
  client: FakeClient = fakeClient(),
  route?: Route,
): RenderResult & { client: FakeClient } {
  return { ...render(<Root client={client} initialRoute={route} />), client };
}
