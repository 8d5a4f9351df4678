import type { ErrorBody } from './errors';

/** The only IPC channel: the preload's `invoke` and main's handler both use this name. */
export const INVOKE_CHANNEL = 'oms:invoke';

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ErrorBody };
