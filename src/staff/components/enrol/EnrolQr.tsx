import { useMemo } from 'preact/hooks';
import QRCode from 'qrcode';

/** The enrolment address as a QR code (one SVG path; low correction keeps modules large). */
export function EnrolQr(props: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(props.text, { errorCorrectionLevel: 'L' });
    let d = '';
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    return { size: modules.size + 8, path: d };
  }, [props.text]);
  return (
    <svg class="enrol__qr" role="img" aria-label={props.label} viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
