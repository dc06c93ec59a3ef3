/**
 * `creditbar status | head -3`: once the reader has what it wants and closes the pipe, the next write
 * fails with EPIPE. That is the reader's choice, not an error of ours: stop quietly (exit 0) instead
 * of dying with a stack trace on stderr. Any other stream error is still thrown.
 */
export function quietOnClosedPipe(stream: NodeJS.WritableStream, exit: () => void): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit();
    else throw err;
  });
}
