import { contextBridge, ipcRenderer } from 'electron';
import {
  EXPORT_ORDERS_CHANNEL,
  INVOKE_CHANNEL,
  LIST_PRINTERS_CHANNEL,
  PRINT_DOCUMENTS_CHANNEL,
  type InvokeResult,
} from '../shared/ipc';

/**
 * The bridge: one `invoke`. The renderer gets no ipcRenderer, no Node, and no
 * way to name another channel.
 */
contextBridge.exposeInMainWorld('omsBridge', {
  invoke: (operation: string, input: unknown, token: string | null): Promise<InvokeResult> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, String(operation), input, token ?? null),
});

/** The order grid's export: main shows the save dialog and writes the file; the renderer gets its name. */
contextBridge.exposeInMainWorld('omsExport', {
  orders: (filters: unknown, token: string | null): Promise<InvokeResult> =>
    ipcRenderer.invoke(EXPORT_ORDERS_CHANNEL, filters, token ?? null),
});

/** Printing: main renders the documents and prints them or saves a PDF; the renderer names what and how. */
contextBridge.exposeInMainWorld('omsPrint', {
  printers: (): Promise<InvokeResult> => ipcRenderer.invoke(LIST_PRINTERS_CHANNEL),
  documents: (job: unknown, token: string | null): Promise<InvokeResult> =>
    ipcRenderer.invoke(PRINT_DOCUMENTS_CHANNEL, job, token ?? null),
});
