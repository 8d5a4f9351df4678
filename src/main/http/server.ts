import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { toErrorBody } from '../router/errors';
import type { Router } from '../router/router';
import { ORDER_EXPORT } from '../../shared/contract/order-export';
import type { PdfRenderer } from '../pdf/chromium-pdf';
import { documentPdfRequest, serveDocumentPdf } from './document-routes';
import { openApiDocument } from './openapi';
import { serveOrderExport } from './order-export-route';
import { matchRestRoute } from './rest-routes';
import { serveRenderer } from './static-files';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  INVALID_STATE: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  INTERNAL: 500,
};

/** Large enough for a CSV import sent as JSON, small enough that one request cannot exhaust memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface HttpServerOptions {
  router: Router;
  version: string;
  /** The built renderer (out/renderer); served at `/`. */
  rendererDir: string;
  log?: (error: unknown) => void;
  /** Renders documents as PDF for the document routes; without it they answer that this server makes no PDFs. */
  pdf?: PdfRenderer;
}

/** A client error that happens before the router: a body that is not JSON, or too large. */
class BadRequest extends AppError {
  constructor(message: string) {
    super('VALIDATION', message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  response.end(text);
}

function sendError(response: ServerResponse, body: ErrorBody, status = STATUS[body.code]): void {
  sendJson(response, status, body);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(`The body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The body is not valid JSON');
  }
}

function bearerOf(request: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/**
 * The HTTP transport: `POST /api/<operation>`, readable REST routes, the OpenAPI
 * document, and the built renderer. Every `/api/*` request needs a bearer token.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const log = options.log ?? console.error;

  async function handleApi(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams) {
    const bearer = bearerOf(request);
    const credential = bearer ? await options.router.authenticate(bearer) : null;
    if (!credential) {
      response.setHeader('www-authenticate', 'Bearer');
      sendError(response, {
        code: 'UNAUTHORIZED',
        message: 'Send a valid API or session token as Authorization: Bearer <token>',
      });
      return;
    }
    const method = request.method ?? 'GET';
    const caller = { transport: 'http' as const, credential };

    if (path === '/openapi.json' && method === 'GET') {
      sendJson(response, 200, openApiDocument(options.version));
      return;
    }

    // Before the REST routes: `/orders/:id` would take `export.csv` for an order's id.
    if (path === ORDER_EXPORT.path && method === 'GET') {
      await serveOrderExport(options.router, caller, query, response, SECURITY_HEADERS);
      return;
    }

    const document = documentPdfRequest(method, path, query, () => readJson(request));
    if (document) {
      await serveDocumentPdf(options.router, caller, document, options.pdf, response, SECURITY_HEADERS);
      return;
    }

    const rest = matchRestRoute(method, path);
    if (rest === 'method-not-allowed') {
      sendError(response, { code: 'NOT_FOUND', message: `${method} is not allowed on /api${path}` }, 405);
      return;
    }
    if (rest) {
      const body = method === 'GET' || method === 'DELETE' ? Object.fromEntries(query) : await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new BadRequest('The body must be a JSON object');
      sendJson(response, 200, await options.router.call(rest.operation, { ...body, ...rest.params }, caller));
      return;
    }

    const rpc = /^\/([A-Za-z]+\.[A-Za-z]+)$/.exec(path);
    if (rpc && method === 'POST') {
      sendJson(response, 200, await options.router.call(rpc[1], await readJson(request), caller));
      return;
    }
    sendError(response, { code: 'NOT_FOUND', message: `No route ${method} /api${path}` });
  }

  const rendererOptions = {
    root: options.rendererDir,
    headers: { 'content-security-policy': CONTENT_SECURITY_POLICY, ...SECURITY_HEADERS },
    transformIndex: (html: string) => withDoorToken(html, options.router.doorToken),
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      throw new URIError('The address is not valid');
    }
    const path = url.pathname;
    if (path === '/api' || path.startsWith('/api/')) {
      await handleApi(request, response, path.slice('/api'.length) || '/', url.searchParams);
    } else {
      await serveRenderer(path, response, rendererOptions);
    }
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        log(error);
        response.destroy();
        return;
      }
      if (error instanceof URIError) {
        // A malformed address (bad %-escape): the client's mistake, not ours.
        sendError(response, { code: 'VALIDATION', message: 'The address is not valid' }, 400);
        return;
      }
      const body = toErrorBody(error, log);
      sendError(response, body, error instanceof BadRequest ? 400 : STATUS[body.code]);
    });
  });
}

/**
 * The page carries the door token: enough for the sign-in screen's public operations
 * (status, first-run setup, sign-in) and nothing else, so the owner's server token
 * never has to reach a browser.
 */
function withDoorToken(html: string, doorToken: string | null): string {
  if (!doorToken) return html;
  return html.replace('</head>', `<meta name="oms-door" content="${doorToken}" />\n  </head>`);
}

export async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}
