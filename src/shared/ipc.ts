import type { ErrorBody } from './errors';

/** The only IPC channel: the preload's `invoke` and main's handler both use this name. */
export const INVOKE_CHANNEL = 'oms:invoke';

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ErrorBody };

/** The order export's save dialog: main asks where to write the CSV and streams it there. */
export const EXPORT_ORDERS_CHANNEL = 'oms:export-orders';

/** The desktop app's printing: main renders the documents and prints them, or saves them as PDF. */
export const PRINT_DOCUMENTS_CHANNEL = 'oms:print-documents';

/** The system's printers, for choosing one per document kind. */
export const LIST_PRINTERS_CHANNEL = 'oms:list-printers';
