import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import { contract } from '../../shared/contract';
import {
  isRoll,
  printJobSchema,
  printPageSize,
  rollPageCss,
  setupFor,
  type PrinterInfo,
} from '../../shared/domain/documents';
import { LIST_PRINTERS_CHANNEL, PRINT_DOCUMENTS_CHANNEL, type InvokeResult } from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import { toErrorBody, validationError } from '../router/errors';
import type { Router } from '../router/router';
import { withExactPageSize } from '../pdf/exact-page-size';
import { renderDocuments } from '../services/documents/render-documents';
import { MEASURE_DOCUMENTS_SCRIPT } from '../services/documents/templates/page';
import { getSettings } from '../services/settings';
import { fromOurWindow, NOT_OUR_WINDOW } from './ipc';
import type { RendererOrigin } from './renderer-origin';

/**
 * A hidden window showing the rendered page, with its fonts and the logo loaded; written in,
 * since a batch is too long for a data: URL.
 */
async function documentWindow(html: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false },
  });
  await window.loadURL('about:blank');
  await window.webContents.executeJavaScript(
    `document.open(); document.write(${JSON.stringify(html)}); document.close();
     document.fonts.ready.then(() => Promise.all([...document.images].map((image) => image.decode().catch(() => null))))
       .then(() => true)`,
  );
  return window;
}

function print(contents: WebContents, options: Electron.WebContentsPrintOptions): Promise<void> {
  return new Promise((resolve, reject) =>
    contents.print(options, (success, reason) => {
      // Cancelled in the print dialog is the person's choice, not a failure.
      if (success || reason === 'Print job canceled') resolve();
      else reject(new AppError('INTERNAL', `The printer refused the job: ${reason}`));
    }),
  );
}

/**
 * Printing in the desktop app: the same rendered page as the preview and `serve`'s PDFs,
 * in a hidden window, to `webContents.print` with the page size in microns (thermal and
 * label drivers printing silently ignore named sizes), or `printToPDF` into a file.
 */
export function servePrinting(router: Router, renderer: RendererOrigin, trusted: () => WebContents | null): void {
  const access = contract.documents.render.access;

  ipcMain.handle(LIST_PRINTERS_CHANNEL, async (event): Promise<InvokeResult> => {
    if (!fromOurWindow(event, renderer, trusted)) return NOT_OUR_WINDOW;
    const printers = await event.sender.getPrintersAsync();
    const value: PrinterInfo[] = printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    return { ok: true, value };
  });

  ipcMain.handle(PRINT_DOCUMENTS_CHANNEL, async (event, job: unknown, token: unknown): Promise<InvokeResult> => {
    if (!fromOurWindow(event, renderer, trusted)) return NOT_OUR_WINDOW;
    let window: BrowserWindow | null = null;
    try {
      const credential = typeof token === 'string' && token ? await router.authenticate(token) : null;
      const ctx = router.readContext('documents.render', access, credential);
      const parsed = printJobSchema.safeParse(job);
      if (!parsed.success) throw validationError(parsed.error);
      const { request, action, silent } = parsed.data;
      const rendered = await renderDocuments(ctx, request);
      window = await documentWindow(rendered.html);
      const heights = (await window.webContents.executeJavaScript(MEASURE_DOCUMENTS_SCRIPT)) as number[];
      if (isRoll(rendered.paper)) await window.webContents.insertCSS(rollPageCss(rendered.paper, heights));

      if (action === 'pdf') {
        const owner = BrowserWindow.fromWebContents(event.sender);
        const options = { defaultPath: `${rendered.title}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: null } };
        const pdf = withExactPageSize(
          await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }),
          rendered.paper,
        );
        await writeFile(choice.filePath, pdf);
        return { ok: true, value: { saved: basename(choice.filePath) } };
      }

      const settings = await getSettings(ctx);
      const printer = parsed.data.printer ?? setupFor(settings.documentSetups, request.kind).printer;
      await print(window.webContents, {
        silent,
        deviceName: printer || undefined,
        printBackground: true,
        pageSize: printPageSize(rendered.paper, heights),
        // The @page rules hold the margins (none on a roll); the driver adds none of its own.
        margins: { marginType: 'none' },
      });
      return { ok: true, value: { printed: rendered.title } };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    } finally {
      window?.destroy();
    }
  });
}
