import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store-context';
import { exportUrl, startDownload } from './download';

interface Done {
  url: string;
  filename: string;
}

/** Export the month under review as CSV or JSON; the file downloads and a link stays to save it again. */
export function ExportButtons(): React.JSX.Element {
  const exportHistory = useAppStore((s) => s.exportHistory);
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (done) URL.revokeObjectURL(done.url);
    },
    [done],
  );

  async function run(format: 'csv' | 'json'): Promise<void> {
    setBusy(format);
    setError(null);
    const r = await exportHistory(format);
    setBusy(null);
    if (!r.ok) {
      setError(`The export failed: ${r.message}`);
      return;
    }
    const url = exportUrl(r.value);
    setDone({ url, filename: r.value.filename });
    startDownload(url, r.value.filename);
  }

  return (
    <div className="export" role="group" aria-label="Export this month">
      <button type="button" className="button" onClick={() => void run('csv')} disabled={busy !== null}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" className="button" onClick={() => void run('json')} disabled={busy !== null}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      {done ? (
        <a className="download-link" href={done.url} download={done.filename} data-testid="download-link">
          Save {done.filename} again
        </a>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
