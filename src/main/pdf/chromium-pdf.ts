import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { isRoll, rollPageCss, type RenderedDocument } from '../../shared/domain/documents';
import { MEASURE_DOCUMENTS_SCRIPT } from '../services/documents/templates/page';
import { withExactPageSize } from './exact-page-size';

/** Turns a rendered document page into PDF bytes. */
export interface PdfRenderer {
  render(document: RenderedDocument): Promise<Buffer>;
  close(): Promise<void>;
}

/** Flags that keep a headless Chromium off the network it must not use (ENVIRONMENT.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * PDFs from the system's Chromium through playwright-core, for headless mode. The browser
 * starts on the first PDF asked for and is reused; each document gets a page of its own,
 * closed after. Documents load nothing from anywhere: every request is refused.
 */
export function chromiumPdfRenderer(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PdfRenderer {
  let starting: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

  function start() {
    starting ??= (async () => {
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      // A crashed or closed browser is started afresh for the next document.
      browser.on('disconnected', () => (starting = null));
      const context = await browser.newContext({ javaScriptEnabled: true });
      await context.route('**/*', (route) => route.abort());
      return { browser, context };
    })().catch((error: unknown) => {
      starting = null;
      throw error;
    });
    return starting;
  }

  return {
    async render(document) {
      const { context } = await start();
      const page = await context.newPage();
      try {
        await page.setContent(document.html, { waitUntil: 'load', timeout: 0 });
        if (isRoll(document.paper)) {
          await page.emulateMedia({ media: 'print' });
          const heights = (await page.evaluate(MEASURE_DOCUMENTS_SCRIPT)) as number[];
          await page.addStyleTag({ content: rollPageCss(document.paper, heights) });
        }
        return withExactPageSize(await page.pdf({ preferCSSPageSize: true, printBackground: true }), document.paper);
      } finally {
        await page.close();
      }
    },
    async close() {
      const running = starting;
      starting = null;
      if (running) await (await running.catch(() => null))?.browser.close();
    },
  };
}
