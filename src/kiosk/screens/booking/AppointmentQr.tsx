import { useMemo } from 'preact/hooks';
import QRCode from 'qrcode';

/**
 * The appointment's iCalendar event as a QR code: a phone camera offers « Ajouter au
 * calendrier ». Drawn as one SVG path; low error correction keeps the modules large on screen.
 */
export function AppointmentQr(props: { ics: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(props.ics, { errorCorrectionLevel: 'L' });
    let d = '';
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    return { size: modules.size + 8, path: d };
  }, [props.ics]);
  return (
    <svg class="qr" role="img" aria-label={props.label} viewBox={`0 0 ${size} ${size}`} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
