/**
 * What every invoke returns on the wire, in Electron IPC and in the browser transport alike: the
 * value, or an error the client rethrows with its message intact (Electron would otherwise wrap a
 * thrown error as "Error invoking remote method ...", and a WebSocket cannot carry one at all).
 */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: InvokeError };

export interface InvokeError {
  /** untrusted-sender: not one of the app's windows; unknown-channel: not in the contract; invalid-input: the payload failed its schema; failed: the handler threw. */
  code: 'untrusted-sender' | 'unknown-channel' | 'invalid-input' | 'failed';
  /** One sentence for the user (invalid-input names the field). */
  message: string;
}

/** The value of a result, or a thrown Error carrying the result's message (used by both clients). */
export function unwrapInvokeResult<T>(result: InvokeResult<T>): T {
  if (result.ok) return result.value;
  const error = new Error(result.error.message);
  error.name = result.error.code === 'invalid-input' ? 'InvalidInputError' : 'InvokeError';
  throw error;
}
