import type { z } from 'zod';
import type { InvokeContract, InvokeName, InvokeOutput } from '../../src-shared/ipc/contract';

/** The input a handler receives: the payload after its zod schema accepted it. */
export type HandlerInput<N extends InvokeName> = z.output<InvokeContract[N]['input']>;

/** One handler per call of the contract, typed by it. Both transports (Electron IPC, browser mode) take this object. */
export type InvokeHandlers = {
  [N in InvokeName]: (input: HandlerInput<N>) => InvokeOutput<N> | Promise<InvokeOutput<N>>;
};
