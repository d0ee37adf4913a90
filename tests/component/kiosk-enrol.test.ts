import { afterEach, describe, expect, it, vi } from 'vitest';
import { enrolFromAddress } from '../../src/kiosk/enrol';

/** The kiosk page opened at /kiosk/#enrol=CODE (the console's QR code). */
function page(hash: string) {
  window.history.replaceState(null, '', `/kiosk/${hash}`);
  window.localStorage.clear();
  return { location: window.location, storage: window.localStorage, history: window.history };
}

afterEach(() => vi.unstubAllGlobals());

describe('#enrol=CODE on the kiosk page', () => {
  it('redeems the code, keeps the token where #kiosk= puts it, and drops the code from the address', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ token: 't'.repeat(43), kiosk: { id: 'chatillon-5', siteId: 'chatillon', label: 'Poste 5' } }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const p = page('#enrol=K7M4-9QXR');
    expect(await enrolFromAddress(p.location, p.storage, p.history)).toBe('enrolled');
    expect(fetch).toHaveBeenCalledWith('/api/kiosk/enrol', expect.objectContaining({ method: 'POST', body: JSON.stringify({ code: 'K7M4-9QXR' }) }));
    expect(p.storage.getItem('borne.kioskToken')).toBe('t'.repeat(43));
    expect(window.location.href).not.toContain('K7M4');
  });

  it('a refused code: nothing kept, the code gone from the address all the same', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'enrolment_code_invalid', message: 'no' } }), { status: 400, headers: { 'content-type': 'application/json' } })));
    const p = page('#enrol=K7M4-9QXR');
    expect(await enrolFromAddress(p.location, p.storage, p.history)).toBe('refused');
    expect(p.storage.getItem('borne.kioskToken')).toBeNull();
    expect(window.location.href).not.toContain('K7M4');
  });

  it('a server out of reach is told apart from a refusal', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const p = page('#enrol=K7M4-9QXR');
    expect(await enrolFromAddress(p.location, p.storage, p.history)).toBe('unreachable');
  });

  it('does nothing without a code', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const p = page('#kiosk=abc');
    expect(await enrolFromAddress(p.location, p.storage, p.history)).toBe('none');
    expect(fetch).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('#kiosk=abc');
  });
});
