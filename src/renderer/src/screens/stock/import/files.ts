/** The largest file the import takes (the same limit as the contract's). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * A file's bytes as base64, so the main process sees the bytes themselves and can tell
 * UTF-8 from the GBK that Chinese Excel writes. Built a slice at a time: a 20 MB file
 * would overflow the argument list of one String.fromCharCode call.
 */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Offers text as a file download: a Blob and a temporary link (works in Electron too).
 * A byte order mark goes first so that Excel opens UTF-8 (Chinese names) correctly.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
