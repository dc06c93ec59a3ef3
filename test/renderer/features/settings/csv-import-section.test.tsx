import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NO_MEMBER } from '../../../../src-shared/csv/csv-events';
import type { CsvImportResult, CsvPreview } from '../../../../src-shared/csv/csv-preview';
import { CsvImportSection } from '../../../../src-renderer/features/settings/csv-import-section';
import { fakeClient } from '../../fake-client';
import { demoSnapshot, workspaceCard } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

const FILE = 'Date,Type,Credits,User\n2026-11-20 09:00,email,,ana\n2026-11-20 10:00,integration:slack,1,bo\n';

/** What main answers for FILE: headers matched, the email priced by the rate card (2 on Base44). */
function previewOf(mapping: CsvPreview['mapping']): CsvPreview {
  return {
    source: 'usage.csv',
    headers: ['Date', 'Type', 'Credits', 'User'],
    mapping,
    matched: ['occurredAt', 'action', 'credits'],
    rows: 2,
    first: [
      {
        line: 2,
        event: {
          id: 'csv-1',
          workspaceId: 'studio',
          pool: 'integration',
          action: 'email',
          occurredAt: '2026-11-20T09:00:00.000Z',
          memberId: mapping.memberId ? 'ana' : NO_MEMBER,
        },
        credits: 2,
        priced: true,
      },
      {
        line: 3,
        event: {
          id: 'csv-2',
          workspaceId: 'studio',
          pool: 'integration',
          action: 'integration:slack',
          occurredAt: '2026-11-20T10:00:00.000Z',
          memberId: mapping.memberId ? 'bo' : NO_MEMBER,
        },
        credits: 1,
        priced: false,
      },
    ],
    months: [{ month: '2026-11', events: 2, credits: 3, priced: 1 }],
    repeated: 0,
  };
}

const AUTO = { occurredAt: 'Date', action: 'Type', credits: 'Credits' } as const;

const snapshot = demoSnapshot({
  mode: 'accounts',
  workspaces: [
    workspaceCard(), // synced: not offered, its events come from its account
    workspaceCard({ id: 'studio', name: 'Support studio', source: 'manual' }),
  ],
});

async function pickFile(user: ReturnType<typeof userEvent.setup>) {
  await user.upload(screen.getByLabelText('CSV file'), new File([FILE], 'usage.csv', { type: 'text/csv' }));
}

describe('Settings → Import usage from a CSV', () => {
  it('offers only workspaces kept on this computer, previews the file, lets a column be mapped, then imports', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      getSnapshot: async () => snapshot,
      // Main matches the obvious headers and keeps what the form named.
      previewCsvImport: async ({ mapping }) => previewOf({ ...AUTO, ...mapping }),
      importCsv: async ({ mapping }): Promise<CsvImportResult> => ({
        ...previewOf({ ...AUTO, ...mapping }),
        inserted: 2,
        duplicates: 0,
        skippedOld: 0,
      }),
    });
    renderWithStore(<CsvImportSection />, { client, state: { snapshot } });
    const workspace = screen.getByLabelText('Workspace');
    expect(
      within(workspace)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Support studio']);

    await pickFile(user);
    expect(client.previewCsvImport).toHaveBeenCalledWith({
      workspaceId: 'studio',
      source: 'usage.csv',
      text: FILE,
      mapping: {},
    });
    const table = await screen.findByTestId('csv-preview');
    expect(table).toHaveTextContent('First 2 of 2 rows as events');
    // The email had no credits: priced by the rate card, and the preview says so.
    expect(
      within(within(table).getAllByRole('row')[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '2026-11-20 09:00', 'email', '(not given)', '2 (priced)']);

    // "User" was not matched on its own: the lead maps it to Member, and the preview follows.
    await user.selectOptions(screen.getByLabelText('Member'), 'User');
    expect(client.previewCsvImport).toHaveBeenLastCalledWith(
      expect.objectContaining({
        mapping: { occurredAt: 'Date', action: 'Type', credits: 'Credits', memberId: 'User' },
      }),
    );
    expect(await within(screen.getByTestId('csv-preview')).findByText('ana')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    expect(client.importCsv).toHaveBeenCalledWith({
      workspaceId: 'studio',
      source: 'usage.csv',
      text: FILE,
      mapping: { occurredAt: 'Date', action: 'Type', credits: 'Credits', memberId: 'User' },
    });
    expect(await screen.findByTestId('csv-result')).toHaveTextContent('Imported 2 new events from 2 rows.');
    expect(screen.queryByTestId('csv-preview')).toBeNull();
  });

  it('shows main’s one sentence for a bad row and offers no import', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      previewCsvImport: async () => {
        throw new Error('usage.csv line 3, column Credits: "-2" is not a number of credits (0 or more).');
      },
    });
    renderWithStore(<CsvImportSection />, { client, state: { snapshot } });
    await pickFile(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('line 3, column Credits');
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('says to add a workspace by hand first when there is none', () => {
    renderWithStore(<CsvImportSection />, {
      state: { snapshot: demoSnapshot({ workspaces: [workspaceCard()] }) },
    });
    expect(screen.getByText(/Add a workspace by hand first/)).toBeInTheDocument();
    expect(screen.queryByLabelText('CSV file')).toBeNull();
  });
});
