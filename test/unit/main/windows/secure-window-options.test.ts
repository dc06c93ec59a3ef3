import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppOrigin } from '../../../../src-main/windows/app-origin';
import {
  denyAllPermissions,
  hardenWebContents,
  mainWindowOptions,
  popoverWindowOptions,
  secureWebPreferences,
} from '../../../../src-main/windows/secure-window-options';

// Electron cannot run here: the window adapters get a fake BrowserWindow that records its options.
const created: { options: Electron.BrowserWindowConstructorOptions; loaded: unknown[] }[] = [];
vi.mock('electron', () => {
  class FakeBrowserWindow {
    readonly record: { options: Electron.BrowserWindowConstructorOptions; loaded: unknown[] };
    readonly webContents = { isDevToolsOpened: () => false };
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string, options: unknown) {
      this.record.loaded.push([file, options]);
      return Promise.resolve();
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    isDestroyed() {
      return false;
    }
    focus() {}
  }
  return { BrowserWindow: FakeBrowserWindow, screen: {} };
});

const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
};

describe('window options', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it.each([
    ['secureWebPreferences', () => secureWebPreferences('/app/out/preload/index.cjs')],
    ['popover', () => popoverWindowOptions('/app/out/preload/index.cjs').webPreferences!],
    ['main window', () => mainWindowOptions('/app/out/preload/index.cjs').webPreferences!],
  ])('%s: isolated, sandboxed, no Node, web security on, the CommonJS preload', (_name, prefs) => {
    expect(prefs()).toMatchObject({ ...SECURE, preload: '/app/out/preload/index.cjs' });
  });

  it('the popover and main window the app creates get exactly those preferences', async () => {
    const { createPopoverWindow } = await import('../../../../src-main/windows/popover-window');
    const { createMainWindowController } = await import('../../../../src-main/windows/main-window');
    const origin = resolveAppOrigin(undefined, '/app/out/renderer/index.html');
    createPopoverWindow('/app/out/preload/index.cjs', origin);
    await createMainWindowController('/app/out/preload/index.cjs', origin).open();
    expect(created).toHaveLength(2);
    for (const { options, loaded } of created) {
      expect(options.webPreferences).toMatchObject({ ...SECURE, preload: '/app/out/preload/index.cjs' });
      expect(options.webPreferences).not.toHaveProperty('sandbox', false);
      expect(loaded[0]).toEqual([
        '/app/out/renderer/index.html',
        { query: { window: expect.stringMatching(/^(popover|main)$/) } },
      ]);
    }
    expect(created[0]!.options).toMatchObject({
      width: 380,
      height: 560,
      frame: false,
      show: false,
      skipTaskbar: true,
    });
  });
});

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  const fire = (event: string, url?: string) => {
    let prevented = false;
    listeners.get(event)!({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  const isApp = (url: string) => url.startsWith('file:///app/out/renderer/');

  it('denies window.open and hands https links to the browser', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    hardenWebContents(contents, isApp, (url) => opened.push(url));
    expect(open('https://docs.example.com/help')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.example.com/help']);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: cancels leaving the app, allows its own pages',
    (event) => {
      const { contents, fire } = fakeContents();
      hardenWebContents(contents, isApp, () => {});
      expect(fire(event, 'https://evil.example.com/')).toBe(true);
      expect(fire(event, 'file:///home/user/secret.html')).toBe(true);
      expect(fire(event, 'file:///app/out/renderer/index.html')).toBe(false);
    },
  );

  it('never lets a <webview> attach', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, isApp, () => {});
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses permission requests, checks and devices', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers['request'] = h),
      setPermissionCheckHandler: (h: never) => (handlers['check'] = h),
      setDevicePermissionHandler: (h: never) => (handlers['device'] = h),
    } as unknown as Session;
    denyAllPermissions(session);
    const answers: boolean[] = [];
    (handlers['request'] as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', (ok) =>
      answers.push(ok),
    );
    (handlers['request'] as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
      {},
      'notifications',
      (ok) => answers.push(ok),
    );
    expect(answers).toEqual([false, false]);
    expect((handlers['check'] as () => boolean)()).toBe(false);
    expect((handlers['device'] as () => boolean)()).toBe(false);
  });
});
