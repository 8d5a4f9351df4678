import { DOCUMENT_PDF } from '../../../shared/contract/documents';
import type { DocumentRequest, PrinterInfo, PrintJob } from '../../../shared/domain/documents';
import { AppError, isErrorBody } from '../../../shared/errors';
import type { InvokeResult } from '../../../shared/ipc';
import { credentials } from './transport';

declare global {
  interface Window {
    /** Present only inside Electron, put there by the preload script. */
    omsPrint?: {
      printers(): Promise<InvokeResult>;
      documents(job: PrintJob, token: string | null): Promise<InvokeResult>;
    };
  }
}

/** True in the desktop app, where main prints to the system's printers. */
export function printsOnDesktop(): boolean {
  return window.omsPrint !== undefined;
}

function valueOf<T>(result: InvokeResult): T {
  if (result.ok) return result.value as T;
  throw new AppError(result.error.code, result.error.message, result.error.details);
}

/** The system's printers; none in a browser, which prints through its own dialog. */
export async function listPrinters(): Promise<PrinterInfo[]> {
  return window.omsPrint ? valueOf<PrinterInfo[]>(await window.omsPrint.printers()) : [];
}

/** Desktop only: main prints the documents, or asks where to save their PDF. */
export async function printOnDesktop(job: PrintJob): Promise<{ saved?: string | null; printed?: string }> {
  if (!window.omsPrint) throw new AppError('INTERNAL', 'Printing through main needs the desktop app');
  return valueOf(await window.omsPrint.documents(job, credentials.session()));
}

/** In a browser: the server renders the PDF (the same templates) and the browser downloads it. */
export async function downloadPdf(request: DocumentRequest, fileName: string): Promise<string> {
  const token = credentials.session();
  const response = await fetch(`/api${DOCUMENT_PDF.batchPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (isErrorBody(body)) throw new AppError(body.code, body.message, body.details);
    throw new AppError('INTERNAL', `The server answered ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    // The click has started the download; the URL is no longer needed once it has.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return fileName;
}
