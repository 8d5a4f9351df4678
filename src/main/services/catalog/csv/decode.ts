/**
 * The bytes of an uploaded file to text. Spreadsheets save CSV in several encodings:
 * UTF-8 with or without a byte order mark (Excel's "CSV UTF-8" has one), UTF-16 with a
 * mark ("Unicode text"), and on Chinese Windows, Excel's plain "CSV" is GBK, which
 * GB18030 contains. Anything that is not valid UTF-8 is read as GB18030 and says so.
 */
export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'text';

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
}

export function decodeBytes(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Text sent as text: only a leading byte order mark goes. */
export function decodeText(text: string): DecodedFile {
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'text' };
}
