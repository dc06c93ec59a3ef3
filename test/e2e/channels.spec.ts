import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, screenshot, synced, test } from './fixtures';

/** A webhook receiver on loopback for this spec: records what it gets, answers 200. */
async function receiver() {
  const got: { headers: IncomingHttpHeaders; body: { type: string; text: string } }[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body: JSON.parse(text) as { type: string; text: string } });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { got, url: `http://127.0.0.1:${port}/hooks/T0/B0/PRIVATEpart`, close: () => server.close() };
}

/** WCAG contrast ratio of an element's text colour against its background colour (both rgb()). */
function contrastOfText(el: Element): number {
  const style = getComputedStyle(el);
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('Settings: add a webhook channel, send a test that arrives, and see a failing one with its error', async ({
  page,
  demoApp,
}) => {
  const hook = await receiver();
  try {
    await openApp(page, demoApp);
    await synced(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.locator('#channels');
    await section.getByRole('button', { name: 'Add a channel' }).click();
    const form = section.getByRole('form', { name: 'Add a channel' });
    await form.getByLabel('Kind').selectOption('webhook');
    await form.getByLabel('Name').fill('Team hook');
    await form.getByLabel('URL').fill(hook.url);
    await form.getByRole('button', { name: 'Add channel' }).click();
    const row = section.getByRole('listitem', { name: 'Team hook' });
    await expect(row).toContainText('Webhook (JSON)');
    // A primary button stays readable under the pointer (its hover once put the accent-coloured text
    // on the plain hover surface: white on light grey).
    const addButton = section.getByRole('button', { name: 'Add a channel' });
    await addButton.hover();
    expect(await addButton.evaluate(contrastOfText)).toBeGreaterThanOrEqual(4.5);
    await expect(row.locator('.channel-target')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/…part$/);
    await row.getByRole('button', { name: 'Send a test' }).click();
    await expect(row.getByRole('status').first()).toContainText('Sent a test message to "Team hook".');
    await expect(row).toContainText(/Delivered /);
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]!.body.type).toBe('test');
    expect(hook.got[0]!.headers['idempotency-key']).toMatch(/^test\|ch-[0-9a-f]{8}\|/);

    // A channel whose receiver is gone: its test fails and the row says why.
    await section.getByRole('button', { name: 'Add a channel' }).click();
    const second = section.getByRole('form', { name: 'Add a channel' });
    await second.getByLabel('Kind').selectOption('teams');
    await second.getByLabel('Name').fill('Old Teams flow');
    await second.getByLabel('URL').fill('http://127.0.0.1:1/workflows/gone');
    await second.getByRole('button', { name: 'Add channel' }).click();
    const failing = section.getByRole('listitem', { name: 'Old Teams flow' });
    await failing.getByRole('button', { name: 'Send a test' }).click();
    await expect(failing.getByRole('alert')).toContainText('The test message to "Old Teams flow" failed');
    await expect(failing).toContainText(/Failing: could not reach 127\.0\.0\.1:1/);
    await screenshot(page, 'settings-channels');

    // The URL is a secret: never in settings.json.
    expect(readFileSync(join(demoApp.dataDir, 'settings.json'), 'utf8')).not.toContain('PRIVATEpart');
  } finally {
    hook.close();
  }
});
