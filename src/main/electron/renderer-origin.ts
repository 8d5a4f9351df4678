/** The packaged renderer is served from this origin by our own protocol handler, never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://oms`;

/** In development electron-vite serves the renderer; otherwise our protocol does. */
export function rendererOrigin(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return devUrl ? new URL(devUrl).origin : APP_ORIGIN;
}

export function isRendererUrl(url: string): boolean {
  try {
    return new URL(url).origin === rendererOrigin();
  } catch {
    return false;
  }
}
