import { detectContentType, SNIFF_BYTES } from './content-type';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('detectContentType', () => {
  it('recognises a PDF by its %PDF- header', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
  });

  it('recognises a JPEG by FF D8 FF', () => {
    expect(detectContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg');
  });

  it('recognises a PNG by its eight-byte signature', () => {
    expect(detectContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
  });

  it('recognises little- and big-endian TIFF', () => {
    expect(detectContentType(bytes(0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00))).toBe('image/tiff');
    expect(detectContentType(bytes(0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08))).toBe('image/tiff');
  });

  it('refuses a Windows executable whatever it is called', () => {
    expect(detectContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeUndefined();
  });

  it('refuses look-alikes: a PDF header not at the start, a truncated PNG signature, HTML, a zip', () => {
    expect(detectContentType(Buffer.from(' %PDF-1.7'))).toBeUndefined();
    expect(detectContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeUndefined();
    expect(detectContentType(Buffer.from('<!doctype html>'))).toBeUndefined();
    expect(detectContentType(Buffer.from('PK\x03\x04', 'latin1'))).toBeUndefined();
  });

  it('refuses an empty file', () => {
    expect(detectContentType(new Uint8Array(0))).toBeUndefined();
  });

  it('needs no more than eight bytes to decide', () => {
    expect(SNIFF_BYTES).toBe(8);
  });
});
