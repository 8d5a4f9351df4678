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
const API_TOKEN_KEY = 'oms.apiToken';

/**
 * The session token is kept for this tab only (sessionStorage), so closing the window
 * signs out; the browser's API token arrives once in the address's #token= fragment.
 */
export const credentials = {
  session: (): string | null => sessionStorage.getItem(SESSION_KEY),
  setSession(token: string | null): void {
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  },
  apiToken(): string | null {
    const fromAddress = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromAddress) {
      sessionStorage.setItem(API_TOKEN_KEY, fromAddress);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(API_TOKEN_KEY);
  },
};

function ipcInvoke(bridge: NonNullable<Window['omsBridge']>): Invoke {
  return async (operation, input) => {
    const result = await bridge.invoke(operation, input, credentials.session());
    if (result.ok) return result.value;
    throw new AppError(result.error.code, result.error.message, result.error.details);
  };
}

/** Same contract over HTTP: `POST /api/<operation>` with the session (or, before sign-in, the API) token. */
function httpInvoke(): Invoke {
  const apiToken = credentials.apiToken();
  return async (operation, input) => {
    const token = credentials.session() ?? apiToken;
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
    if (response.ok) return body;
    if (isErrorBody(body)) throw new AppError(body.code, body.message, body.details);
    throw new AppError('INTERNAL', `The server answered ${response.status}`);
  };
}

export function createTransport(): { kind: TransportKind; invoke: Invoke } {
  const bridge = window.omsBridge;
  return bridge ? { kind: 'ipc', invoke: ipcInvoke(bridge) } : { kind: 'http', invoke: httpInvoke() };
}
