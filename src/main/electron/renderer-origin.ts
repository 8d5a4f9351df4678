/** The packaged renderer is served from app://oms/ by our own protocol handler, never from file://. */
export const APP_SCHEME = 'app';
const APP_HOST = 'oms';

export interface RendererOrigin {
  /** The address the window opens. */
  startUrl: string;
  /** True for addresses of our own renderer, and nothing else. */
  contains(url: string): boolean;
  /** The dev server's websocket (hot reload), in development only. */
  devSocket: string | null;
}

/**
 * Where the renderer comes from: electron-vite's dev server in development (only when
 * the app is not packaged, so a stray ELECTRON_RENDERER_URL cannot point a shop's
 * installed app elsewhere), otherwise app://oms/. A custom scheme's URL has the origin
 * "null" in Node, so app:// addresses are compared by protocol and host.
 */
export function rendererOrigin(devUrl: string | undefined): RendererOrigin {
  if (devUrl) {
    const dev = new URL(devUrl);
    return {
      startUrl: devUrl,
      contains: (url) => parse(url)?.origin === dev.origin,
      devSocket: `ws://${dev.host}`,
    };
  }
  return {
    startUrl: `${APP_SCHEME}://${APP_HOST}/index.html`,
    contains: (url) => {
      const parsed = parse(url);
      return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
    },
    devSocket: null,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
