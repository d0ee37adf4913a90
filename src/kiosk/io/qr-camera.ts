/**
 * Reads a QR code from the kiosk's camera with @zxing/browser. The decoder (~120 KB gz) is loaded
 * only when the scanner opens. `stop()` releases the camera at once, so the light goes off.
 */
export type CameraFailure = 'no_camera' | 'denied' | 'failed';

export interface QrCamera {
  stop(): void;
}

export async function startQrCamera(video: HTMLVideoElement, onCode: (text: string) => void, onFailure: (why: CameraFailure) => void): Promise<QrCamera> {
  let stopped = false;
  let controls: { stop(): void } | null = null;
  try {
    const { BrowserQRCodeReader } = await import('@zxing/browser');
    if (stopped) return { stop() {} };
    const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
    controls = await reader.decodeFromConstraints({ video: { facingMode: 'user', width: { ideal: 1280 } }, audio: false }, video, (result) => {
      if (result && !stopped) onCode(result.getText());
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    onFailure(name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'no_camera' : 'failed');
  }
  return {
    stop() {
      stopped = true;
      controls?.stop();
    },
  };
}
