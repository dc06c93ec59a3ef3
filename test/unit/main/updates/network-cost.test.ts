import { describe, expect, it } from 'vitest';
import {
  networkState,
  parseNetworkManagerMetered,
  parseWindowsConnectionCost,
  probeNetworkCost,
  runCommand,
  type RunCommand,
} from '../../../../src-main/updates/network-cost';

describe('parseNetworkManagerMetered (NMMetered)', () => {
  it.each([
    ['u 1\n', true], // yes
    ['u 3\n', true], // guess-yes: treat like yes (libnm's advice)
    ['u 2\n', false], // no
    ['u 4\n', false], // guess-no
    ['u 0\n', null], // unknown
    ['(<uint32 3>,)\n', true], // gdbus call's shape
    ['(<uint32 4>,)\n', false],
    ['Failed to get property Metered on interface', null],
    ['', null],
  ])('%j → %s', (output, expected) => {
    expect(parseNetworkManagerMetered(output)).toBe(expected);
  });
});

describe('parseWindowsConnectionCost (WinRT ConnectionCost)', () => {
  it.each([
    ['Unrestricted False False\r\n', { online: true, metered: false }],
    ['Fixed False False\r\n', { online: true, metered: true }],
    ['Variable False False\r\n', { online: true, metered: true }],
    ['Unrestricted True False\r\n', { online: true, metered: true }], // roaming
    ['Unrestricted False True\r\n', { online: true, metered: true }], // over the data limit
    ['Unknown False False\r\n', { online: true, metered: false }],
    ['none\r\n', { online: false, metered: null }], // no Internet profile
    ['', { online: true, metered: null }],
  ])('%j → %j', (output, expected) => {
    expect(parseWindowsConnectionCost(output)).toEqual(expected);
  });
});

describe('probeNetworkCost', () => {
  /** The OS commands cannot all run here: a runner that answers per command, or fails like a missing one. */
  const runner = (answers: Record<string, string>): RunCommand & { asked: string[] } => {
    const asked: string[] = [];
    const run = async (file: string) => {
      asked.push(file);
      if (file in answers) return answers[file]!;
      throw Object.assign(new Error(`spawn ${file} ENOENT`), { code: 'ENOENT' });
    };
    return Object.assign(run, { asked });
  };

  it('asks NetworkManager with busctl on Linux', async () => {
    const run = runner({ busctl: 'u 1\n' });
    expect(await probeNetworkCost('linux', run)).toEqual({ online: null, metered: true });
    expect(run.asked).toEqual(['busctl']);
  });

  it('falls back to gdbus, then to "unknown"', async () => {
    const gdbus = runner({ gdbus: '(<uint32 2>,)\n' });
    expect(await probeNetworkCost('linux', gdbus)).toEqual({ online: null, metered: false });
    expect(gdbus.asked).toEqual(['busctl', 'gdbus']);
    expect(await probeNetworkCost('linux', runner({}))).toEqual({ online: null, metered: null });
  });

  it('asks Windows PowerShell on Windows, and knows nothing on macOS', async () => {
    expect(await probeNetworkCost('win32', runner({ 'powershell.exe': 'Fixed False False\r\n' }))).toEqual({
      online: true,
      metered: true,
    });
    expect(await probeNetworkCost('win32', runner({}))).toEqual({ online: null, metered: null });
    const mac = runner({});
    expect(await probeNetworkCost('darwin', mac)).toEqual({ online: null, metered: null });
    expect(mac.asked).toEqual([]);
  });

  it('runs on this machine with the real commands and resolves, whatever is installed', async () => {
    const result = await probeNetworkCost('linux', runCommand);
    expect(result.online).toBeNull();
    expect([true, false, null]).toContain(result.metered);
  });

  it('combines Electron’s online flag with the OS’s answer', () => {
    expect(networkState(true, { online: null, metered: true })).toEqual({ online: true, metered: true });
    expect(networkState(true, { online: false, metered: null })).toEqual({ online: false, metered: null });
    expect(networkState(false, { online: true, metered: false })).toEqual({ online: false, metered: false });
  });
});
