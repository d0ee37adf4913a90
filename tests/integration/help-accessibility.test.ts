import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HelpCall } from '../../src/core/help/help-call';
import { pressHelp } from '../support/help';
import { fixedClock, startTestServer, type TestServer } from '../support/server';

/**
 * Issue 12 item 6: a help call says the text size and contrast the usager chose. Kiosks not yet
 * updated send the old yes/no « largeText »: still accepted, still shown, during the update.
 */
let server: TestServer;
let clock: ReturnType<typeof fixedClock>;

beforeEach(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
});
afterEach(async () => {
  await server?.close();
});

const stored = async (): Promise<HelpCall['context']['accessibility'][]> => (await server.app.borne.help.snapshot('chatillon')).calls.map((c: HelpCall) => c.context.accessibility);

describe('the display settings in a help call', () => {
  it('stores the real text size and the contrast sent by an updated kiosk', async () => {
    const res = await pressHelp(server, 'chatillon-1', undefined, { accessibility: { textSize: 200, highContrast: true } });
    expect(res.statusCode).toBe(201);
    expect(await stored()).toEqual([{ textSize: 200, highContrast: true }]);
  });

  it('still accepts an old kiosk’s payload (largeText, no size) and one with no settings at all', async () => {
    expect((await pressHelp(server, 'chatillon-1', undefined, { accessibility: { largeText: true, highContrast: false, speech: false } })).statusCode).toBe(201);
    clock.advance(1000);
    expect((await pressHelp(server, 'chatillon-2', undefined, { accessibility: {} })).statusCode).toBe(201);
    expect(await stored()).toEqual([{ largeText: true, highContrast: false, speech: false }, {}]);
  });

  it('refuses a size the kiosk does not offer, or a size that is not a number, with a 400 that says the sizes', async () => {
    for (const textSize of [120, '200', 0]) {
      const res = await pressHelp(server, 'chatillon-1', undefined, { accessibility: { textSize } as never });
      expect(res.statusCode).toBe(400);
      // The message points at the field; the field's own message says which sizes exist.
      expect(res.body).toContain('expected a text size in percent: 100, 150, 200');
    }
    expect(await stored()).toEqual([]);
  });
});
