import { pushContract, type PushName, type PushPayload } from '../../src-shared/ipc/contract';

/** The part of a webContents a push needs (so tests and the browser transport can supply their own). */
export interface PushTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends a push of the contract to every live target, on its named channel. */
export type Pusher = <N extends PushName>(name: N, payload: PushPayload<N>) => void;

/** A typed pusher over whatever windows are open when it is called. */
export function createPusher(targets: () => Iterable<PushTarget>): Pusher {
  return (name, payload) => {
    const { channel } = pushContract[name];
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(channel, payload);
    }
  };
}
