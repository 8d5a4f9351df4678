import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import { ORDER_EXPORT } from '../../shared/contract/order-export';
import { EXPORT_ORDERS_CHANNEL, type InvokeResult } from '../../shared/ipc';
import { toErrorBody, validationError } from '../router/errors';
import type { Router } from '../router/router';
import { orderCsvChunks, orderCsvFileName } from '../services/orders/order-csv';
import { fromOurWindow, NOT_OUR_WINDOW } from './ipc';
import type { RendererOrigin } from './renderer-origin';

/**
 * The order export in the desktop app, where no HTTP server runs: the same checks and the
 * same CSV as `GET /api/orders/export.csv`, streamed into the file the person picks.
 */
export function serveOrderExport(router: Router, renderer: RendererOrigin, trusted: () => WebContents | null): void {
  ipcMain.handle(EXPORT_ORDERS_CHANNEL, async (event, filters: unknown, token: unknown): Promise<InvokeResult> => {
    if (!fromOurWindow(event, renderer, trusted)) return NOT_OUR_WINDOW;
    try {
      const credential = typeof token === 'string' && token ? await router.authenticate(token) : null;
      const ctx = router.readContext('orders.export', ORDER_EXPORT.access, credential);
      const parsed = ORDER_EXPORT.filters.safeParse(filters ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const owner = BrowserWindow.fromWebContents(event.sender);
      const options = { defaultPath: orderCsvFileName(), filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: null } };
      const path = choice.filePath;
      // A half-written file would look like a whole export: it goes if the export fails.
      await pipeline(Readable.from(orderCsvChunks(ctx, parsed.data)), createWriteStream(path)).catch(
        async (error: unknown) => {
          await rm(path, { force: true });
          throw error;
        },
      );
      return { ok: true, value: { saved: basename(path) } };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  });
}
