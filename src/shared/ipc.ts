import type { ErrorBody } from './errors';

/** The only IPC channel: the preload's `invoke` and main's handler both use this name. */
export const INVOKE_CHANNEL = 'oms:invoke';

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ErrorBody };

/** The order export's save dialog: main asks where to write the CSV and streams it there. */
export const EXPORT_ORDERS_CHANNEL = 'oms:export-orders';
