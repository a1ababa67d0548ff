import "server-only";
import Papa from "papaparse";
import { IMPORT_ROWS_MAX, type ImportProblem } from "@/lib/transfer/model";

/**
 * A CSV file read with Papa Parse (never split by hand: quoted commas, doubled quotes and line
 * breaks inside cells are the parser's business). Rows are numbered as a spreadsheet shows
 * them, the header being row 1, counting records rather than lines. Empty rows are dropped.
 */

export interface CsvRow {
  row: number;
  /** Cell values by header name; a missing cell is "". */
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  problems: ImportProblem[];
  /** More records than an import may hold were there; they were not read. */
  tooLong: boolean;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'A quoted cell is never closed: a " is missing',
  InvalidQuotes: 'A quoted cell has text after its closing "',
};

/** Records read at most: every task row, with room for Todoist's section, note and blank rows. */
const RECORDS_MAX = IMPORT_ROWS_MAX * 2 + 1;

/** The first record, for telling formats apart without reading the whole file. */
export function csvHeader(text: string): string[] {
  const { data } = Papa.parse<string[]>(text, { delimiter: ",", preview: 1 });
  return (data[0] ?? []).map((cell) => cell.trim());
}

export function readCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", preview: RECORDS_MAX });
  const [head = [], ...records] = parsed.data;
  const header = head.map((cell) => cell.trim());
  const problems: ImportProblem[] = parsed.errors.map((error) => ({
    row: (error.row ?? 0) + 1,
    reason: QUOTE_PROBLEMS[error.code] ?? error.message,
  }));
  const rows: CsvRow[] = [];
  for (const [index, record] of records.entries()) {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === "")) continue;
    if (record.slice(header.length).some((cell) => cell.trim() !== "")) {
      problems.push({
        row,
        reason: `This row has ${record.length} cells; the header has ${header.length}`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    for (const [i, name] of header.entries()) cells[name] = record[i] ?? "";
    rows.push({ row, cells });
  }
  return { header, rows, problems, tooLong: parsed.meta.truncated };
}
