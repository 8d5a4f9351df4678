import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The file an address names inside `root`, or null. Throws URIError on a malformed escape. */
async function fileIn(root: string, urlPath: string): Promise<string | null> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

export interface RendererOptions {
  root: string;
  headers: Record<string, string>;
  /** Rewrites index.html before it is sent (the HTTP server adds its door token). */
  transformIndex: (html: string) => string;
}

/**
 * Serves the built renderer. Unknown paths get index.html, so a reload on a screen's
 * address still opens the app. Hashed assets are cached for good; index.html never.
 */
export async function serveRenderer(
  urlPath: string,
  response: ServerResponse,
  options: RendererOptions,
): Promise<void> {
  const { root, headers } = options;
  const file = (await fileIn(root, urlPath)) ?? (await fileIn(root, 'index.html'));
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end('The renderer is not built: run npm run build');
    return;
  }
  if (file.endsWith(`${sep}index.html`)) {
    const html = options.transformIndex(await readFile(file, 'utf8'));
    response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache', ...headers });
    response.end(html);
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'public, max-age=31536000, immutable',
    ...headers,
  });
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
