import { afterEach, describe, expect, it } from 'vitest';
import { callHelp } from '../support/help';
import { kioskAuth, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
afterEach(async () => server?.close());

/** Resolves with `work`, or fails after `ms`: a hang guard, not a speed target. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describe('heartbeats committed in batches', () => {
  it('never hold a help call: pressing the button renews the lease at once, whatever the batch waits for', async () => {
    // A batch that would wait ten minutes: a call that waited for it would never be answered.
    server = await startTestServer({ heartbeatBatchMs: 600_000 });
    const view = await within(10_000, callHelp(server, 'chatillon-1'));
    expect(view.call.status).toBe('waiting');
  });

  it('commit the periodic beats together, and answer each kiosk once its beat is stored', async () => {
    server = await startTestServer({ heartbeatBatchMs: 30 });
    const kiosks = ['chatillon-1', 'chatillon-2', 'chatillon-3'];
    const answers = await Promise.all(kiosks.map((id) => server.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: kioskAuth(server, id), payload: {} })));
    expect(answers.map((a) => a.statusCode < 300)).toEqual([true, true, true]);
    const rows = await server.store.db.selectFrom('kiosks').select(['id', 'last_seen_at']).where('id', 'in', kiosks).execute();
    expect(rows.every((r) => r.last_seen_at !== null)).toBe(true);
  });
});
