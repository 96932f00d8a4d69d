import { describe, expect, it } from 'vitest';
import { savableContent } from '../../main/electron/security-policy';

describe('what the page may ask the desktop app to save', () => {
  it('takes text and bytes as they are', () => {
    expect(savableContent('kod;akt\r\n')).toBe('kod;akt\r\n');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    expect(savableContent(bytes)).toBe(bytes);
  });

  it('refuses anything else instead of converting it', () => {
    // Buffer.from would allocate the length such an object claims.
    for (const content of [{ length: 1e9 }, [1, 2, 3], 42, null, undefined, new ArrayBuffer(4)]) expect(savableContent(content)).toBeUndefined();
  });
});
