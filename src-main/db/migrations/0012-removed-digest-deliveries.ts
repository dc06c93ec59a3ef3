import type { Migration } from '../migrate';

/**
 * A digest a channel was still to get goes with its account, like an alert (migration 11): a
 * removed account's digests are deleted by ON DELETE CASCADE, and a trigger drops the digest's
 * delivery item unless an open message carries it, and the undelivered message that carries only
 * it. Delivered digests stay in the channel's log. Digest items left by removals before this go now.
 */
export const removedDigestDeliveries: Migration = {
  version: 12,
  name: 'removed-digest-deliveries',
  up(db) {
    db.exec(`
      CREATE TRIGGER digests_drop_deliveries AFTER DELETE ON digests
      BEGIN
        DELETE FROM delivery_messages
         WHERE delivered_at IS NULL AND given_up_at IS NULL
           AND id IN (SELECT message_id FROM delivery_items
                       WHERE kind = 'digest' AND key = 'digest|' || OLD.account_id || '|' || OLD.slot)
           AND NOT EXISTS (SELECT 1 FROM delivery_items i
                            WHERE i.message_id = delivery_messages.id
                              AND i.key <> 'digest|' || OLD.account_id || '|' || OLD.slot);
        DELETE FROM delivery_items
         WHERE kind = 'digest' AND key = 'digest|' || OLD.account_id || '|' || OLD.slot
           AND (message_id IS NULL
                OR message_id IN (SELECT id FROM delivery_messages
                                   WHERE delivered_at IS NOT NULL OR given_up_at IS NOT NULL));
      END;

      DELETE FROM delivery_messages
       WHERE delivered_at IS NULL AND given_up_at IS NULL AND kind = 'digest'
         AND NOT EXISTS (SELECT 1 FROM delivery_items i
                          WHERE i.message_id = delivery_messages.id
                            AND (i.kind <> 'digest'
                                 OR i.key IN (SELECT 'digest|' || account_id || '|' || slot FROM digests)));
      DELETE FROM delivery_items
       WHERE kind = 'digest'
         AND key NOT IN (SELECT 'digest|' || account_id || '|' || slot FROM digests)
         AND (message_id IS NULL
              OR message_id IN (SELECT id FROM delivery_messages
                                 WHERE delivered_at IS NOT NULL OR given_up_at IS NOT NULL));
    `);
  },
};
