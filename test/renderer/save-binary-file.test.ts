import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../renderer/src/api/client';
import { base64ToBytes, saveBinaryFile } from '../../renderer/src/api/files';

/** The first bytes of every xlsx (a zip) and a byte that is not valid UTF-8: text handling would change them. */
const WORKBOOK = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0xc3]);

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  delete window.bridge;
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  vi.restoreAllMocks();
});

describe('saveBinaryFile', () => {
  it('hands the bytes unchanged to the desktop bridge, which writes the file', async () => {
    const saveFile = vi.fn<Bridge['saveFile']>(async () => ({ path: '/hem/Resultat.xlsx' }));
    window.bridge = { saveFile } as unknown as Bridge;
    expect(await saveBinaryFile('Resultat – internt.xlsx', WORKBOOK, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('/hem/Resultat.xlsx');
    expect(saveFile).toHaveBeenCalledWith('Resultat – internt.xlsx', WORKBOOK);
  });

  it('reports the bridge\'s Swedish error and a cancelled dialog', async () => {
    window.bridge = { saveFile: async () => ({ error: 'Filen kunde inte sparas.' }) } as unknown as Bridge;
    await expect(saveBinaryFile('a.xlsx', WORKBOOK, 'application/octet-stream')).rejects.toThrow('Filen kunde inte sparas.');
    window.bridge = { saveFile: async () => null } as unknown as Bridge;
    expect(await saveBinaryFile('a.xlsx', WORKBOOK, 'application/octet-stream')).toBeNull();
  });

  it('downloads the same bytes with their type in the browser', async () => {
    const blobs: Blob[] = [];
    // jsdom has no object URLs; the download link's click is observed instead of followed.
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:granska/1'));
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(await saveBinaryFile('Resultat – publicerad.xlsx', WORKBOOK, type)).toBe('Resultat – publicerad.xlsx');
    expect(clicks).toEqual(['Resultat – publicerad.xlsx']);
    expect(blobs[0].type).toBe(type);
    expect(new Uint8Array(await blobs[0].arrayBuffer())).toEqual(WORKBOOK);
  });

  it('decodes the core\'s base64 to the same bytes', () => {
    expect(base64ToBytes(btoa(String.fromCharCode(...WORKBOOK)))).toEqual(WORKBOOK);
  });
});
