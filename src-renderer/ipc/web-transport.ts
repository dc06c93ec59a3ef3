// Browser mode's stand-in for the preload: the web server (src-main/web) injects this bundle
// (out/renderer/web-transport.js) before the app's own module script, so window.api exists when
// main.tsx runs. Electron never loads it: index.html does not reference it.
import { createRendererApi } from '../../src-shared/ipc/create-renderer-api';
import { createHttpIpc } from './http-ipc';

window.api = createRendererApi(
  createHttpIpc({
    // Wrapped: fetch called as a method of another object throws "Illegal invocation".
    fetch: (url, init) => fetch(url, init),
    openEvents: (url) => new EventSource(url),
  }),
);
