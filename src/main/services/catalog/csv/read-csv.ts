import { CsvError, parse } from 'csv-parse/sync';
import type { ImportIssue } from '../../../../shared/contract/imports';
import { makeIssue, type IssueMessages } from './issues';

export interface CsvRow {
  /** The line of the file where the row starts; the header is line 1 (or 2 after Excel's "sep=" line). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  delimiter: string;
}

export class CsvReadError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Line ${line}: ${detail}`);
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The first line's most frequent separator outside quotes: Excel in much of Europe saves with ";". */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 100_000; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function lineBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) {
      const code = cell.charCodeAt(i);
      if (code === 10) count++;
      else if (code === 13 && cell.charCodeAt(i + 1) !== 10) count++;
    }
  }
  return count;
}

/** Pieces parsed between two pauses, so a 100,000-row file never holds the event loop for long. */
const PIECE_CHARS = 512 * 1024;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Where the piece that starts at `start` (a row's start) should end: after the first line
 * break past `start + size` that is not inside a quoted cell. Quotes count as csv-parse
 * reads them: a quote opens a cell only at its start, and "" inside a quoted cell is a quote.
 */
export function pieceEnd(text: string, start: number, size: number, delimiter: string): number {
  const separator = delimiter.charCodeAt(0);
  let quoted = false;
  let cellStart = true;
  for (let i = start; i < text.length;) {
    const code = text.charCodeAt(i);
    if (quoted) {
      if (code === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          i += 2;
          continue;
        }
        quoted = false;
      }
      i++;
    } else if (code === QUOTE && cellStart) {
      quoted = true;
      cellStart = false;
      i++;
    } else if (code === LF || code === CR) {
      const end = code === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      if (end - start >= size) return end;
      cellStart = true;
      i = end;
    } else {
      cellStart = code === separator;
      i++;
    }
  }
  return text.length;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/**
 * Reads CSV text with csv-parse: quoted cells with separators and line breaks in them,
 * CRLF, LF or CR line ends (even mixed), blank lines and rows of empty cells skipped,
 * and rows shorter than the header padded. Every row keeps the line it starts on, for
 * the report. Large text is parsed in pieces cut between rows, pausing after each.
 */
export async function readCsv(
  input: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<CsvTable> {
  let text = input;
  let lineOffset = 0;
  let delimiter: string | null = null;
  // Excel's hint line: "sep=;" names the separator.
  const hint = /^sep=(.)\r?\n/i.exec(text.slice(0, 10));
  if (hint) {
    delimiter = hint[1];
    text = text.slice(hint[0].length);
    lineOffset = 1;
  }
  delimiter ??= sniffDelimiter(text);
  const table: CsvRow[] = [];
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start, PIECE_CHARS, delimiter);
    const piece = text.slice(start, end);
    // Parsed as bytes: csv-parse reports where each record ends as a byte offset.
    const bytes = Buffer.from(piece, 'utf8');
    let records: Array<{ record: string[]; info: { bytes: number } }>;
    try {
      records = parse(bytes, {
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        skip_records_with_empty_values: true,
        info: true,
      }) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
    } catch (error) {
      if (error instanceof CsvError) {
        const line = Number((error as CsvError & { lines?: number }).lines ?? 0) + lineOffset;
        throw new CsvReadError(line, error.message.replace(/^[^:]{1,40}: /, ''));
      }
      throw error;
    }
    // The line a record starts on: the line it ends on, less the line breaks inside its cells.
    let scanned = 0;
    let breaks = 0;
    for (const { record, info } of records) {
      for (; scanned < info.bytes; scanned++) {
        const code = bytes[scanned];
        if (code === LF || (code === CR && bytes[scanned + 1] !== LF)) breaks++;
      }
      const last = bytes[info.bytes - 1];
      const endLine = 1 + breaks - (last === LF || last === CR ? 1 : 0);
      table.push({ line: endLine - lineBreaks(record) + lineOffset, cells: record });
    }
    lineOffset += countLineBreaks(piece);
    start = end;
    onProgress(end, text.length);
    if (start < text.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const [header, ...rows] = table;
  return {
    header: header?.cells.map((cell) => cell.trim()) ?? [],
    headerLine: header?.line ?? 1,
    rows,
    delimiter,
  };
}

/**
 * An import file as a table, or the problem that ends its dry run at once: CSV that does
 * not parse, no rows, or more rows than an import takes. Both imports (catalogue and
 * order history) read their files this way; `messages` words the problem.
 */
export async function readImportTable(
  text: string,
  maxRows: number,
  onProgress: (done: number, total: number) => void,
  messages?: IssueMessages,
): Promise<{ table: CsvTable; problem: null } | { table: CsvTable | null; problem: ImportIssue }> {
  let table: CsvTable;
  try {
    table = await readCsv(text, onProgress);
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    const where = { line: error.line };
    return {
      table: null,
      problem: makeIssue('error', 'csvBroken', where, { ...where, detail: error.detail }, messages),
    };
  }
  if (table.header.length === 0 || table.rows.length === 0) {
    return { table, problem: makeIssue('error', 'emptyFile', {}, {}, messages) };
  }
  if (table.rows.length > maxRows) {
    return { table, problem: makeIssue('error', 'tooManyRows', {}, { max: maxRows }, messages) };
  }
  return { table, problem: null };
}
