import type { Migration } from '../migrate';

/**
 * A member budget counts integration credits only (c8cc084): budget alerts raised on a message
 * pool before it stay in the alert centre, and closed-period summaries of message pools computed
 * before it keep budget marks, neither of which the engine produces any more. Both go; what a
 * channel was still to hear of those alerts goes with them (migration 11's trigger).
 */
export const messagePoolBudgetMarks: Migration = {
  version: 13,
  name: 'message-pool-budget-marks',
  up(db) {
    db.exec(`
      DELETE FROM raised_alerts WHERE kind = 'member-budget' AND pool = 'message';
      UPDATE period_summaries SET detail = json_set(detail, '$.budgets', json('[]'))
       WHERE pool = 'message' AND json_array_length(detail, '$.budgets') > 0;
    `);
  },
};
