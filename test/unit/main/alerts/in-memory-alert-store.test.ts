import { InMemoryAlertStore } from '../helpers/in-memory-alert-store';
import { raisedAlertStoreContract } from '../helpers/raised-alert-store-contract';

// The fake used by the loop tests must behave like the real store; the SQLite store runs the same suite.
raisedAlertStoreContract('in-memory', () => {
  const store = new InMemoryAlertStore();
  return { store, reopen: () => store };
});
