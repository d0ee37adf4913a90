import { describe, expect, it } from 'vitest';
import { courrierPdf, courrierSvg } from '../../src/server/courrier/courrier-document';
import { qrMatrix } from '../../src/server/courrier/qr-matrix';

const content = { siteName: 'Pôle social de Châtillon', address: '5 rue de la Mairie', dossierNumber: '10000001', code: 'BRN1.abc.def', expiresAt: new Date('2027-01-01T00:00:00Z') };

describe('sample courrier', () => {
  it('draws every dark module of the QR code in the SVG, with the dossier number', () => {
    const svg = courrierSvg(content);
    const dark = qrMatrix(content.code).flat().filter(Boolean).length;
    expect(svg.match(/<rect x=/g)).toHaveLength(dark);
    expect(svg).toContain('Dossier n° 10000001');
    expect(svg).toContain('Pôle social de Châtillon');
  });

  it('writes a well-formed PDF: every xref offset points at its object', () => {
    const pdf = courrierPdf(content).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + 7)).toBe(`${i + 1} 0 obj`));
    const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
    const streamStart = pdf.indexOf('stream\n') + 'stream\n'.length;
    expect(pdf.slice(streamStart + length, streamStart + length + 9)).toBe('endstream');
  });
});
