import { describe, expect, it } from 'vitest';
import { accessibilityInUse, isTextSize, TEXT_SIZES } from '../../src/core/help/accessibility';
import { createHelpCallBodySchema } from '../../src/core/help/help-call.schema';

const body = (accessibility?: unknown) => ({ requestId: '3f1c2a9e-5b7d-4c8e-9f0a-1b2c3d4e5f60', context: { screen: 'home', language: 'fr', ...(accessibility === undefined ? {} : { accessibility }) } });

describe('the help call carries the display settings (issue 12 item 6)', () => {
  it('accepts the new payload: the text size in percent and the contrast', () => {
    for (const textSize of TEXT_SIZES) expect(createHelpCallBodySchema.parse(body({ textSize, highContrast: true })).context.accessibility).toEqual({ textSize, highContrast: true });
  });

  it('accepts the old payload of kiosks not yet updated (largeText, highContrast, speech) and no settings at all', () => {
    expect(createHelpCallBodySchema.parse(body({ largeText: true, highContrast: false, speech: true })).context.accessibility).toEqual({ largeText: true, highContrast: false, speech: true });
    expect(createHelpCallBodySchema.parse(body()).context.accessibility).toEqual({});
  });

  it('refuses other sizes, strings and unknown fields, saying which sizes exist', () => {
    for (const bad of [{ textSize: 120 }, { textSize: '200' }, { textSize: 200.5 }, { zoom: 2 }, { largeText: 'yes' }]) {
      const result = createHelpCallBodySchema.safeParse(body(bad));
      expect(result.success).toBe(false);
    }
    const result = createHelpCallBodySchema.safeParse(body({ textSize: 120 }));
    expect(result.error?.issues[0]?.message).toBe('expected a text size in percent: 100, 150, 200');
  });

  it('tells the console only what differs from the normal screen', () => {
    expect(accessibilityInUse({ textSize: 200, highContrast: true })).toEqual({ textSize: 200, highContrast: true, speech: false });
    expect(accessibilityInUse({ textSize: 100, highContrast: false })).toEqual({ textSize: null, highContrast: false, speech: false });
    // An old kiosk said only "large text": larger, of an unknown size.
    expect(accessibilityInUse({ largeText: true })).toEqual({ textSize: 'larger', highContrast: false, speech: false });
    // A size sent with it wins: the new field is the real one.
    expect(accessibilityInUse({ largeText: true, textSize: 150 })).toEqual({ textSize: 150, highContrast: false, speech: false });
    expect(accessibilityInUse({ speech: true })).toEqual({ textSize: null, highContrast: false, speech: true });
    expect(accessibilityInUse(undefined)).toEqual({ textSize: null, highContrast: false, speech: false });
  });

  it('knows its sizes', () => {
    expect(TEXT_SIZES).toEqual([100, 150, 200]);
    expect([100, 150, 200, 120, '100', null].map(isTextSize)).toEqual([true, true, true, false, false, false]);
  });
});
