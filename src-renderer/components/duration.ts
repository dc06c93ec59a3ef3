/** How often a countdown of this length needs to redraw to stay exact to its smallest unit. */
export function tickInterval(ms: number): number {
  return ms < 86_400_000 ? 1000 : 60_000;
}
