import type { InvokeHandlers } from '../ipc/invoke-handlers';
import {
  addChannel,
  listChannels,
  removeChannel,
  updateChannel,
  type ChannelAdminDeps,
} from '../delivery/channel-admin';
import type { DeliveryService } from '../delivery/delivery-service';

type ChannelHandlers = Pick<
  InvokeHandlers,
  'listChannels' | 'addChannel' | 'updateChannel' | 'removeChannel' | 'testChannel'
>;

/** The Settings calls for alert channels: the same functions `creditbar channel` runs. */
export function createChannelHandlers(admin: ChannelAdminDeps, delivery: DeliveryService): ChannelHandlers {
  return {
    listChannels: () => listChannels(admin),
    addChannel: (input) => addChannel(admin, input),
    updateChannel: (input) => updateChannel(admin, input),
    async removeChannel({ id }) {
      await removeChannel(admin, id);
      return admin.settings.get();
    },
    testChannel: ({ id }) => delivery.sendTest(id),
  };
}
