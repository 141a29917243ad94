/** The part of pngjs 7 the tests use (it ships no types): decoding a PNG to RGBA pixels. */
declare module 'pngjs' {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } };
  };
}
