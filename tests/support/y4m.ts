import { writeFileSync } from 'node:fs';
import { qrMatrix } from '../../src/server/courrier/qr-matrix';

/**
 * Writes a Y4M video (what Chromium's fake camera reads) showing the QR code of `text` on white,
 * as a courrier held in front of the camera would look. Greyscale: U and V planes at 128.
 */
export function writeQrY4m(path: string, text: string, frames = 3): void {
  const width = 640;
  const height = 480;
  const matrix = qrMatrix(text);
  const scale = Math.floor(Math.min(width, height) / (matrix.length + 8));
  const size = matrix.length * scale;
  const x0 = Math.floor((width - size) / 2);
  const y0 = Math.floor((height - size) / 2);
  const y = Buffer.alloc(width * height, 235);
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + r * scale + dy) * width + x0 + c * scale, (y0 + r * scale + dy) * width + x0 + (c + 1) * scale);
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]));
}
