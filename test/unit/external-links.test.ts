import { describe, expect, it } from 'vitest';
import { opensInBrowser } from '../../src/main/electron/external-links';

describe('links the desktop app hands to the browser', () => {
  it('are https pages only', () => {
    expect(opensInBrowser('https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123')).toBe(true);
    expect(opensInBrowser('https://www.ups.com/track?tracknum=1Z999AA10123456784')).toBe(true);
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:secret@example.com/',
      'not a url',
      '',
    ]) {
      expect(opensInBrowser(url), url).toBe(false);
    }
  });
});
