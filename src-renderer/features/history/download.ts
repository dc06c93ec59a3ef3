import type { ExportResult } from '../../../src-shared/ipc/contract';

/**
 * Turns an export into a Blob URL a link can download. The caller revokes the previous URL when
 * it makes a new one, so a long-lived window does not hold every export in memory.
 */
export function exportUrl(result: ExportResult): string {
  return URL.createObjectURL(new Blob([result.content], { type: result.mime }));
}

/** Starts the download of a Blob URL as a file (the link stays on screen as a fallback). */
export function startDownload(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
