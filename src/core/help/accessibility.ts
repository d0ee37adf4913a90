/**
 * The display settings a usager can choose on the kiosk (RGAA 10.4: text up to 200 %), and how a
 * help call reports them so the médiateur who walks over knows the person sees poorly or needs
 * the screen read aloud. Pure: the kiosk, the schema and the console share it.
 */

/** The text sizes the kiosk offers, in percent of its normal size. */
export const TEXT_SIZES = [100, 150, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const NORMAL_TEXT_SIZE: TextSize = 100;

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === 'number' && (TEXT_SIZES as readonly number[]).includes(value);
}

/** What a help call carries about the display, as the kiosk sends it. */
export interface AccessibilitySettings {
  textSize?: TextSize;
  highContrast?: boolean;
  speech?: boolean;
  /**
   * Sent by kiosks older than the text-size control (a yes/no with no size); still accepted while
   * the kiosks update, and still found in calls stored before. Read as "larger, size unknown".
   */
  largeText?: boolean;
}

/** What the console says about a call's display: only what differs from the normal screen. */
export interface AccessibilityInUse {
  /** A size above 100 %, or 'larger' when an old kiosk only said "large text". */
  textSize: Exclude<TextSize, 100> | 'larger' | null;
  highContrast: boolean;
  speech: boolean;
}

export function accessibilityInUse(settings: AccessibilitySettings | undefined): AccessibilityInUse {
  const size = settings?.textSize;
  const textSize = size === 150 || size === 200 ? size : size === undefined && settings?.largeText === true ? 'larger' : null;
  return { textSize, highContrast: settings?.highContrast === true, speech: settings?.speech === true };
}
