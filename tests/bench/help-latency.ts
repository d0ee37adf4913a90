import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { configWith } from '../support/e2e';
import { startTestServer, staffCookie } from '../support/server';
import { percentile } from './stats';
import { createSseParser } from '../../src/core/realtime/sse-parser';

/**
 * Help call → console latency: 50 kiosks and 10 consoles connected over loopback SSE. Each
 * sample is the time from sending a kiosk's POST to a console receiving that call's event.
 */
export async function helpLatencyBench(): Promise<BenchResult> {
  const configDir = benchConfigDir();
  const server = await startTestServer({ configDir });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const figures = await measureHelpLatency({ kioskBase: base, consoleBase: base, consoleApp: server.app, kioskTokens: server.kioskTokens, siteIds: [...server.sites.keys()] });
    return { name: 'help-call-to-console', figures, target: 'p95 < 50 ms', ok: figures.p95_ms! < 50 };
  } finally {
    await server.close();
    rmSync(configDir, { recursive: true, force: true });
  }
}

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  target: string;
  ok: boolean;
}

/** The demo pôles with 10 kiosks each: 50 kiosks. */
export function benchConfigDir(): string {
  return configWith((siteId, site) => {
    site.kiosks = Array.from({ length: 10 }, (_, i) => ({ id: `${siteId}-${i + 1}`, label: `Poste ${i + 1}` }));
  });
}

export interface HelpLatencySetup {
  /** Where the kiosks post their calls and hold their streams. */
  kioskBase: string;
  /** Where the consoles hold their streams (another instance, for the cross-instance figure). */
  consoleBase: string;
  consoleApp: FastifyInstance;
  kioskTokens: ReadonlyMap<string, string>;
  siteIds: readonly string[];
}

/** Each sample: from a kiosk's POST to a console receiving that call's event; two consoles per site. */
export async function measureHelpLatency(setup: HelpLatencySetup): Promise<Record<string, number>> {
  const { kioskBase, consoleBase, siteIds } = setup;
  const aborts: AbortController[] = [];
  // Arrival times of each call's first event ("waiting") at the consoles, recorded as they come.
  const arrivals = new Map<string, number[]>();
  let wake: (() => void) | null = null;

  const openStream = async (url: string, headers: Record<string, string>, onCall?: (call: { id: string; status: string }) => void) => {
    const controller = new AbortController();
    aborts.push(controller);
    const response = await fetch(url, { headers, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`stream ${url} answered ${response.status}`);
    const feed = createSseParser((type, data) => {
      if (type === 'call' && onCall) onCall((data as { call: { id: string; status: string } }).call);
    });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    void (async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) feed(decoder.decode(r.value, { stream: true }));
    })().catch(() => undefined);
  };

  // 10 consoles: two per site, each its own signed-in session.
  for (let i = 0; i < 10; i++) {
    const { cookie } = await staffCookie(setup.consoleApp, 'admin');
    await openStream(`${consoleBase}/api/staff/sites/${siteIds[i % siteIds.length]}/stream`, { cookie }, (call) => {
      if (call.status !== 'waiting') return;
      const list = arrivals.get(call.id) ?? [];
      list.push(performance.now());
      arrivals.set(call.id, list);
      wake?.();
    });
  }
  const kiosks = [...setup.kioskTokens.entries()];
  for (const [, token] of kiosks) await openStream(`${kioskBase}/api/kiosk/stream`, { authorization: `Bearer ${token}` });

  const samples: number[] = [];
  const rounds = 200;
  for (let i = 0; i < rounds; i++) {
    const [, token] = kiosks[i % kiosks.length]!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const start = performance.now();
    const response = await fetch(`${kioskBase}/api/kiosk/help-calls`, { method: 'POST', headers, body: JSON.stringify({ requestId: randomUUID(), context: { screen: 'home', language: 'fr' } }) });
    const view = (await response.json()) as { call: { id: string } };
    const id = view.call.id;
    const deadline = Date.now() + 5000;
    // Both consoles of the site must receive it.
    while ((arrivals.get(id)?.length ?? 0) < 2) {
      if (Date.now() > deadline) throw new Error(`the consoles did not receive call ${i} within 5 s`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    for (const at of arrivals.get(id)!) samples.push(at - start);
    arrivals.delete(id);
    await fetch(`${kioskBase}/api/kiosk/help-calls/${id}/cancel`, { method: 'POST', headers: { authorization: headers.authorization } });
  }

  for (const a of aborts) a.abort();
  const pct = (p: number) => Number(percentile(samples, p).toFixed(2));
  return { kiosks: kiosks.length, consoles: 10, samples: samples.length, p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99) };
}
