// The Electron binding of dispatchInvoke: one ipcMain.handle per channel of the contract.
import { ipcMain } from 'electron';
import { invokeContract, type InvokeName } from '../../src-shared/ipc/contract';
import { dispatchInvoke, type DispatchLog } from './dispatch-invoke';
import type { InvokeHandlers } from './invoke-handlers';
import { checkIpcSender, type TrustedSenders } from './trusted-senders';

/** Registers every handler of the contract; returns a function that removes them again. */
export function registerInvokeHandlers(
  handlers: InvokeHandlers,
  trusted: TrustedSenders,
  isAppUrl: (url: string) => boolean,
  log?: DispatchLog,
): () => void {
  const channels = (Object.keys(invokeContract) as InvokeName[]).map((name) => invokeContract[name].channel);
  for (const channel of channels) {
    // The preload sends exactly one argument; anything more did not come from it.
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      args.length > 1
        ? {
            ok: false,
            error: { code: 'invalid-input', message: `Invalid input for ${channel}: expected one argument.` },
          }
        : dispatchInvoke(handlers, channel, args[0], () => checkIpcSender(event, trusted, isAppUrl), log),
    );
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
