import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  resolveSqliteBinding,
  type BindingContext,
  type ElectronSqliteManifest,
} from '../../../../src-main/native/electron-sqlite-binding';

const manifest: ElectronSqliteManifest = {
  electron: '41.7.1',
  platform: 'linux',
  arch: 'x64',
  betterSqlite3: '12.11.1',
  source: 'node-gyp',
  builtAt: '2026-11-20T12:00:00Z',
};

function ctx(
  overrides: Partial<BindingContext> = {},
  manifests: Record<string, ElectronSqliteManifest> = {},
): BindingContext {
  return {
    electronVersion: '41.7.1',
    platform: 'linux',
    arch: 'x64',
    packaged: false,
    projectRoot: '/repo',
    readManifest: (path) => manifests[path] ?? null,
    ...overrides,
  };
}

const devManifest = join('/repo', 'node_modules/.cache/creditbar/electron-sqlite/manifest.json');

describe('resolveSqliteBinding', () => {
  it('leaves plain Node on the regular build (tests, the CLI)', () => {
    expect(resolveSqliteBinding(ctx({ electronVersion: undefined }))).toEqual({});
  });

  it('points Electron at the Electron copy in the checkout', () => {
    expect(resolveSqliteBinding(ctx({}, { [devManifest]: manifest }))).toEqual({
      nativeBinding: join('/repo', 'node_modules/.cache/creditbar/electron-sqlite/better_sqlite3.node'),
    });
  });

  it('points a packaged app at its resources', () => {
    const packaged = join('/opt/Creditbar/resources', 'native/better-sqlite3/manifest.json');
    expect(
      resolveSqliteBinding(
        ctx({ packaged: true, resourcesPath: '/opt/Creditbar/resources' }, { [packaged]: manifest }),
      ),
    ).toEqual({
      nativeBinding: join('/opt/Creditbar/resources', 'native/better-sqlite3/better_sqlite3.node'),
    });
  });

  it('explains a missing Electron copy instead of a NODE_MODULE_VERSION error', () => {
    expect(() => resolveSqliteBinding(ctx())).toThrow(
      'better-sqlite3 has no build for Electron 41.7.1 yet: run `npm run native:electron`',
    );
  });

  it.each([
    ['another Electron', { ...manifest, electron: '40.0.0' }],
    ['another architecture', { ...manifest, arch: 'arm64' }],
    ['another platform', { ...manifest, platform: 'darwin' }],
  ])('refuses a copy built for %s', (_name, built) => {
    expect(() => resolveSqliteBinding(ctx({}, { [devManifest]: built }))).toThrow(
      /was built for Electron .* run `npm run native:electron`/,
    );
  });
});
