// Is the connection metered? Neither Node nor Electron says, so each OS is asked in its own words:
// NetworkManager's global Metered property on Linux (over D-Bus with busctl, or gdbus), the WinRT
// connection cost through Windows PowerShell. macOS keeps it in Network.framework (Low Data Mode),
// out of reach without native code: there the answer is "unknown". Parsing is pure and tested.
import { execFile } from 'node:child_process';

/** Runs a command and resolves its stdout; rejects on a non-zero exit, a missing command or the timeout. */
export type RunCommand = (file: string, args: string[]) => Promise<string>;

const PROBE_TIMEOUT_MS = 5_000;

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: PROBE_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });

/**
 * NetworkManager's NMMetered from `busctl get-property` ("u 3") or `gdbus call` ("(<uint32 3>,)"):
 * 1 yes and 3 guess-yes are metered, 2 no and 4 guess-no are not (libnm's advice), 0 is unknown.
 */
export function parseNetworkManagerMetered(output: string): boolean | null {
  const match = /^\s*u\s+(\d+)\s*$/.exec(output) ?? /^\s*\(<uint32\s+(\d+)>,?\)\s*$/.exec(output);
  if (!match) return null;
  const value = Number(match[1]);
  if (value === 1 || value === 3) return true;
  if (value === 2 || value === 4) return false;
  return null;
}

/** Windows PowerShell 5.1 can reach WinRT; PowerShell 7 cannot, so powershell.exe is named. */
export const WINDOWS_COST_SCRIPT = [
  '$null=[Windows.Networking.Connectivity.NetworkInformation,Windows.Networking.Connectivity,ContentType=WindowsRuntime];',
  '$p=[Windows.Networking.Connectivity.NetworkInformation]::GetInternetConnectionProfile();',
  'if($p -eq $null){\'none\'}else{$c=$p.GetConnectionCost();"$($c.NetworkCostType) $($c.Roaming) $($c.OverDataLimit)"}',
].join('');

/**
 * The script's answer: "none" (no Internet profile: offline), or the cost type with the roaming and
 * over-limit flags. Fixed and Variable plans, roaming and being over the limit are what Windows
 * itself treats as metered; Unrestricted and Unknown are not.
 */
export function parseWindowsConnectionCost(output: string): { online: boolean; metered: boolean | null } {
  const text = output.trim();
  if (text === 'none') return { online: false, metered: null };
  const [type, roaming, overLimit] = text.split(/\s+/);
  if (!type) return { online: true, metered: null };
  const flagged = roaming === 'True' || overLimit === 'True';
  if (type === 'Fixed' || type === 'Variable' || flagged) return { online: true, metered: true };
  if (type === 'Unrestricted' || type === 'Unknown') return { online: true, metered: false };
  return { online: true, metered: null };
}

const NM = ['org.freedesktop.NetworkManager', '/org/freedesktop/NetworkManager'] as const;

/**
 * Asks the OS whether the connection is metered. Resolves null when it cannot tell (macOS, no
 * NetworkManager, a probe that failed): the caller treats that as unmetered. `online` is false
 * only when Windows says there is no Internet profile.
 */
export async function probeNetworkCost(
  platform: NodeJS.Platform,
  run: RunCommand = runCommand,
): Promise<{ online: boolean | null; metered: boolean | null }> {
  if (platform === 'win32') {
    try {
      const out = await run('powershell.exe', [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        WINDOWS_COST_SCRIPT,
      ]);
      return parseWindowsConnectionCost(out);
    } catch {
      return { online: null, metered: null };
    }
  }
  if (platform === 'linux') {
    const attempts: [string, string[]][] = [
      ['busctl', ['--system', 'get-property', NM[0], NM[1], NM[0], 'Metered']],
      [
        'gdbus',
        [
          'call',
          '--system',
          '--dest',
          NM[0],
          '--object-path',
          NM[1],
          '--method',
          'org.freedesktop.DBus.Properties.Get',
          NM[0],
          'Metered',
        ],
      ],
    ];
    for (const [file, args] of attempts) {
      try {
        return { online: null, metered: parseNetworkManagerMetered(await run(file, args)) };
      } catch {
        // Not installed, or no NetworkManager on the bus: try the next way, then give up.
      }
    }
  }
  return { online: null, metered: null };
}

/** Electron's own online flag and the OS's answer, as the update policy reads them. */
export function networkState(
  online: boolean,
  cost: { online: boolean | null; metered: boolean | null },
): { online: boolean; metered: boolean | null } {
  return { online: online && cost.online !== false, metered: cost.metered };
}
