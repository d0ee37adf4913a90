import { qrMatrix } from './qr-matrix';

/**
 * A sample courrier from the pôle with its QR code, as SVG or PDF, so a tester can print it or
 * show it to a kiosk camera. Only the pôle, the dossier number and the code are on it.
 */
export interface CourrierContent {
  siteName: string;
  address: string;
  dossierNumber: string;
  code: string;
  expiresAt: Date;
}

const A4 = { w: 595, h: 842 }; // points
const QR_SIZE = 200;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function lines(c: CourrierContent): string[] {
  return [c.siteName, c.address, '', `Dossier n° ${c.dossierNumber}`, '', 'À la borne, touchez « Mon dossier »,', 'puis montrez ce code à la caméra.', '', `Code valable jusqu'au ${c.expiresAt.toISOString().slice(0, 10)}.`];
}

export function courrierSvg(c: CourrierContent): string {
  const m = qrMatrix(c.code);
  const cell = QR_SIZE / (m.length + 8);
  const x0 = A4.w - QR_SIZE - 50;
  const y0 = 50;
  const rects = m.flatMap((row, r) => row.flatMap((dark, col) => (dark ? [`<rect x="${(x0 + (col + 4) * cell).toFixed(2)}" y="${(y0 + (r + 4) * cell).toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}"/>`] : [])));
  const text = lines(c).map((l, i) => `<text x="50" y="${80 + i * 22}" font-size="${i === 0 ? 18 : 14}"${i === 0 ? ' font-weight="bold"' : ''}>${escapeXml(l)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${A4.w}" height="${A4.h}" viewBox="0 0 ${A4.w} ${A4.h}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g fill="#000000" shape-rendering="crispEdges">${rects.join('')}</g>`,
    `<g fill="#1d2a24">${text.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/** A one-page PDF 1.4 written by hand: Helvetica text (WinAnsi) and the QR as filled squares. */
export function courrierPdf(c: CourrierContent): Buffer {
  const m = qrMatrix(c.code);
  const cell = QR_SIZE / (m.length + 8);
  const x0 = A4.w - QR_SIZE - 50;
  const top = A4.h - 50;
  const squares = m.flatMap((row, r) => row.flatMap((dark, col) => (dark ? [`${(x0 + (col + 4) * cell).toFixed(2)} ${(top - (r + 5) * cell).toFixed(2)} ${cell.toFixed(2)} ${cell.toFixed(2)} re`] : [])));
  const pdfText = (s: string) => Buffer.from(s.replace(/[\\()]/g, (ch) => `\\${ch}`), 'latin1').toString('latin1');
  const text = lines(c).map((l, i) => `BT /F1 ${i === 0 ? 16 : 12} Tf 50 ${A4.h - 80 - i * 20} Td (${pdfText(l.replace(/[«»]/g, '"'))}) Tj ET`);
  const stream = `0 g\n${squares.join('\n')}\nf\n${text.join('\n')}\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.w} ${A4.h}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
