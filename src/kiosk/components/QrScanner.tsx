import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { startQrCamera, type QrCamera } from '../io/qr-camera';
import { useKiosk } from '../state/context';

/** The live camera preview; the decoder is fetched when the usager opens it, not before. */
export function QrScanner(props: { onClose: () => void }) {
  const t = useT();
  const kiosk = useKiosk();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let camera: QrCamera | null = null;
    let done = false;
    void startQrCamera(
      video.current!,
      (code) => {
        if (done) return;
        done = true;
        camera?.stop();
        void kiosk.identifyByCode(code);
      },
      () => setFailed(true),
    ).then((c) => {
      camera = c;
      if (done) c.stop();
    });
    return () => {
      done = true;
      camera?.stop();
    };
  }, []);

  return (
    <div class="scanner">
      {failed ? (
        <p class="status-line status-line--warn">{t('identify.cameraMissing')}</p>
      ) : (
        <>
          <video ref={video} class="scanner__video" muted playsInline aria-hidden="true" />
          <p role="status">{t('identify.scanReading')}</p>
        </>
      )}
      <button type="button" class="button" onClick={props.onClose}>
        {t('identify.scanStop')}
      </button>
    </div>
  );
}
