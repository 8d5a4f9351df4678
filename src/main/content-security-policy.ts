/**
 * The renderer's Content-Security-Policy, sent by the Electron protocol handler and the
 * HTTP server alike. Styles allow 'unsafe-inline' because AG Grid's theme and React's
 * style attributes set styles at run time; scripts come only from the app's own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
