import type { Dictionary } from './event-columns';
import type { CodeSumsState } from './walk-state';

/** Sums per dictionary code, remembering the order codes were first seen in (the maps' order). */
export class CodeSums {
  sums: Float64Array;
  private seen: Uint8Array;
  readonly order: number[] = [];

  constructor(size: number) {
    this.sums = new Float64Array(Math.max(8, size));
    this.seen = new Uint8Array(this.sums.length);
  }

  add(code: number, x: number): void {
    if (code >= this.seen.length) this.grow(code);
    if (this.seen[code] === 0) {
      this.seen[code] = 1;
      this.order.push(code);
    }
    this.sums[code]! += x;
  }

  saved(): CodeSumsState {
    return { order: [...this.order], sums: this.order.map((c) => this.sums[c]!) };
  }

  static restored(state: CodeSumsState, size: number): CodeSums {
    const sums = new CodeSums(size);
    state.order.forEach((c, i) => sums.add(c, state.sums[i]!));
    return sums;
  }

  toMap(names: Dictionary): Map<string, number> {
    const map = new Map<string, number>();
    for (const c of this.order) map.set(names.values[c]!, this.sums[c]!);
    return map;
  }

  private grow(code: number): void {
    const size = Math.max(code + 1, this.seen.length * 2);
    const sums = new Float64Array(size);
    sums.set(this.sums);
    const seen = new Uint8Array(size);
    seen.set(this.seen);
    this.sums = sums;
    this.seen = seen;
  }
}
