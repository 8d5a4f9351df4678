import { AppError } from '../../../shared/errors';
import { stopFieldsSchema, type DeliveryStop, type StopFields } from '../../../shared/domain/delivery-routes';
import { readCsv, CsvReadError } from '../catalog/csv/read-csv';
import { decodeText } from '../catalog/csv/decode';
import type { ServiceContext } from '../context';
import { insertStops, type Day } from './stops';

/**
 * The import's columns, by header (any case; a few common aliases). Weight is in
 * kilograms and volume in litres, as people write them; stored as grams and cm³.
 */
const COLUMNS = {
  name: ['name', 'recipient', '名称', '收货人'],
  address: ['address', '地址'],
  latitude: ['latitude', 'lat', '纬度'],
  longitude: ['longitude', 'lng', 'lon', '经度'],
  weightKg: ['weight_kg', 'weight', '重量'],
  volumeLitres: ['volume_l', 'volume', '体积'],
  windowStart: ['window_start', 'from', '最早'],
  windowEnd: ['window_end', 'to', '最晚'],
  serviceMinutes: ['service_minutes', 'service', '停留分钟'],
  notes: ['notes', 'note', '备注'],
} as const;

type Column = keyof typeof COLUMNS;

interface ImportIssue {
  path: string;
  message: string;
}

/** Reads every row, and adds them all only if every row is right; otherwise VALIDATION names each bad cell by line. */
export async function importStops(ctx: ServiceContext, day: Day, csv: string): Promise<DeliveryStop[]> {
  const table = await readCsv(decodeText(csv).text).catch((error: unknown) => {
    if (error instanceof CsvReadError)
      throw new AppError('VALIDATION', error.message, {
        issues: [{ path: `line ${error.line}`, message: error.detail }],
      });
    throw error;
  });
  const header = table.header.map((cell) => cell.trim().toLowerCase());
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((column) => [
      column,
      header.findIndex((cell) => (COLUMNS[column] as readonly string[]).includes(cell)),
    ]),
  ) as Record<Column, number>;
  if (index.name < 0)
    throw new AppError('VALIDATION', 'The CSV needs a "name" column', {
      issues: [{ path: `line ${table.headerLine}`, message: `No "name" column; found: ${table.header.join(', ')}` }],
    });
  const decimalComma = table.delimiter === ';';

  const issues: ImportIssue[] = [];
  const stops: Array<{ fields: StopFields }> = [];
  for (const row of table.rows) {
    const cell = (column: Column) => (index[column] < 0 ? '' : (row.cells[index[column]] ?? '').trim());
    const number = (column: Column): number | null => {
      const text = cell(column);
      if (!text) return null;
      const value = Number(decimalComma ? text.replace(',', '.') : text);
      if (!Number.isFinite(value)) {
        issues.push({ path: `line ${row.line}: ${header[index[column]]}`, message: `"${text}" is not a number` });
        return null;
      }
      return value;
    };
    const weightKg = number('weightKg');
    const volumeLitres = number('volumeLitres');
    const serviceMinutes = number('serviceMinutes');
    const parsed = stopFieldsSchema.safeParse({
      name: cell('name'),
      address: cell('address'),
      latitude: number('latitude'),
      longitude: number('longitude'),
      weightGrams: weightKg === null ? 0 : Math.round(weightKg * 1000),
      volumeCm3: volumeLitres === null ? 0 : Math.round(volumeLitres * 1000),
      windowStart: cell('windowStart') || null,
      windowEnd: cell('windowEnd') || null,
      serviceMinutes: serviceMinutes ?? undefined,
      notes: cell('notes'),
    });
    if (parsed.success) stops.push({ fields: parsed.data });
    else
      for (const issue of parsed.error.issues)
        issues.push({ path: `line ${row.line}: ${String(issue.path[0] ?? '')}`, message: issue.message });
  }
  if (issues.length)
    throw new AppError('VALIDATION', `${issues.length} problem(s) in the CSV; nothing was added`, { issues });
  if (!stops.length) throw new AppError('VALIDATION', 'The CSV has no rows', { issues: [] });
  return insertStops(ctx, day, stops, 'csv');
}
