/** The event fields a CSV column can fill, in the order a mapping is shown. */
export const CSV_FIELDS = [
  'occurredAt',
  'action',
  'credits',
  'memberId',
  'app',
  'id',
  'pool',
  'units',
  'inputHash',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Which column (by header name) fills each field; a field left out is not in the file. */
export type CsvMapping = Partial<Record<CsvField, string>>;

/** Fields a file must provide: an instant and an action for every row. */
export const REQUIRED_FIELDS: readonly CsvField[] = ['occurredAt', 'action'];

/** A CSV's column layout or a --map that does not fit it, in one sentence. */
export class CsvMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvMappingError';
  }
}

/** Header names, lower-cased with anything but letters and digits removed, that mean each field. */
const SYNONYMS: Record<CsvField, readonly string[]> = {
  occurredAt: [
    'occurredat',
    'occurred',
    'date',
    'datetime',
    'time',
    'timestamp',
    'when',
    'createdat',
    'created',
    'at',
  ],
  action: ['action', 'type', 'event', 'eventtype', 'kind', 'operation', 'integration'],
  credits: ['credits', 'credit', 'creditsused', 'cost', 'charged', 'creditscharged', 'amount'],
  memberId: ['memberid', 'member', 'user', 'userid', 'username', 'email', 'who', 'owner'],
  app: ['app', 'application', 'appname', 'appid', 'project'],
  id: ['id', 'eventid', 'uuid', 'callid', 'requestid'],
  pool: ['pool', 'credittype', 'pooltype'],
  units: ['units', 'tokens', 'pages', 'size'],
  inputHash: ['inputhash', 'hash', 'fingerprint'],
};

function normalise(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Matches headers to fields where it is obvious: a header whose normalised name is one of a
 * field's usual names. Each header fills at most one field, each field takes the first header
 * that matches it.
 */
export function autoMapping(headers: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<number>();
  for (const field of CSV_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const index = headers.findIndex((h, i) => !used.has(i) && normalise(h) === synonym);
      if (index >= 0) {
        mapping[field] = headers[index]!;
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/**
 * A `--map "occurredAt=Date,action=Type"` spec on top of the automatic mapping: each pair names a
 * field and the header that fills it; `field=` leaves a field out. Refused with one sentence when a
 * field or header does not exist.
 */
export function applyMapSpec(spec: string, headers: readonly string[], base: CsvMapping = {}): CsvMapping {
  const mapping: CsvMapping = { ...base };
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    const field = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const header = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (eq < 0 || !(CSV_FIELDS as readonly string[]).includes(field))
      throw new CsvMappingError(
        `--map "${pair}": expected FIELD=COLUMN with FIELD one of ${CSV_FIELDS.join(', ')}`,
      );
    if (header === '') {
      delete mapping[field as CsvField];
      continue;
    }
    if (!headers.includes(header))
      throw new CsvMappingError(
        `--map "${pair}": the file has no column "${header}" (its columns: ${headers.join(', ')})`,
      );
    mapping[field as CsvField] = header;
  }
  return mapping;
}

/** Checks a mapping against the headers: required fields present, each column used once. */
export function checkMapping(mapping: CsvMapping, headers: readonly string[]): void {
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  if (missing.length > 0)
    throw new CsvMappingError(
      `no column gives ${missing.join(' and ')} (columns: ${headers.join(', ')}): name them with --map, e.g. --map "occurredAt=Date,action=Type"`,
    );
  const seen = new Map<string, CsvField>();
  for (const field of CSV_FIELDS) {
    const header = mapping[field];
    if (header === undefined) continue;
    if (!headers.includes(header))
      throw new CsvMappingError(`the file has no column "${header}" for ${field}`);
    const other = seen.get(header);
    if (other) throw new CsvMappingError(`column "${header}" is mapped to both ${other} and ${field}`);
    seen.set(header, field);
  }
}
