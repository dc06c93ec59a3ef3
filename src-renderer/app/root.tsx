import { useEffect, useState } from 'react';
import type { CreditbarClient } from '../ipc/client';
import { connectPushes, createAppStore } from '../store/app-store';
import { parseRoute, type Route } from '../store/route';
import { StoreProvider } from '../store/store-context';
import { Shell } from './shell';

/** The whole app around one client: creates its store, loads, and listens to pushes. */
export function Root({
  client,
  initialRoute,
}: {
  client: CreditbarClient;
  initialRoute?: Route;
}): React.JSX.Element {
  const [store] = useState(() => createAppStore(client, initialRoute ?? parseRoute(window.location.hash)));
  useEffect(() => {
    const off = connectPushes(store, client);
    void store.getState().loadSnapshot();
    void store.getState().loadSettings();
    return off;
  }, [store, client]);
  return (
    <StoreProvider value={store}>
      <Shell />
    </StoreProvider>
  );
}
