import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';

/** RGAA 13.1: warn before the session ends, with at least 20 s to ask for more time. */
export function IdleDialog() {
  const t = useT();
  const kiosk = useKiosk();
  const ref = useRef<HTMLDialogElement>(null);
  const seconds = kiosk.idleSecondsLeft.value;
  const open = seconds !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      onCancel={(e) => {
        // Escape means "I am here": keep the session rather than close the warning silently.
        e.preventDefault();
        kiosk.continueSession();
      }}
    >
      {open && (
        <div>
          <h2 id="idle-title">{t('idle.title')}</h2>
          <p id="idle-text">{t('idle.explain')}</p>
          <p class="dialog__countdown" role="timer" aria-live="off">
            {t('idle.countdown', { count: seconds })}
          </p>
          <div class="dialog__actions">
            <button type="button" class="button button--primary" autofocus onClick={() => kiosk.continueSession()}>
              {t('idle.continue')}
            </button>
            <button type="button" class="button" onClick={() => void kiosk.endSession()}>
              {t('end.button')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
