import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SERVE = join(__dirname, '../../out/main/serve.js');

export interface ServeProcess {
  base: string;
  port: number;
  output: string[];
  stop(): Promise<void>;
}

/** Starts the built headless server (`npm run serve` without the build step) and waits until it listens. */
export async function startServe(options: { db: string; token?: string; port?: number }): Promise<ServeProcess> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: run npm run build before the e2e tests`);
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVE, '--db', options.db, '--port', String(options.port ?? 0), '--host', '127.0.0.1'],
    {
      env: { ...process.env, OMS_API_TOKEN: options.token ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output.join('')}`)), 20_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      // The browser line comes last, so every line before it (the token among them) is in.
      const match = /Open in a browser: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output.join('')}`));
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
