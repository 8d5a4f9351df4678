import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { startApp, type RunningApp } from '../../src/main/app';
import { createClient, type Client } from '../../src/shared/client';
import { AppError } from '../../src/shared/errors';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export interface TestApp extends RunningApp {
  folder: string;
  /** A typed client that calls the router with this bearer token (or none), the way a transport does. */
  clientWith(token: string | null): Client;
  /** Sets up the shop with an owner and returns the owner's session. */
  setUpOwner(): Promise<{ client: Client; token: string }>;
  signIn(username: string, secret: string): Promise<{ client: Client; token: string }>;
}

/** A fresh folder, removed when the current test finishes. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'oms-test-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export const OWNER = { username: 'boss', displayName: 'Boss', secret: '13579' };

/** The real app on a real temporary SQLite file, closed and removed after the test. */
export async function startTestApp(options: { serverToken?: string } = {}): Promise<TestApp> {
  const folder = tempFolder();
  const app = await startApp({ databasePath: join(folder, 'shop.db'), serverToken: options.serverToken ?? null });
  onTestFinished(() => app.close());
  const clientWith = (token: string | null) =>
    createClient(async (operation, input) =>
      app.router.call(operation, input, { transport: 'http', credential: await app.router.credentialFor(token) }),
    );
  return {
    ...app,
    folder,
    clientWith,
    async setUpOwner() {
      const session = await clientWith(null).auth.setup({
        owner: OWNER,
        store: { storeName: 'Test shop', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
      });
      return { client: clientWith(session.token), token: session.token };
    },
    async signIn(username, secret) {
      const session = await clientWith(null).auth.signIn({ username, secret });
      return { client: clientWith(session.token), token: session.token };
    },
  };
}

/** The AppError a call failed with; fails the test if it succeeded or threw anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
