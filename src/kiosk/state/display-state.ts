import { effect, signal } from '@preact/signals';
import { isTextSize, NORMAL_TEXT_SIZE, type AccessibilitySettings, type TextSize } from '../../core/help/accessibility';

/** The text size and contrast of this session: a reload keeps them, the session end clears them. */
export const TEXT_SIZE_KEY = 'borne.session.textSize';
export const CONTRAST_KEY = 'borne.session.highContrast';

export interface DisplayStateDeps {
  /** The session's storage (sessionStorage): a text size is not personal, and it goes at session end. */
  store: Storage;
  /** Called on every choice: choosing how the screen looks is using the kiosk. */
  onUse?: () => void;
}

/**
 * Text size (100, 150, 200 %) and the high-contrast theme. The page scales from its root font
 * size (every length in rem), never with CSS zoom, so the layout reflows instead of growing.
 */
export function createDisplayState(deps: DisplayStateDeps) {
  const stored = Number(deps.store.getItem(TEXT_SIZE_KEY));
  const textSize = signal<TextSize>(isTextSize(stored) ? stored : NORMAL_TEXT_SIZE);
  const highContrast = signal(deps.store.getItem(CONTRAST_KEY) === '1');

  function setTextSize(size: TextSize): void {
    deps.onUse?.();
    textSize.value = size;
    deps.store.setItem(TEXT_SIZE_KEY, String(size));
  }

  function setHighContrast(on: boolean): void {
    deps.onUse?.();
    highContrast.value = on;
    deps.store.setItem(CONTRAST_KEY, on ? '1' : '0');
  }

  /** Back to the normal screen for the next person. */
  function reset(): void {
    textSize.value = NORMAL_TEXT_SIZE;
    highContrast.value = false;
    deps.store.removeItem(TEXT_SIZE_KEY);
    deps.store.removeItem(CONTRAST_KEY);
  }

  /** What a help call says about the display. */
  function accessibility(): AccessibilitySettings {
    return { textSize: textSize.value, highContrast: highContrast.value };
  }

  /** Puts the settings on the page's root element (styles.css reads them); returns the stop. */
  function applyTo(root: HTMLElement): () => void {
    return effect(() => {
      root.dataset.textSize = String(textSize.value);
      if (highContrast.value) root.dataset.contrast = 'high';
      else delete root.dataset.contrast;
    });
  }

  return { textSize, highContrast, setTextSize, setHighContrast, reset, accessibility, applyTo };
}

export type DisplayState = ReturnType<typeof createDisplayState>;
