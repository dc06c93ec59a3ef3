/** Where a channel's URL lives in the secret store (beside account tokens, apart by prefix). */
export function channelSecretId(channelId: string): string {
  return `channel:${channelId}`;
}
