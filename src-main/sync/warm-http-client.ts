/**
 * Loads Node's fetch (undici) now. Node compiles it on the first fetch() of the process: 35-70 ms
 * of main-thread CPU (45-160 ms of wall clock on a loaded machine, bench:runtime's CPU profile),
 * which otherwise lands in the middle of the lead's first sync (the test connection of "Add
 * account"). A data: URL takes no network and never fails in a way that matters.
 */
export function warmHttpClient(): void {
  void fetch('data:,')
    .then((r) => r.arrayBuffer())
    .catch(() => undefined);
}
