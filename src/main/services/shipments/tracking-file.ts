import { chunks } from '../../database/chunks';
import { TRACKING_FILE_MAX_ROWS } from '../../../shared/contract/shipments';
import type { ImportIssue } from '../../../shared/contract/imports';
import type { TrackingStatus } from '../../../shared/domain/shipments';
import { AppError } from '../../../shared/errors';
import { decodeBytes, decodeText } from '../catalog/csv/decode';
import { ISSUE_MESSAGES, makeIssue, RowIssues, type IssueMessages } from '../catalog/csv/issues';
import { readImportTable } from '../catalog/csv/read-csv';
import { cellAt } from '../catalog/csv/source';
import type { ServiceContext } from '../context';
import { readDateTime } from '../orders/import/order-values';
import {
  addTrackingEvents,
  eventKey,
  recordedEventKeys,
  rememberEvent,
  type TrackingEventInput,
} from './tracking-events';

const MESSAGES: IssueMessages = {
  ...ISSUE_MESSAGES,
  missingColumn: 'The file has no {{column}} column',
  unknownTrackingNumber: 'No shipment has the tracking number {{value}}',
  ambiguousTrackingNumber: 'The tracking number {{value}} is on {{count}} shipments',
  notShipped: 'Shipment {{number}} with tracking number {{value}} is {{stage}}: only a shipped parcel is tracked',
  badStatus: '{{column}}: "{{value}}" is not a tracking status this import knows',
  badDate: '{{column}}: "{{value}}" is not a date and time (2026-11-27T09:30:00+08:00)',
  timeWithoutZone: '{{column}}: "{{value}}" names no time zone (add +08:00, Z…)',
  futureDate: '{{column}}: {{value}} is in the future',
};

/** The columns of a carrier status file, each with the headers it is known by (docs/tracking-events-csv.md). */
const COLUMNS = {
  trackingNumber: ['tracking_number', 'tracking number', 'waybill', '运单号', '快递单号'],
  status: ['status', '状态'],
  time: ['time', 'occurred_at', 'event time', '时间'],
  location: ['location', '地点'],
  description: ['description', '描述'],
  eventId: ['event_id', 'event id', '事件编号'],
} as const;
type Column = keyof typeof COLUMNS;

/** Our status codes and the words carriers use for them, in English and Chinese. */
const STATUS_WORDS: Record<TrackingStatus, readonly string[]> = {
  label_created: ['label created', 'shipment information received', 'order processed', '已下单', '已制单', '已打单'],
  picked_up: ['picked up', 'pickup', 'collected', 'accepted', '已揽收', '揽收', '已揽件', '揽件', '已收件'],
  in_transit: [
    'in transit',
    'transit',
    'departed',
    'arrived at facility',
    '运输中',
    '在途',
    '转运中',
    '已发出',
    '到达',
  ],
  out_for_delivery: ['out for delivery', 'on vehicle for delivery', '派送中', '派件中', '正在派件', '待派送'],
  delivery_attempted: ['delivery attempted', 'attempted delivery', 'failed attempt', '派送失败', '投递失败', '未妥投'],
  delivered: ['delivered', '已签收', '签收', '已妥投', '妥投', '已送达'],
  exception: ['exception', 'delayed', 'on hold', '异常', '问题件', '疑难件', '滞留'],
  returned_to_sender: ['returned to sender', 'return to sender', 'returned', '已退回', '退回', '退件', '已退件'],
};

const WORD_TO_STATUS = new Map<string, TrackingStatus>(
  (Object.entries(STATUS_WORDS) as Array<[TrackingStatus, readonly string[]]>).flatMap(([status, words]) => [
    [status.replace(/_/g, ' '), status] as const,
    ...words.map((word) => [word, status] as const),
  ]),
);

export function statusOfWord(text: string): TrackingStatus | null {
  return (
    WORD_TO_STATUS.get(
      text
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ' '),
    ) ?? null
  );
}

interface PlannedEvent extends TrackingEventInput {
  shipmentId: string;
}

interface Plan {
  rows: number;
  events: PlannedEvent[];
  toAdd: number;
  duplicates: number;
  shipments: number;
  issues: ImportIssue[];
}

function columnIndexes(header: string[]): Partial<Record<Column, number>> {
  const names = header.map((name) => name.trim().toLowerCase());
  return Object.fromEntries(
    (Object.entries(COLUMNS) as Array<[Column, readonly string[]]>)
      .map(([column, aliases]) => [column, names.findIndex((name) => aliases.includes(name))] as const)
      .filter(([, index]) => index >= 0),
  );
}

async function shipmentsByTrackingNumber(ctx: ServiceContext, numbers: string[]) {
  const found = new Map<string, Array<{ id: string; number: string; stage: string }>>();
  for (const part of chunks(numbers)) {
    const rows = await ctx.db
      .selectFrom('shipments')
      .select(['id', 'number', 'stage', 'tracking_number'])
      .where('tracking_number', 'in', part)
      .where('stage', '!=', 'cancelled')
      .execute();
    for (const row of rows) {
      const key = row.tracking_number ?? '';
      found.set(key, [...(found.get(key) ?? []), row]);
    }
  }
  return found;
}

/** Reads a carrier status file into events per shipment, with every problem by line. */
async function planFile(ctx: ServiceContext, text: string, gb18030: boolean): Promise<Plan> {
  const plan: Plan = { rows: 0, events: [], toAdd: 0, duplicates: 0, shipments: 0, issues: [] };
  if (gb18030) plan.issues.push(makeIssue('warning', 'readAsGb18030', {}, {}, MESSAGES));
  const read = await readImportTable(text, TRACKING_FILE_MAX_ROWS, () => undefined, MESSAGES);
  if (read.problem) {
    plan.issues.push(read.problem);
    return plan;
  }
  const { table } = read;
  plan.rows = table.rows.length;
  const at = columnIndexes(table.header);
  const missing = (['trackingNumber', 'status', 'time'] as const).filter((column) => at[column] === undefined);
  if (missing.length > 0) {
    for (const column of missing) {
      plan.issues.push(makeIssue('error', 'missingColumn', { column: COLUMNS[column][0] }, {}, MESSAGES));
    }
    return plan;
  }
  const numbers = table.rows
    .map((row) => cellAt(row, at.trackingNumber)?.toUpperCase().replace(/\s/g, ''))
    .filter((n): n is string => !!n);
  const shipments = await shipmentsByTrackingNumber(ctx, [...new Set(numbers)]);
  const now = Date.now();
  const known = await recordedEventKeys(
    ctx,
    [...shipments.values()].flat().map((s) => s.id),
  );
  const touched = new Set<string>();
  for (const row of table.rows) {
    const issues = new RowIssues(row.line, null, MESSAGES);
    const number = cellAt(row, at.trackingNumber)?.toUpperCase().replace(/\s/g, '');
    const statusText = cellAt(row, at.status);
    const timeText = cellAt(row, at.time);
    let shipment: { id: string; number: string; stage: string } | null = null;
    if (!number) issues.error('required', COLUMNS.trackingNumber[0], { column: COLUMNS.trackingNumber[0] });
    else {
      const matches = shipments.get(number) ?? [];
      if (matches.length === 0) issues.error('unknownTrackingNumber', COLUMNS.trackingNumber[0], { value: number });
      else if (matches.length > 1) {
        issues.error('ambiguousTrackingNumber', COLUMNS.trackingNumber[0], { value: number, count: matches.length });
      } else if (matches[0].stage !== 'shipped') {
        issues.error('notShipped', COLUMNS.trackingNumber[0], {
          value: number,
          number: matches[0].number,
          stage: matches[0].stage,
        });
      } else shipment = matches[0];
    }
    const status = statusText === undefined ? null : statusOfWord(statusText);
    if (statusText === undefined) issues.error('required', COLUMNS.status[0], { column: COLUMNS.status[0] });
    else if (!status) issues.error('badStatus', COLUMNS.status[0], { value: statusText });
    let occurredAt: string | null | undefined = null;
    if (timeText === undefined) issues.error('required', COLUMNS.time[0], { column: COLUMNS.time[0] });
    else if (/\d{1,2}:\d{2}/.test(timeText) && !/(Z|[+-]\d{2}:?\d{2})\s*$/i.test(timeText.trim())) {
      issues.error('timeWithoutZone', COLUMNS.time[0], { value: timeText });
    } else occurredAt = readDateTime(timeText, issues, COLUMNS.time[0], now);
    plan.issues.push(...issues.list);
    if (issues.hasErrors || !shipment || !status || !occurredAt) continue;

    const externalId = cellAt(row, at.eventId);
    const event: PlannedEvent = {
      shipmentId: shipment.id,
      status,
      occurredAt,
      location: cellAt(row, at.location) ?? '',
      description: cellAt(row, at.description) ?? '',
      ...(externalId !== undefined && { externalId }),
    };
    if (known.has(eventKey(shipment.id, event))) {
      plan.duplicates += 1;
      continue;
    }
    rememberEvent(known, shipment.id, event);
    touched.add(shipment.id);
    plan.events.push(event);
  }
  plan.toAdd = plan.events.length;
  plan.shipments = touched.size;
  return plan;
}

/**
 * A carrier's status file: the dry run reads it and says what it would add and what is
 * wrong, line by line; the commit (refused while there are errors) records every new
 * event in the caller's one transaction, and each shipment's status follows.
 */
export async function importTrackingFile(
  ctx: ServiceContext,
  input: { base64?: string; text?: string; commit: boolean },
) {
  const decoded =
    input.base64 !== undefined ? decodeBytes(Buffer.from(input.base64, 'base64')) : decodeText(input.text ?? '');
  const plan = await planFile(ctx, decoded.text, decoded.encoding === 'gb18030');
  const errors = plan.issues.filter((issue) => issue.severity === 'error').length;
  const result = {
    committed: false,
    rows: plan.rows,
    toAdd: plan.toAdd,
    duplicates: plan.duplicates,
    shipments: plan.shipments,
    errors,
    warnings: plan.issues.length - errors,
    issues: plan.issues,
  };
  if (!input.commit) return result;
  if (errors > 0) {
    throw new AppError('VALIDATION', `The file has ${errors} errors: fix them and read it again`, { errors });
  }
  const byShipment = new Map<string, TrackingEventInput[]>();
  for (const { shipmentId, ...event } of plan.events) {
    byShipment.set(shipmentId, [...(byShipment.get(shipmentId) ?? []), event]);
  }
  for (const [shipmentId, events] of byShipment) await addTrackingEvents(ctx, shipmentId, 'csv', events);
  return { ...result, committed: true };
}
