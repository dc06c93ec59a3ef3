import { chromium, type Browser, type BrowserContext, type Cookie } from '@playwright/test';

/** Debian's Chromium, headless, as every dev-only screenshot script here runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Runs `fn` in a fresh context for each look the team checks by eye: the popover's 380 x 560 and the
 * window's 1200 x 850, light and dark, with the session's cookies; `tag` names the files.
 */
export async function eachLook(
  browser: Browser,
  cookies: Cookie[],
  fn: (context: BrowserContext, tag: string) => Promise<void>,
): Promise<void> {
  for (const [w, h] of [
    [380, 560],
    [1200, 850],
  ] as const) {
    for (const dark of [false, true]) {
      const context = await browser.newContext({
        viewport: { width: w, height: h },
        colorScheme: dark ? 'dark' : 'light',
        locale: process.env['SHOT_LOCALE'] ?? 'en-US',
        timezoneId: process.env['SHOT_TZ'] ?? 'Europe/Berlin',
      });
      await context.addCookies(cookies);
      try {
        await fn(context, `${w}x${h}-${dark ? 'dark' : 'light'}`);
      } finally {
        await context.close();
      }
    }
  }
}
