import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { AppError } from '../../shared/errors';
import { toErrorBody } from '../router/errors';
import type { Router } from '../router/router';
import { INVOKE_CHANNEL, type InvokeResult } from '../../shared/ipc';
import type { RendererOrigin } from './renderer-origin';

export const NOT_OUR_WINDOW: InvokeResult = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not call the app' },
};

/** Only our own window's main frame, showing our renderer, may call main. */
export function fromOurWindow(
  event: IpcMainInvokeEvent,
  renderer: RendererOrigin,
  trusted: () => WebContents | null,
): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === trusted() && frame !== null && frame === event.sender.mainFrame && renderer.contains(frame.url)
  );
}

/**
 * The IPC transport: one channel, answered only for our own window's main frame.
 * Results travel as `{ ok, value | error }` because Electron rewrites the message of a
 * thrown error; the error body keeps its code and details this way.
 */
export function serveIpc(router: Router, renderer: RendererOrigin, trusted: () => WebContents | null): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, operation: unknown, input: unknown, token: unknown): Promise<InvokeResult> => {
      if (!fromOurWindow(event, renderer, trusted)) return NOT_OUR_WINDOW;
      try {
        if (typeof operation !== 'string') throw new AppError('VALIDATION', 'The operation name must be a string');
        const credential = typeof token === 'string' && token ? await router.authenticate(token) : null;
        if (typeof token === 'string' && token && !credential) {
          return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Your session has ended; sign in again' } };
        }
        return { ok: true, value: await router.call(operation, input, { transport: 'ipc', credential }) };
      } catch (error) {
        return { ok: false, error: toErrorBody(error) };
      }
    },
  );
}
