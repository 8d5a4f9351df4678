import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createClient } from '../../shared/client';
import type { User } from '../../shared/domain/user';
import { AppError } from '../../shared/errors';
import { ApiContext, type ApiState } from './api/ApiContext';
import { createTransport, credentials } from './api/transport';
import { errorText } from './components/form-errors';
import { Notice } from './components/Notice';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { Shell } from './shell/Shell';

type Gate =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'sign-in' }
  | { kind: 'ready' }
  | { kind: 'failed'; error: unknown };

export function App() {
  const { t } = useTranslation();
  const transport = useMemo(() => createTransport(), []);
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const [user, setUser] = useState<User | null>(null);
  const [storeName, setStoreName] = useState<string | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);

  // An ended session (expired, revoked, user deactivated) sends the person back to sign-in.
  const client = useMemo(
    () =>
      createClient(async (operation, input) => {
        try {
          return await transport.invoke(operation, input);
        } catch (error) {
          if (
            error instanceof AppError &&
            error.code === 'UNAUTHORIZED' &&
            credentials.session() &&
            operation !== 'auth.signIn'
          ) {
            credentials.setSession(null);
            setUser(null);
            setGate({ kind: 'sign-in' });
          }
          throw error;
        }
      }),
    [transport],
  );

  const retriedAsNobody = useRef(false);
  // Bumped after sign-in, setup and sign-out, to ask the server who is signed in now.
  const [statusVersion, setStatusVersion] = useState(0);
  useEffect(() => {
    let current = true;
    client.auth.status({}).then(
      (status) => {
        if (!current) return;
        setStoreName(status.storeName);
        // Only a session opens the shell: a person at the screen always signs in.
        const signedIn = status.user !== null && credentials.session() !== null;
        setUser(signedIn ? status.user : null);
        setGate({ kind: status.needsSetup ? 'setup' : signedIn ? 'ready' : 'sign-in' });
        if (signedIn) {
          client.settings.get({}).then(
            (settings) => current && setCurrency(settings.currency),
            () => undefined,
          );
        }
      },
      (error: unknown) => {
        if (!current) return;
        // The client above just cleared an ended session: ask again as nobody, once.
        if (error instanceof AppError && error.code === 'UNAUTHORIZED' && credentials.session() === null) {
          if (!retriedAsNobody.current) {
            retriedAsNobody.current = true;
            setStatusVersion((version) => version + 1);
            return;
          }
        }
        setGate({ kind: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [client, statusVersion]);

  const state: ApiState = useMemo(
    () => ({
      client,
      transport: transport.kind,
      user,
      storeName,
      currency,
      storeSaved(store) {
        setStoreName(store.storeName);
        setCurrency(store.currency);
      },
      setSession(session) {
        credentials.setSession(session?.token ?? null);
        setStatusVersion((version) => version + 1);
      },
    }),
    [client, transport.kind, user, storeName, currency],
  );

  return (
    <ApiContext.Provider value={state}>
      {gate.kind === 'loading' && <div className="gate muted">{t('common.loading')}</div>}
      {gate.kind === 'failed' && (
        <div className="gate">
          <Notice kind="error">{errorText(gate.error, t)}</Notice>
        </div>
      )}
      {gate.kind === 'setup' && <SetupScreen />}
      {gate.kind === 'sign-in' && <SignInScreen storeName={storeName} />}
      {gate.kind === 'ready' && <Shell />}
    </ApiContext.Provider>
  );
}
