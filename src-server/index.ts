// Entry of bin/creditbar-server and `npm run server`: the real process, environment and signals.
import { runServerCli } from './cli/run';

let stopping: (() => Promise<void>) | undefined;
const stopOnce = async () => {
  const stop = stopping;
  stopping = undefined;
  if (stop) await stop();
  process.exit(0);
};
process.once('SIGINT', stopOnce);
process.once('SIGTERM', stopOnce);

process.exitCode = await runServerCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  onStop: (stop) => {
    stopping = stop;
  },
});
if (process.exitCode !== 0 || !stopping) {
  process.removeListener('SIGINT', stopOnce);
  process.removeListener('SIGTERM', stopOnce);
}
