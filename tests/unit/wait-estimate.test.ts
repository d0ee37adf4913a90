import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDLING_SECONDS, DEFAULT_RESPONSE_SECONDS, estimateWait, median, queuePosition, type ServiceHistory } from '../../src/core/help/wait-estimate';

const noHistory: ServiceHistory = { responseSeconds: [], handlingSeconds: [] };
/** Medians: 60 s to walk over, 600 s to help. */
const history: ServiceHistory = { responseSeconds: [90, 30, 60, 45, 75], handlingSeconds: [600, 900, 300, 600, 700] };

describe('median', () => {
  it('is undefined for no values', () => {
    expect(median([])).toBeUndefined();
  });

  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('queuePosition', () => {
  const calls = [
    { id: 'c', createdAt: '2026-11-23T09:02:00.000Z' },
    { id: 'b', createdAt: '2026-11-23T09:00:00.000Z' },
    { id: 'a', createdAt: '2026-11-23T09:01:00.000Z' },
  ];

  it('orders calls by creation time, oldest first', () => {
    expect(queuePosition(calls, 'b')).toBe(1);
    expect(queuePosition(calls, 'a')).toBe(2);
    expect(queuePosition(calls, 'c')).toBe(3);
  });

  it('breaks ties of the same instant by id, so every kiosk sees the same order', () => {
    const same = [
      { id: 'z', createdAt: '2026-11-23T09:00:00.000Z' },
      { id: 'm', createdAt: '2026-11-23T09:00:00.000Z' },
    ];
    expect(queuePosition(same, 'm')).toBe(1);
    expect(queuePosition(same, 'z')).toBe(2);
    expect(queuePosition([...same].reverse(), 'm')).toBe(1);
  });

  it('is null for a call that is not waiting', () => {
    expect(queuePosition(calls, 'gone')).toBeNull();
    expect(queuePosition([], 'a')).toBeNull();
  });
});

describe('estimateWait', () => {
  it('is null when nobody is on duty: the kiosk must not promise a wait', () => {
    expect(estimateWait({ position: 1, onDuty: 0, history })).toBeNull();
  });

  it('is null for a position below 1', () => {
    expect(estimateWait({ position: 0, onDuty: 2, history })).toBeNull();
  });

  it('uses the default times while the site has fewer than 3 samples', () => {
    expect(DEFAULT_RESPONSE_SECONDS).toBe(120);
    expect(DEFAULT_HANDLING_SECONDS).toBe(300);
    const twoSamples: ServiceHistory = { responseSeconds: [5, 5], handlingSeconds: [10, 10] };
    const expectedFirst = { minMinutes: 2, maxMinutes: 3 }; // 120 s → 2 to 3 min
    expect(estimateWait({ position: 1, onDuty: 1, history: noHistory })).toEqual(expectedFirst);
    expect(estimateWait({ position: 1, onDuty: 1, history: twoSamples })).toEqual(expectedFirst);
    // Second in line with one médiateur: 120 s + one 300 s handling = 420 s → 7 to 11 min.
    expect(estimateWait({ position: 2, onDuty: 1, history: twoSamples })).toEqual({ minMinutes: 7, maxMinutes: 11 });
  });

  it('uses the medians of the site history once it has 3 samples or more', () => {
    // 60 s response → 1 to 2 min; second in line adds one 600 s handling → 660 s → 11 to 17 min.
    expect(estimateWait({ position: 1, onDuty: 1, history })).toEqual({ minMinutes: 1, maxMinutes: 2 });
    expect(estimateWait({ position: 2, onDuty: 1, history })).toEqual({ minMinutes: 11, maxMinutes: 17 });
  });

  it('judges response and handling history separately', () => {
    const handlingOnly: ServiceHistory = { responseSeconds: [1], handlingSeconds: [60, 60, 60] };
    // 120 s default response + 60 s median handling = 180 s → 3 to 5 min.
    expect(estimateWait({ position: 2, onDuty: 1, history: handlingOnly })).toEqual({ minMinutes: 3, maxMinutes: 5 });
  });

  it('grows with the position in the queue', () => {
    const waits = [1, 2, 3, 4, 5].map((position) => estimateWait({ position, onDuty: 1, history })!);
    for (let i = 1; i < waits.length; i++) {
      expect(waits[i]!.minMinutes).toBeGreaterThan(waits[i - 1]!.minMinutes);
      expect(waits[i]!.maxMinutes).toBeGreaterThan(waits[i - 1]!.maxMinutes);
    }
  });

  it('shrinks as more médiateurs are on duty', () => {
    const byStaff = [1, 2, 3].map((onDuty) => estimateWait({ position: 3, onDuty, history })!);
    expect(byStaff[1]!.minMinutes).toBeLessThan(byStaff[0]!.minMinutes);
    expect(byStaff[2]!.minMinutes).toBeLessThan(byStaff[1]!.minMinutes);
    // Enough médiateurs for everyone waiting: every position gets the walk-over time only.
    expect(estimateWait({ position: 3, onDuty: 3, history })).toEqual(estimateWait({ position: 1, onDuty: 1, history }));
  });

  it('never promises less than a minute, even when médiateurs come in seconds', () => {
    const quick: ServiceHistory = { responseSeconds: [2, 3, 4], handlingSeconds: [5, 5, 5] };
    expect(estimateWait({ position: 1, onDuty: 4, history: quick })).toEqual({ minMinutes: 1, maxMinutes: 2 });
  });

  it('always gives a range with min below max', () => {
    for (const h of [noHistory, history, { responseSeconds: [0, 0, 0], handlingSeconds: [0, 0, 0] }]) {
      for (let position = 1; position <= 12; position++) {
        for (let onDuty = 1; onDuty <= 4; onDuty++) {
          const wait = estimateWait({ position, onDuty, history: h })!;
          expect(wait.minMinutes).toBeGreaterThanOrEqual(1);
          expect(wait.maxMinutes).toBeGreaterThan(wait.minMinutes);
          expect(Number.isInteger(wait.minMinutes) && Number.isInteger(wait.maxMinutes)).toBe(true);
        }
      }
    }
  });
});
