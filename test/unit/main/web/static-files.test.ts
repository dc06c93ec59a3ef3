import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTypeOf,
  extractCsp,
  prepareIndexHtml,
  WEB_TRANSPORT_SCRIPT,
} from '../../../../src-main/web/static-files';

const rendererIndex = readFileSync(
  resolve(import.meta.dirname, '../../../../src-renderer/index.html'),
  'utf8',
);

describe('extractCsp', () => {
  it("reads the renderer page's policy, whitespace collapsed", () => {
    expect(extractCsp(rendererIndex)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });

  it.each([
    [`<meta content="default-src 'none'" http-equiv="content-security-policy">`, "default-src 'none'"],
    [`<meta http-equiv='Content-Security-Policy' content="a &#39;b&#39;\n   c">`, "a 'b' c"],
    ['<meta name="viewport" content="width=device-width">', undefined],
    ['<p>no meta</p>', undefined],
  ])('%s -> %s', (html, csp) => {
    expect(extractCsp(html)).toBe(csp);
  });
});

describe('prepareIndexHtml', () => {
  it('puts the transport right before the first module script of a built page', () => {
    const built = rendererIndex.replace(
      '<title>Creditbar</title>',
      '<title>Creditbar</title>\n    <script type="module" crossorigin src="./assets/index-x.js"></script>',
    );
    const { html, csp } = prepareIndexHtml(built);
    expect(csp).toBe(extractCsp(rendererIndex));
    expect(html.indexOf(WEB_TRANSPORT_SCRIPT)).toBeGreaterThan(html.indexOf('</title>'));
    expect(html.indexOf(WEB_TRANSPORT_SCRIPT)).toBeLessThan(html.indexOf('./assets/index-x.js'));
    expect(html.replace(`${WEB_TRANSPORT_SCRIPT}\n    `, '')).toBe(built);
  });

  it('refuses a page without a policy or without a module script', () => {
    expect(() => prepareIndexHtml('<script type="module" src="a.js"></script>')).toThrow(
      /no Content-Security-Policy/,
    );
    expect(() =>
      prepareIndexHtml('<meta http-equiv="Content-Security-Policy" content="x"><script src="a.js"></script>'),
    ).toThrow(/no module script/);
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b.js', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['i.svg', 'image/svg+xml'],
    ['i.png', 'image/png'],
    ['f.woff2', 'font/woff2'],
    ['d.json', 'application/json; charset=utf-8'],
    ['notes.txt', undefined],
    ['noext', undefined],
  ])('%s -> %s', (path, type) => {
    expect(contentTypeOf(path)).toBe(type);
  });
});
