// Entry of bin/creditbar: the real process, clock and streams.
import { runCli } from './cli';
import { quietOnClosedPipe } from './closed-pipe';

quietOnClosedPipe(process.stdout, () => process.exit(0));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => Date.now(),
  isTty: Boolean(process.stdout.isTTY),
});
