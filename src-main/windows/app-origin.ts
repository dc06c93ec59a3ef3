import { pathToFileURL } from 'node:url';

/**
 * Where the renderer is served from: electron-vite's dev server in development (ELECTRON_RENDERER_URL),
 * the built files under out/renderer otherwise. Senders and navigations are trusted only from here.
 */
export type AppOrigin =
  | { kind: 'dev-server'; url: string; origin: string }
  | { kind: 'file'; indexFile: string; directoryUrl: string };

/** The app's origin from electron-vite's dev-server URL (if any) and the built renderer's index.html path. */
export function resolveAppOrigin(devServerUrl: string | undefined, indexFile: string): AppOrigin {
  if (devServerUrl) {
    const url = new URL(devServerUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`ELECTRON_RENDERER_URL must be http(s), got ${devServerUrl}.`);
    return { kind: 'dev-server', url: url.href, origin: url.origin };
  }
  const index = pathToFileURL(indexFile);
  return { kind: 'file', indexFile, directoryUrl: new URL('.', index).href };
}

/** True when `url` is a page of the app itself (same dev-server origin, or a file inside the renderer folder). */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.kind === 'dev-server') return parsed.origin === origin.origin;
  // file: URLs all share the opaque origin "null", so compare the path: only the built renderer is ours.
  return (
    parsed.protocol === 'file:' &&
    parsed.href.split(/[?#]/)[0]!.startsWith(origin.directoryUrl) &&
    !parsed.pathname.includes('/../')
  );
}
