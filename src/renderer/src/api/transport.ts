import { AppError, isErrorBody } from '../../../shared/errors';
import type { Invoke } from '../../../shared/client';
import type { InvokeResult } from '../../../shared/ipc';

declare global {
  interface Window {
    /** Present only inside Electron, put there by the preload script. */
    omsBridge?: { invoke(operation: string, input: unknown, token: string | null): Promise<InvokeResult> };
  }
}

export type TransportKind = 'ipc' | 'http';

const SESSION_KEY = 'oms.session';
const RELOADED_KEY = 'oms.reloadedForDoor';

/** The session token is kept for this tab only (sessionStorage): closing the window signs out. */
export const credentials = {
  session: (): string | null => sessionStorage.getItem(SESSION_KEY),
  setSession(token: string | null): void {
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  },
};

/** The served page's door token: it opens the sign-in screen's public operations and nothing more. */
function doorToken(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="oms-door"]')?.content ?? null;
}

function ipcInvoke(bridge: NonNullable<Window['omsBridge']>): Invoke {
  return async (operation, input) => {
    const result = await bridge.invoke(operation, input, credentials.session());
    if (result.ok) return result.value;
    throw new AppError(result.error.code, result.error.message, result.error.details);
  };
}

/** Same contract over HTTP: `POST /api/<operation>` with the session token, or before sign-in the door token. */
function httpInvoke(): Invoke {
  const door = doorToken();
  return async (operation, input) => {
    const session = credentials.session();
    const token = session ?? door;
    let response: Response;
    try {
      response = await fetch(`/api/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new AppError('INTERNAL', 'The server cannot be reached');
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      sessionStorage.removeItem(RELOADED_KEY);
      return body;
    }
    // A server restarted with a new token no longer knows this page's door: a fresh page
    // carries the new one. Once only, so a misconfigured server cannot loop the page.
    const unknownToken =
      isErrorBody(body) && (body.details as { reason?: string } | undefined)?.reason === 'unknown-token';
    if (unknownToken && !session && !sessionStorage.getItem(RELOADED_KEY)) {
      sessionStorage.setItem(RELOADED_KEY, '1');
      location.reload();
    }
    if (isErrorBody(body)) throw new AppError(body.code, body.message, body.details);
    throw new AppError('INTERNAL', `The server answered ${response.status}`);
  };
}

export function createTransport(): { kind: TransportKind; invoke: Invoke } {
  const bridge = window.omsBridge;
  return bridge ? { kind: 'ipc', invoke: ipcInvoke(bridge) } : { kind: 'http', invoke: httpInvoke() };
}
