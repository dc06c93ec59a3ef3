import type { PeriodResult } from '../../src-shared/engine/period-result';
import type { TopConsumer } from '../../src-shared/ipc/snapshot';

function largest(map: ReadonlyMap<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  // Ties go to the id that sorts first, so the line never flips between two equal members.
  for (const [key, credits] of map)
    if (credits > 0 && (best === null || credits > best[1] || (credits === best[1] && key < best[0])))
      best = [key, credits];
  return best;
}

/**
 * Who spent the most of a period's credits and on what: the member with the largest share of the
 * credits spent, and that member's own largest action. Null when nothing was spent on calls
 * (readings carry no member) or the walk kept no per-member actions (a period from its summary).
 */
export function topConsumerOf(
  r: Pick<PeriodResult, 'byMember' | 'byMemberAction'>,
  names: ReadonlyMap<string, string>,
): TopConsumer | null {
  const member = largest(r.byMember);
  if (!member) return null;
  let spent = 0;
  for (const credits of r.byMember.values()) spent += credits;
  const action = r.byMemberAction?.get(member[0]);
  const top = action ? largest(action) : null;
  return {
    memberId: member[0],
    name: names.get(member[0]) || member[0],
    credits: member[1],
    share: (member[1] / spent) * 100,
    action: top ? top[0] : null,
    actionShare: top ? (top[1] / member[1]) * 100 : null,
  };
}
