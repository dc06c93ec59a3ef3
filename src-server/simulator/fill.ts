import { DAY_MS } from '../../src-shared/time/instant';
import { draftOf, drawFor, fillerFor, fingerprint, unitHash, type Draft, type PoolDrawer } from './draw';
import type { Random } from './prng';
import { HOUR_MS } from './rhythm';
import { TimeSampler } from './time-sampler';

/** A stretch of time and the credits its events must add up to. */
export interface Part {
  start: number;
  end: number;
  credits: number;
}

/** Repeated inputs may take at most this share of a part's credits, so the rest keeps its rhythm. */
const REPEAT_SHARE = 0.5;

/**
 * Days on which an app sends one input over and over (more than 100 calls: a cache candidate),
 * each as a run of calls in a few hours of a weekday. Returns the credits they cost.
 */
function addRepeats(
  d: PoolDrawer,
  seed: number,
  part: Part,
  sampler: TimeSampler,
  random: Random,
  out: Draft[],
): number {
  let spent = 0;
  for (const r of d.spec.repeats ?? []) {
    const action = d.spec.actions.find((a) => a.action === r.action)!;
    const member = sampler.memberIndex(r.memberId);
    for (let day = Math.floor(part.start / DAY_MS); day * DAY_MS < part.end; day++) {
      const dow = (day + 4) % 7;
      if (dow === 0 || dow === 6 || unitHash(`${seed}/${d.ws.workspace.id}/${r.input}/${day}`) >= r.chance)
        continue;
      const from = day * DAY_MS + (8 + random.int(0, 4)) * HOUR_MS;
      const span = random.int(3, 6) * HOUR_MS;
      if (from < part.start || from + span > part.end) continue; // only whole runs, so each day really passes 100
      const calls = random.int(r.calls[0], r.calls[1]);
      const runs: Draft[] = [];
      let cost = 0;
      for (let i = 0; i < calls; i++) {
        const draft = draftOf(d, action, r.memberId, Math.floor(from + random.next() * span), random);
        if (r.units !== undefined) {
          draft.units = r.units;
          draft.price = d.price(draft.action, draft.units, draft.t).credits;
        }
        draft.inputHash = fingerprint(r.input);
        cost += draft.price;
        runs.push(draft);
      }
      if (member < 0 || spent + cost > part.credits * REPEAT_SHARE) continue;
      spent += cost;
      out.push(...runs);
    }
  }
  return spent;
}

/**
 * Draws events of one pool over a part until their prices add up to its credits, never more (the
 * last calls are one-credit fillers): the calibration relies on landing within one credit of it.
 */
export function fillPart(d: PoolDrawer, seed: number, part: Part, random: Random, out: Draft[]): void {
  if (part.credits < 1) return;
  const sampler = new TimeSampler(d.ws, seed, part.start, part.end);
  let gap = part.credits - addRepeats(d, seed, part, sampler, random, out);
  // Free calls do not close the gap; the bound only guards against a pool with nothing priced.
  for (let guard = 0; gap >= 1 && guard < 10_000_000; guard++) {
    const { member, t } = sampler.sample(random);
    let draft = drawFor(d, member, t, random);
    if (draft.price > gap) draft = fillerFor(d, member, t, random);
    if (draft.price > gap) break;
    out.push(draft);
    gap -= draft.price;
  }
}
