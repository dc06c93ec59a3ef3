import { cyrb53Lanes } from '../../src-shared/hash/cyrb53';

/** A seeded pseudo-random source: the simulator and fault mode never call Math.random. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item, chosen with the given weights. */
  pick<T>(items: readonly T[], weights?: ArrayLike<number>): T;
  /** An index into weights, chosen in proportion to them. */
  weighted(weights: ArrayLike<number>): number;
  /** A standard normal draw (Box-Muller). */
  normal(): number;
  /** A new independent stream, named, so that adding draws to one part never shifts another. */
  fork(name: string): Random;
}

/** cyrb53-style string hash to a 32-bit seed. */
export function hashSeed(text: string): number {
  const [h1, h2] = cyrb53Lanes(text);
  return (h2 ^ h1) >>> 0;
}

/** A seeded generator (mulberry32), forkable by name. */
export function createRandom(seed: number | string): Random {
  const base = typeof seed === 'number' ? `${seed}` : seed;
  let state = hashSeed(base);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items, weights) => items[weights ? random.weighted(weights) : Math.floor(next() * items.length)]!,
    weighted: (weights) => {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i]!;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: (name) => createRandom(`${base}/${name}`),
  };
  return random;
}
