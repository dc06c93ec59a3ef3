import { invokeContract, pushContract, type InvokeName, type PushName, type RendererApi } from './contract';
import { unwrapInvokeResult, type InvokeResult } from './invoke-result';

/** The parts of ipcRenderer the API uses: Electron's ipcRenderer, the browser mode's HTTP transport, or a test fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Builds window.api from the contract: one named function per call, one subscribe function per push.
 * There is no generic invoke, so a compromised page can reach only these channels; the IPC event is
 * never handed to the page, only the payload.
 */
export function createRendererApi(ipc: IpcRendererLike): RendererApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(invokeContract) as InvokeName[]) {
    const { channel } = invokeContract[name];
    api[name] = async (input?: unknown) =>
      unwrapInvokeResult((await ipc.invoke(channel, input)) as InvokeResult<unknown>);
  }
  for (const name of Object.keys(pushContract) as PushName[]) {
    const { channel } = pushContract[name];
    api[name] = (listener: (payload: unknown) => void) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => void ipc.removeListener(channel, wrapped);
    };
  }
  return Object.freeze(api) as RendererApi;
}
