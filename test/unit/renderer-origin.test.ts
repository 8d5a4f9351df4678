import { describe, expect, it } from 'vitest';
import { rendererOrigin } from '../../src/main/electron/renderer-origin';

describe('rendererOrigin', () => {
  it('trusts app://oms/ and nothing else in the packaged app', () => {
    const packaged = rendererOrigin(undefined);
    expect(packaged.startUrl).toBe('app://oms/index.html');
    expect(packaged.contains('app://oms/index.html')).toBe(true);
    expect(packaged.contains('app://oms/assets/index-1.js')).toBe(true);
    for (const url of ['app://evil/index.html', 'https://oms/', 'file:///app/index.html', 'null', 'not a url']) {
      expect(packaged.contains(url)).toBe(false);
    }
    expect(packaged.devSocket).toBeNull();
  });

  it('trusts only the dev server’s own origin in development', () => {
    const dev = rendererOrigin('http://localhost:5173/');
    expect(dev.contains('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.contains('http://localhost:5174/')).toBe(false);
    expect(dev.contains('app://oms/index.html')).toBe(false);
    expect(dev.devSocket).toBe('ws://localhost:5173');
  });
});
