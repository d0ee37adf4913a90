import { createRequire } from 'node:module';
import QRCode from 'qrcode';

// @zxing/library ships CommonJS to Node; its named exports are only reachable through require.
const zxing = createRequire(import.meta.url)('@zxing/library') as typeof import('@zxing/library');

type MaskPattern = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
const MASKS: MaskPattern[] = [0, 1, 2, 3, 4, 5, 6, 7];

/**
 * The dark/light modules of a QR code for `text`, row by row, checked with the decoder the kiosk
 * uses. With the mask the QR rules choose, about one code in twenty is missed by @zxing's detector
 * at some sizes in the picture, whatever the frame: the kiosk camera might never read that
 * courrier. So each mask is read back here, and the first one read at every size wins. Every mask
 * is a valid QR code for any reader; only the choice changes.
 */
export function qrMatrix(text: string): boolean[][] {
  let best = { matrix: matrixFor(text), readable: 0 };
  for (const mask of [undefined, ...MASKS]) {
    const matrix = mask === undefined ? best.matrix : matrixFor(text, mask);
    const { readable, sizes } = readability(matrix, text);
    if (readable === sizes) return matrix;
    if (readable > best.readable) best = { matrix, readable };
  }
  // No mask reads at every size (never seen): keep the one read at the most sizes.
  return best.matrix;
}

function matrixFor(text: string, maskPattern?: MaskPattern): boolean[][] {
  const { modules } = QRCode.create(text, maskPattern === undefined ? { errorCorrectionLevel: 'M' } : { errorCorrectionLevel: 'M', maskPattern });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))));
}

/**
 * Reads the matrix back with @zxing's detector, drawn the way a camera frame shows a courrier: a
 * 640×480 picture, the code in the middle at every size from small to filling the frame. The
 * detector samples rows at a stride that depends on the picture, so one size is not enough.
 */
export function readability(matrix: boolean[][], text: string): { readable: number; sizes: number } {
  const width = 640;
  const height = 480;
  const largest = Math.floor(height / (matrix.length + 8));
  let readable = 0;
  for (let scale = 3; scale <= largest; scale++) if (decodesAt(matrix, text, width, height, scale)) readable++;
  return { readable, sizes: Math.max(0, largest - 2) };
}

function decodesAt(matrix: boolean[][], text: string, width: number, height: number, scale: number): boolean {
  const size = matrix.length * scale;
  const x0 = Math.floor((width - size) / 2);
  const y0 = Math.floor((height - size) / 2);
  const luminance = new Uint8ClampedArray(width * height).fill(235);
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        const start = (y0 + r * scale + dy) * width + x0 + c * scale;
        luminance.fill(16, start, start + scale);
      }
    }),
  );
  try {
    const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(new zxing.RGBLuminanceSource(luminance, width, height)));
    return new zxing.QRCodeReader().decode(bitmap).getText() === text;
  } catch {
    return false;
  }
}
