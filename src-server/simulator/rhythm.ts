import { DAY_MS } from '../../src-shared/time/instant';

/** How a member's apps are used through the week: the shape of their activity, not its volume. */
export type Habit = 'builder' | 'office' | 'occasional' | 'night-owl' | 'weekend' | 'automation';

const HOUR_MS = 3_600_000;

/** Relative activity by local day of week (0 = Sunday). */
const DAY_WEIGHT: Record<Habit, readonly number[]> = {
  builder: [0.3, 1, 1, 1, 1, 0.9, 0.5],
  office: [0.03, 1, 1, 1, 1, 0.9, 0.03],
  occasional: [0.6, 1, 1, 1, 1, 1, 0.6],
  'night-owl': [0.9, 0.9, 0.9, 0.9, 1, 1, 1],
  weekend: [1, 0.25, 0.25, 0.25, 0.25, 0.4, 1],
  automation: [0.8, 1.1, 1.1, 1.1, 1.1, 1.1, 0.8],
};

/** Relative activity by local hour of day. */
function hourWeight(habit: Habit, h: number): number {
  switch (habit) {
    case 'builder':
      return h >= 8 && h < 20 ? 1 : h >= 20 && h < 23 ? 0.5 : 0.08;
    case 'office':
      return h >= 9 && h < 17 ? 1 : h === 8 || h === 17 ? 0.5 : 0.02;
    case 'occasional':
      return h >= 10 && h < 16 ? 1 : 0.05;
    case 'night-owl':
      return h >= 19 || h < 2 ? 1 : h >= 3 && h < 9 ? 0.1 : 0.3;
    case 'weekend':
      return h >= 9 && h < 22 ? 1 : 0.05;
    case 'automation':
      return 1;
  }
}

/** The activity weight of a habit in the hour starting at t (UTC), for a team at utcOffsetHours. */
export function habitWeight(habit: Habit, t: number, utcOffsetHours: number): number {
  const local = t + utcOffsetHours * HOUR_MS;
  const day = Math.floor(local / DAY_MS);
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
  return DAY_WEIGHT[habit][dow]! * hourWeight(habit, hour);
}

/** The mean of habitWeight over a whole week, to normalise a rate to "per average hour". */
export function meanHabitWeight(habit: Habit): number {
  let sum = 0;
  for (let h = 0; h < 24 * 7; h++) sum += habitWeight(habit, h * HOUR_MS, 0);
  return sum / (24 * 7);
}

export { HOUR_MS };
