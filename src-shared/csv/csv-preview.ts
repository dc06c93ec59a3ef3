import type { UsageEvent } from '../types/ledger';
import type { CsvField, CsvMapping } from './csv-mapping';

/** One month of a file: events and their credits (priced by the workspace's rate card where a row gives none). */
export interface CsvMonthTotal {
  month: string;
  events: number;
  credits: number;
  /** Events whose credits the rate card priced (the row gave none). */
  priced: number;
}

/** What a file would import, before anything is stored. */
export interface CsvPreview {
  source: string;
  headers: string[];
  mapping: CsvMapping;
  /** Fields the headers matched without being named. */
  matched: CsvField[];
  rows: number;
  /** The first five events, with the line each comes from. */
  first: { line: number; event: UsageEvent; credits: number; priced: boolean }[];
  months: CsvMonthTotal[];
  /** Rows that listed an id already seen with the same values: counted once. */
  repeated: number;
}

export interface CsvImportResult extends CsvPreview {
  inserted: number;
  /** Events whose ids the cache already had (the file, or part of it, was imported before). */
  duplicates: number;
  /** Events older than the detail the cache keeps (their months live on as summaries only). */
  skippedOld: number;
}
