import { describe, expect, it } from 'vitest';
import { escapeLabelValue, Histogram, writeExposition } from '../../src/server/observability/exposition';
import { markPublished, observeDelivery, runtimeFamilies, timedSweep, trackStream } from '../../src/server/observability/metrics';
import { parseExposition, sampleValue } from '../support/prometheus';

describe('the Prometheus text writer', () => {
  it('escapes backslash, double quote and line feed in label values, and reads back the same value', () => {
    const nasty = 'a\\b "c"\nd';
    expect(escapeLabelValue(nasty)).toBe('a\\\\b \\"c\\"\\nd');
    const text = writeExposition([{ name: 'x_info', help: 'Help with a \\ and a\nline feed.', type: 'gauge', samples: [{ labels: { v: nasty, w: 'plain' }, value: 1 }] }]);
    expect(text).toBe('# HELP x_info Help with a \\\\ and a\\nline feed.\n# TYPE x_info gauge\nx_info{v="a\\\\b \\"c\\"\\nd",w="plain"} 1\n');
    expect(parseExposition(text).get('x_info')!.samples[0]!.labels).toEqual({ v: nasty, w: 'plain' });
  });

  it('writes a histogram with cumulative buckets, a +Inf bucket equal to the count, _sum and _count', () => {
    const h = new Histogram([0.1, 0.5, 1]);
    for (const v of [0.05, 0.1, 0.3, 0.7, 3]) h.observe(v);
    const text = writeExposition([{ name: 'x_seconds', help: 'h', type: 'histogram', samples: h.samples() }]);
    expect(text.split('\n').slice(2, -1)).toEqual([
      'x_seconds_bucket{le="0.1"} 2',
      'x_seconds_bucket{le="0.5"} 3',
      'x_seconds_bucket{le="1"} 4',
      'x_seconds_bucket{le="+Inf"} 5',
      'x_seconds_sum 4.15',
      'x_seconds_count 5',
    ]);
    expect(() => parseExposition(text)).not.toThrow();
  });

  it('refuses a metric or label name Prometheus would refuse', () => {
    expect(() => writeExposition([{ name: 'borne-bad', help: 'h', type: 'gauge', samples: [] }])).toThrow(/metric name/);
    expect(() => writeExposition([{ name: 'ok', help: 'h', type: 'gauge', samples: [{ labels: { 'bad-label': 'x' }, value: 1 }] }])).toThrow(/label name/);
  });

  it('writes +Inf, -Inf and NaN as the format spells them', () => {
    const text = writeExposition([{ name: 'g', help: 'h', type: 'gauge', samples: [{ labels: { k: 'a' }, value: Infinity }, { labels: { k: 'b' }, value: -Infinity }, { labels: { k: 'c' }, value: NaN }] }]);
    expect(text).toContain('g{k="a"} +Inf\ng{k="b"} -Inf\ng{k="c"} NaN\n');
  });
});

describe('the runtime metrics', () => {
  const read = () => parseExposition(writeExposition(runtimeFamilies()));

  it('counts a stream open until it closes, once even if closed twice', () => {
    const before = sampleValue(read(), 'borne_streams_open', undefined, { kind: 'fleet' })!;
    const close = trackStream('fleet');
    expect(sampleValue(read(), 'borne_streams_open', undefined, { kind: 'fleet' })).toBe(before + 1);
    close();
    close();
    expect(sampleValue(read(), 'borne_streams_open', undefined, { kind: 'fleet' })).toBe(before);
  });

  it('observes publish → write for a stamped message, keeping the first stamp (the origin instance\'s)', () => {
    const count = () => sampleValue(read(), 'borne_event_fanout_seconds', 'borne_event_fanout_seconds_count')!;
    const sum = () => sampleValue(read(), 'borne_event_fanout_seconds', 'borne_event_fanout_seconds_sum')!;
    const before = { count: count(), sum: sum() };
    const message = { id: 1 };
    observeDelivery(message); // never published through a stamping bus: nothing to measure
    expect(count()).toBe(before.count);
    markPublished(message, Date.now() - 2000);
    markPublished(message); // a later stamp does not move the origin's
    observeDelivery(message);
    expect(count()).toBe(before.count + 1);
    expect(sum() - before.sum).toBeGreaterThanOrEqual(2);
    expect(sum() - before.sum).toBeLessThan(3);
  });

  it('counts sweeps by result and times those that ran or failed, not those skipped', async () => {
    const runs = (result: string) => sampleValue(read(), 'borne_sweep_runs_total', undefined, { result })!;
    const timed = () => sampleValue(read(), 'borne_sweep_duration_seconds', 'borne_sweep_duration_seconds_count')!;
    const before = { ran: runs('ran'), skipped: runs('skipped'), failed: runs('failed'), timed: timed() };
    await timedSweep(async () => {})();
    await timedSweep(async () => 'skipped')();
    await expect(timedSweep(async () => Promise.reject(new Error('db down')))()).rejects.toThrow('db down');
    expect([runs('ran') - before.ran, runs('skipped') - before.skipped, runs('failed') - before.failed, timed() - before.timed]).toEqual([1, 1, 1, 2]);
  });
});
