import { app, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { opensInBrowser } from './external-links';
import type { RendererOrigin } from './renderer-origin';

/**
 * The renderer may show only the app: no navigation elsewhere, no new windows (https links
 * go to the system's browser), no webviews, no permissions (camera, notifications,
 * geolocation…) and no remote content.
 */
export function hardenWebContents(renderer: RendererOrigin): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!renderer.contains(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!renderer.contains(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // A new window is never opened in the app; a carrier's https tracking page opens in the browser.
    contents.setWindowOpenHandler(({ url }) => {
      if (opensInBrowser(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

export function hardenSession(renderer: RendererOrigin): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const devSocket = renderer.devSocket;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      renderer.contains(details.url) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      (devSocket !== null && details.url.startsWith(devSocket));
    callback({ cancel: !allowed });
  });
  if (devSocket) {
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
