import { useId, useState } from 'react';
import { CSV_FIELDS, type CsvField, type CsvMapping } from '../../../src-shared/csv/csv-mapping';
import type { CsvPreview } from '../../../src-shared/csv/csv-preview';
import { formatCredits } from '../../components/format';
import { useAppStore, useWorkspaces } from '../../store/store-context';

const FIELD_LABEL: Record<CsvField, string> = {
  occurredAt: 'Date and time',
  action: 'Action',
  credits: 'Credits',
  memberId: 'Member',
  app: 'App',
  id: 'Id',
  pool: 'Pool',
  units: 'Units (tokens, pages)',
  inputHash: 'Input fingerprint',
};

/**
 * Settings → Import usage from a CSV: pick a workspace kept on this computer and a file; the
 * columns are matched where obvious and can be changed; the first rows and the totals by month show
 * before anything is stored; a bad row is named by line and column and nothing is stored.
 */
export function CsvImportSection(): React.JSX.Element | null {
  const id = useId();
  const workspaces = useWorkspaces().filter((w) => w.source !== 'sync');
  const previewCsv = useAppStore((s) => s.previewCsv);
  const importCsv = useAppStore((s) => s.importCsv);
  const [workspaceId, setWorkspaceId] = useState<string>('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const target = workspaceId || workspaces[0]?.id || '';

  async function runPreview(next: { name: string; text: string }, map: CsvMapping): Promise<void> {
    setBusy(true);
    setMessage(null);
    const r = await previewCsv({ workspaceId: target, source: next.name, text: next.text, mapping: map });
    setBusy(false);
    if (!r.ok) {
      setPreview(null);
      setMessage({ ok: false, text: r.message });
      return;
    }
    setPreview(r.value);
    setMapping(r.value.mapping);
  }

  async function pick(event: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const next = { name: chosen.name, text: await chosen.text() };
    setFile(next);
    setMapping({});
    await runPreview(next, {});
  }

  async function remap(field: CsvField, header: string): Promise<void> {
    const next: CsvMapping = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    setMapping(next);
    if (file) await runPreview(file, next);
  }

  async function confirm(): Promise<void> {
    if (!file || !preview) return;
    setBusy(true);
    const r = await importCsv({ workspaceId: target, source: file.name, text: file.text, mapping });
    setBusy(false);
    if (!r.ok) {
      setMessage({ ok: false, text: r.message });
      return;
    }
    const v = r.value;
    setMessage({
      ok: true,
      text: `Imported ${v.inserted.toLocaleString()} new event${v.inserted === 1 ? '' : 's'} from ${v.rows.toLocaleString()} rows${v.duplicates > 0 ? `; ${v.duplicates.toLocaleString()} were already here` : ''}.`,
    });
    setPreview(null);
    setFile(null);
  }

  return (
    <section
      className="card settings-section"
      aria-labelledby={`${id}-title`}
      id="csv-import"
      data-testid="csv-import"
    >
      <h2 id={`${id}-title`}>Import usage from a CSV</h2>
      {workspaces.length === 0 ? (
        <p className="muted">
          Add a workspace by hand first: a CSV goes into a workspace kept on this computer.
        </p>
      ) : (
        <>
          <p className="hint">
            One row per call: a date (ISO 8601 or YYYY-MM-DD HH:MM, UTC unless it says otherwise) and an
            action, with credits, member and app where the file has them. Importing the same file again adds
            nothing.
          </p>
          <div className="field">
            <label htmlFor={`${id}-ws`}>Workspace</label>
            <select id={`${id}-ws`} value={target} onChange={(e) => setWorkspaceId(e.target.value)}>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>CSV file</label>
            <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => void pick(e)} />
          </div>
          {preview ? (
            <>
              <fieldset className="csv-mapping">
                <legend>Columns</legend>
                {CSV_FIELDS.map((field) => (
                  <div className="field inline" key={field}>
                    <label htmlFor={`${id}-map-${field}`}>{FIELD_LABEL[field]}</label>
                    <select
                      id={`${id}-map-${field}`}
                      value={mapping[field] ?? ''}
                      onChange={(e) => void remap(field, e.target.value)}
                    >
                      <option value="">(none)</option>
                      {preview.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
              <table className="data-table compact" data-testid="csv-preview">
                <caption>
                  First {preview.first.length} of {preview.rows.toLocaleString()} rows as events
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">When (UTC)</th>
                    <th scope="col">Action</th>
                    <th scope="col">Member</th>
                    <th scope="col">Credits</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.first.map((f) => (
                    <tr key={f.line}>
                      <td>{f.line}</td>
                      <td>{f.event.occurredAt.slice(0, 16).replace('T', ' ')}</td>
                      <td>{f.event.action}</td>
                      <td>{f.event.memberId}</td>
                      <td>
                        {formatCredits(f.credits)}
                        {f.priced ? ' (priced)' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="data-table compact">
                <caption>Totals by month</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Events</th>
                    <th scope="col">Credits</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.months.map((m) => (
                    <tr key={m.month}>
                      <td>{m.month}</td>
                      <td>{m.events.toLocaleString()}</td>
                      <td>{formatCredits(m.credits)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="button-row">
                <button
                  type="button"
                  className="button primary"
                  disabled={busy}
                  onClick={() => void confirm()}
                >
                  {busy ? 'Importing…' : `Import ${preview.rows.toLocaleString()} rows`}
                </button>
              </div>
            </>
          ) : null}
          {message ? (
            <p
              className={message.ok ? 'form-ok' : 'field-error'}
              role={message.ok ? 'status' : 'alert'}
              data-testid="csv-result"
            >
              {message.text}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
