import { createContext, useContext } from 'react';
import type { Client } from '../../../shared/client';
import type { User } from '../../../shared/domain/user';
import type { TransportKind } from './transport';

export interface ApiState {
  client: Client;
  transport: TransportKind;
  user: User | null;
  /** Shown in the sidebar and on the sign-in screen; the store settings update it. */
  storeName: string | null;
  /** The store's currency, for showing and entering prices: read once per session. */
  currency: string | null;
  /** Call after the store settings were saved, so every screen follows them. */
  storeSaved(store: { storeName: string; currency: string }): void;
  /** Call after sign-in or setup with the new session, or with null after sign-out. */
  setSession(session: { token: string; user: User } | null): void;
}

export const ApiContext = createContext<ApiState | null>(null);

export function useApi(): ApiState {
  const state = useContext(ApiContext);
  if (!state) throw new Error('useApi outside ApiContext');
  return state;
}
