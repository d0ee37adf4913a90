import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskSiteView } from '../../src/core/site/site-config';
import type { KioskApi } from '../../src/kiosk/api';
import { fakeApi, frenchI18n, renderKiosk, SITE, view } from './support/kiosk-harness';

afterEach(() => cleanup());

/** « Réglages du pôle » reach an open kiosk without a restart (issue 10 item 8): a `site` event. */
function withSiteEvents() {
  const fake = fakeApi();
  let current: KioskSiteView = SITE;
  let onSite: (() => void) | undefined;
  const api: KioskApi = {
    ...fake.api,
    me: async () => current,
    stream: (handlers) => {
      onSite = handlers.onSite;
      return fake.api.stream(handlers);
    },
  };
  return { fake, api, change: (next: KioskSiteView) => ((current = next), onSite?.()) };
}

describe('the kiosk applies new site settings at once', () => {
  it('a call in progress keeps its session and shows the new fallback text', async () => {
    const { fake, api, change } = withSiteEvents();
    const { state } = await renderKiosk(await frenchI18n(), api);
    await state.callHelp();
    fake.push(view({ id: 'call-1' }, { onDutyCount: 0, estimatedWait: null }));
    await screen.findByText(SITE.help.fallback.fr);

    change({ ...SITE, help: { ...SITE.help, fallback: { fr: 'Allez au guichet 3, au fond du couloir.' } }, idle: { warningAfterSeconds: 300, answerSeconds: 60 } });
    await screen.findByText('Allez au guichet 3, au fond du couloir.');
    expect(state.inSession.value).toBe(true);
    expect(state.myCall.value?.id).toBe('call-1');
    expect(state.site.value?.idle.warningAfterSeconds).toBe(300);
    // Cached for an offline start, too.
    expect(JSON.parse(localStorage.getItem('borne.site') ?? '{}').help.fallback.fr).toBe('Allez au guichet 3, au fond du couloir.');
    state.stop();
  });

  it('a kiosk waiting for the next person moves to the new default language', async () => {
    const { api, change } = withSiteEvents();
    const { state } = await renderKiosk(await frenchI18n(), api);
    change({ ...SITE, site: { ...SITE.site, defaultLanguage: 'en' } });
    await expect.poll(() => state.language.value).toBe('en');
    state.stop();
  });
});
