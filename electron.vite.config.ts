import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import packageJson from './package.json';

const version = JSON.stringify(packageJson.version);

export default defineConfig({
  main: {
    define: { __APP_VERSION__: version },
    build: {
      // Headless mode's PDF renderer loads it at run time; the desktop app prints with Electron's own Chromium.
      externalizeDeps: { include: ['playwright-core'] },
      rolldownOptions: {
        input: {
          // The Electron entry, the headless HTTP server and the demo seeder share one build.
          index: resolve('src/main/electron/index.ts'),
          serve: resolve('src/main/serve.ts'),
          'seed-demo': resolve('src/main/demo/seed-demo.ts'),
          // The seeder's second thread: generates order history while the first one writes it.
          'history-worker': resolve('src/main/demo/history-worker.ts'),
          // The delivery route solver's thread.
          'route-worker': resolve('src/main/services/routes/route-worker.ts'),
          // Forecasting's worker threads (src/main/forecasting/batch.ts).
          'forecast-worker': resolve('src/main/forecasting/worker.ts'),
          // Forecast runs' threads: each forecasts batches of demand series.
          'forecast-run-worker': resolve('src/main/services/forecasts/forecast-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: { rolldownOptions: { input: { index: resolve('src/preload/index.ts') } } },
  },
  renderer: {
    root: 'src/renderer',
    build: { rolldownOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [react()],
  },
});
