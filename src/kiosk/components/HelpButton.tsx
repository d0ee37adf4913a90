import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';

/** Always at the same place, on every screen: the one action that must never fail. */
export function HelpButton() {
  const t = useT();
  const kiosk = useKiosk();
  const active = kiosk.callOpen.value;
  return (
    <button type="button" class={`help-button${active ? ' help-button--active' : ''}`} onClick={() => void kiosk.callHelp()}>
      <span class="help-button__icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="36" height="36"><path fill="currentColor" d="M12 2a7 7 0 0 0-7 7v4a3 3 0 0 0 3 3h1v-7H7a5 5 0 0 1 10 0h-2v7h1.2A4 4 0 0 1 12 20h-1v2h1a6 6 0 0 0 6-6.2A3 3 0 0 0 19 13V9a7 7 0 0 0-7-7Z" /></svg>
      </span>
      <span>{active ? t('help.buttonActive') : t('help.button')}</span>
    </button>
  );
}
