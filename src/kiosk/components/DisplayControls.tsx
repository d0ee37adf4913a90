import { TEXT_SIZES } from '../../core/help/accessibility';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import '../display.css';
import { ContrastIcon } from './icons';

/**
 * Text size (100, 150, 200 %) and high contrast, in the top bar of every screen (RGAA 10.4).
 * The three « A » grow like the text they give; each says its size to a screen reader, and
 * aria-pressed says which is on (the pressed one is also marked by a tick, not by colour alone).
 */
export function DisplayControls() {
  const t = useT();
  const { display } = useKiosk();
  return (
    <div class="display-controls">
      <div class="text-sizes" role="group" aria-label={t('display.textSize')}>
        {TEXT_SIZES.map((size) => (
          <button key={size} type="button" class={`size-button size-button--${size}`} aria-pressed={display.textSize.value === size} onClick={() => display.setTextSize(size)}>
            <span class="size-button__glyph" aria-hidden="true">
              {t('display.sizeSymbol')}
            </span>
            <span class="visually-hidden">{t('display.size', { size })}</span>
          </button>
        ))}
      </div>
      <button type="button" class="contrast-button" aria-pressed={display.highContrast.value} onClick={() => display.setHighContrast(!display.highContrast.value)}>
        <ContrastIcon />
        <span>{t('display.contrast')}</span>
      </button>
    </div>
  );
}
