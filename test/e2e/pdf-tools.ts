import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

/*
 * The poppler and zbar tools run without blocking this process: blocked for seconds, its
 * HTTP client would miss the server closing an idle keep-alive socket and reuse it.
 */
const run = promisify(execFile);

async function tool(command: string, args: string[]): Promise<string> {
  return (await run(command, args, { encoding: 'utf8' })).stdout;
}

/** Points of a PDF page, from pdfinfo. */
export async function pageSize(pdf: string): Promise<{ width: number; height: number; pages: number }> {
  const info = await tool('pdfinfo', [pdf]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { width: Number(size?.[1]), height: Number(size?.[2]), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

export async function text(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return tool('pdftotext', ['-layout', ...range, pdf, '-']);
}

/** The fonts a PDF embeds, as pdffonts lists them. */
export async function embeddedFonts(pdf: string): Promise<string> {
  return tool('pdffonts', [pdf]);
}

/**
 * What zbarimg reads on one page rasterised at 200 dpi: one line per barcode found (the
 * PNG stays beside the PDF, to look at).
 */
export async function barcodes(pdf: string, page = 1): Promise<string[]> {
  const png = `${pdf}-${page}`;
  await tool('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, png]);
  // zbarimg exits 0 when it decoded something, 4 when it found nothing (a rejection here).
  return (await tool('zbarimg', ['--raw', '-q', `${png}.png`])).trim().split('\n').sort();
}

/** Fetches a PDF from the served API with the server token, checks it is one, and keeps it in `folder`. */
export async function fetchPdf(base: string, folder: string, name: string, path: string, init?: RequestInit) {
  const response = await fetch(`${base}/api${path}`, {
    ...init,
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
  });
  expect(
    response.status,
    await response
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}
