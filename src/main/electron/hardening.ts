import { app, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { isRendererUrl, rendererOrigin } from './renderer-origin';

/**
 * The renderer may show only the app: no navigation elsewhere, no new windows, no
 * webviews, no permissions (camera, notifications, geolocation…) and no remote content.
 */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isRendererUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isRendererUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const devServer = process.env.ELECTRON_RENDERER_URL ? new URL(rendererOrigin()) : null;
  const devSocket = devServer ? `ws://${devServer.host}` : null;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isRendererUrl(details.url) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      (devSocket !== null && details.url.startsWith(devSocket));
    callback({ cancel: !allowed });
  });
  if (devServer && devSocket) {
    // The dev server's hot reload needs its inline preamble script and its websocket;
    // the packaged app gets the strict policy from the app:// protocol handler.
    const devPolicy = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
      "connect-src 'self'",
      `connect-src 'self' ${devSocket}`,
    );
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [devPolicy] } });
    });
  }
}
