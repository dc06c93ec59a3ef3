import { realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/** The script the server injects so the page gets window.api over HTTP (built by electron-vite, see electron.vite.config.ts). */
export const WEB_TRANSPORT_SCRIPT = '<script type="module" src="/web-transport.js"></script>';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The Content-Type of a served file, or undefined for a kind the renderer never ships (not served). */
export function contentTypeOf(path: string): string | undefined {
  return contentTypes[extname(path).toLowerCase()];
}

/**
 * The file under `rendererDir` that a URL path names, or undefined when it names nothing servable:
 * outside the folder (`..`, encoded or not, or a symlink out), a folder, a dotfile, an HTML page
 * (only index.html is served, and through its own route) or an unknown kind.
 */
export function resolveStaticFile(rendererDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const type = contentTypeOf(decoded);
  if (!type || type.startsWith('text/html')) return undefined;
  try {
    const root = realpathSync(rendererDir);
    const file = realpathSync(resolve(root, ...segments));
    return file.startsWith(root + sep) && statSync(file).isFile() ? file : undefined;
  } catch {
    // Missing (or vanished mid-rebuild): not found, like any other path.
    return undefined;
  }
}

/** The content of the renderer's CSP meta tag (whitespace collapsed to single spaces), or undefined. */
export function extractCsp(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attribute = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
    const equiv = attribute('http-equiv');
    if ((equiv?.[1] ?? equiv?.[2])?.toLowerCase() !== 'content-security-policy') continue;
    const content = attribute('content');
    const value = content?.[1] ?? content?.[2];
    if (value === undefined) return undefined;
    return value
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return undefined;
}

/**
 * The built index.html as browser mode serves it: the transport script placed before the app's
 * first module script (module scripts run in document order, so window.api exists when the app
 * starts), and the CSP it declares, to send as a header too. Throws when either is missing, since
 * the page would then start without an API or without its policy.
 */
export function prepareIndexHtml(html: string): { html: string; csp: string } {
  const csp = extractCsp(html);
  if (!csp)
    throw new Error('The built index.html has no Content-Security-Policy meta tag: rebuild the renderer.');
  const appScript = /<script\b[^>]*\btype=["']?module["']?[^>]*>/i.exec(html);
  if (!appScript)
    throw new Error('The built index.html has no module script to start the app: rebuild the renderer.');
  const injected = `${html.slice(0, appScript.index)}${WEB_TRANSPORT_SCRIPT}\n    ${html.slice(appScript.index)}`;
  return { html: injected, csp };
}
