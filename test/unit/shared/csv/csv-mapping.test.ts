import { describe, expect, test } from 'vitest';
import { applyMapSpec, autoMapping, checkMapping } from '../../../../src-shared/csv/csv-mapping';

describe('headers matched automatically where obvious', () => {
  test('the usual names, in any case and punctuation', () => {
    expect(autoMapping(['Date', 'Type', 'Credits', 'User', 'App', 'Event ID'])).toEqual({
      occurredAt: 'Date',
      action: 'Type',
      credits: 'Credits',
      memberId: 'User',
      app: 'App',
      id: 'Event ID',
    });
    expect(
      autoMapping(['occurred_at', 'ACTION', 'credits used', 'member-id', 'Pool', 'Tokens', 'input_hash']),
    ).toEqual({
      occurredAt: 'occurred_at',
      action: 'ACTION',
      credits: 'credits used',
      memberId: 'member-id',
      pool: 'Pool',
      units: 'Tokens',
      inputHash: 'input_hash',
    });
  });

  test('a header fills one field; what no header means is left out', () => {
    expect(autoMapping(['When', 'Notes', 'Cost'])).toEqual({ occurredAt: 'When', credits: 'Cost' });
  });
});

describe('--map names columns by hand', () => {
  const headers = ['Fecha', 'Tipo', 'Créditos', 'Usuario'];

  test('FIELD=COLUMN pairs on top of the automatic match; FIELD= leaves one out', () => {
    const auto = autoMapping(['Date', 'Type', 'Credits']);
    expect(applyMapSpec('occurredAt=Fecha, action=Tipo,credits=Créditos,memberId=Usuario', headers)).toEqual({
      occurredAt: 'Fecha',
      action: 'Tipo',
      credits: 'Créditos',
      memberId: 'Usuario',
    });
    expect(applyMapSpec('credits=', ['Date', 'Type', 'Credits'], auto)).toEqual({
      occurredAt: 'Date',
      action: 'Type',
    });
  });

  test.each([
    ['when=Fecha', '--map "when=Fecha": expected FIELD=COLUMN with FIELD one of occurredAt, action'],
    ['occurredAt', '--map "occurredAt": expected FIELD=COLUMN'],
    [
      'action=Type',
      '--map "action=Type": the file has no column "Type" (its columns: Fecha, Tipo, Créditos, Usuario)',
    ],
  ])('%s is refused in one sentence', (spec, message) => {
    expect(() => applyMapSpec(spec, headers)).toThrow(message);
  });

  test('a file must give an instant and an action; a column fills one field', () => {
    expect(() => checkMapping({ occurredAt: 'Fecha' }, headers)).toThrow(
      'no column gives action (columns: Fecha, Tipo, Créditos, Usuario): name them with --map',
    );
    expect(() => checkMapping({ occurredAt: 'Fecha', action: 'Tipo', app: 'Tipo' }, headers)).toThrow(
      'column "Tipo" is mapped to both action and app',
    );
  });
});
