import { describe, expect, it } from 'vitest';
import { createHelpCallBodySchema, resolveHelpCallBodySchema } from '../../src/core/help/help-call.schema';
import {
  dueTimedAction,
  isOpen,
  transition,
  type HelpAction,
  type HelpCall,
  type HelpCallStatus,
} from '../../src/core/help/help-call';

const CREATED = '2026-11-23T09:00:00.000Z';
const NOW = new Date('2026-11-23T09:02:00.000Z');
const MINUTE = 60_000;
const policy = { escalationMinutes: 5, expiryMinutes: 30 };

function call(overrides: Partial<HelpCall> = {}): HelpCall {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    siteId: 'chatillon',
    kioskId: 'chatillon-1',
    status: 'waiting',
    context: { screen: 'home', language: 'fr', accessibility: {} },
    createdAt: CREATED,
    escalatedAt: null,
    claimedAt: null,
    claimedBy: null,
    endedAt: null,
    outcome: null,
    ...overrides,
  };
}

const claimed = (): HelpCall => call({ status: 'claimed', claimedAt: '2026-11-23T09:01:00.000Z', claimedBy: { staffId: 's1', firstName: 'Karim' } });
const inStatus = (status: HelpCallStatus): HelpCall =>
  status === 'waiting' ? call() : status === 'claimed' ? claimed() : { ...claimed(), status, endedAt: '2026-11-23T09:01:30.000Z' };

const claim: HelpAction = { type: 'claim', staffId: 's2', firstName: 'Claire' };

function ok(result: ReturnType<typeof transition>): HelpCall {
  if (!result.ok) throw new Error(`expected the transition to be allowed, got ${result.reason}`);
  return result.call;
}

describe('transition: claim', () => {
  it('takes a waiting call and records who and when', () => {
    const next = ok(transition(call(), claim, NOW));
    expect(next.status).toBe('claimed');
    expect(next.claimedBy).toEqual({ staffId: 's2', firstName: 'Claire' });
    expect(next.claimedAt).toBe(NOW.toISOString());
    expect(next.endedAt).toBeNull();
  });

  it('refuses a second claim with already_claimed and keeps the first médiateur', () => {
    const first = claimed();
    expect(transition(first, claim, NOW)).toEqual({ ok: false, reason: 'already_claimed' });
    expect(first.claimedBy?.firstName).toBe('Karim');
  });

  it.each(['resolved', 'cancelled', 'expired'] as const)('refuses a %s call as not_open', (status) => {
    expect(transition(inStatus(status), claim, NOW)).toEqual({ ok: false, reason: 'not_open' });
  });

  it('does not change the call it was given', () => {
    const original = call();
    transition(original, claim, NOW);
    expect(original).toEqual(call());
  });
});

describe('transition: resolve', () => {
  it('refuses a call nobody claimed with not_claimed', () => {
    expect(transition(call(), { type: 'resolve', outcome: 'helped' }, NOW)).toEqual({ ok: false, reason: 'not_claimed' });
  });

  it('closes a claimed call with its outcome and end time', () => {
    const next = ok(transition(claimed(), { type: 'resolve', outcome: 'appointment_offered' }, NOW));
    expect(next).toMatchObject({ status: 'resolved', outcome: 'appointment_offered', endedAt: NOW.toISOString(), claimedBy: { firstName: 'Karim' } });
  });

  it.each(['resolved', 'cancelled', 'expired'] as const)('refuses a %s call as not_open', (status) => {
    expect(transition(inStatus(status), { type: 'resolve', outcome: 'helped' }, NOW)).toEqual({ ok: false, reason: 'not_open' });
  });
});

describe('transition: cancel', () => {
  it.each(['waiting', 'claimed'] as const)('cancels a %s call', (status) => {
    const next = ok(transition(inStatus(status), { type: 'cancel' }, NOW));
    expect(next.status).toBe('cancelled');
    expect(next.endedAt).toBe(NOW.toISOString());
    expect(isOpen(next)).toBe(false);
  });

  it.each(['resolved', 'cancelled', 'expired'] as const)('refuses to cancel a %s call', (status) => {
    expect(transition(inStatus(status), { type: 'cancel' }, NOW)).toEqual({ ok: false, reason: 'not_open' });
  });
});

describe('transition: escalate', () => {
  it('marks a waiting call escalated without changing its status', () => {
    const next = ok(transition(call(), { type: 'escalate' }, NOW));
    expect(next.status).toBe('waiting');
    expect(next.escalatedAt).toBe(NOW.toISOString());
  });

  it('escalates only once', () => {
    const once = ok(transition(call(), { type: 'escalate' }, NOW));
    expect(transition(once, { type: 'escalate' }, new Date(NOW.getTime() + MINUTE))).toEqual({ ok: false, reason: 'not_open' });
  });

  it.each(['claimed', 'resolved', 'cancelled', 'expired'] as const)('does not escalate a %s call', (status) => {
    expect(transition(inStatus(status), { type: 'escalate' }, NOW).ok).toBe(false);
  });

  it('an escalated call can still be claimed', () => {
    const escalated = ok(transition(call(), { type: 'escalate' }, NOW));
    expect(ok(transition(escalated, claim, NOW)).status).toBe('claimed');
  });
});

describe('transition: expire', () => {
  it('expires a waiting call, escalated or not', () => {
    for (const start of [call(), call({ escalatedAt: '2026-11-23T09:05:00.000Z' })]) {
      const next = ok(transition(start, { type: 'expire' }, NOW));
      expect(next.status).toBe('expired');
      expect(next.endedAt).toBe(NOW.toISOString());
    }
  });

  it.each(['claimed', 'resolved', 'cancelled', 'expired'] as const)('never expires a %s call', (status) => {
    expect(transition(inStatus(status), { type: 'expire' }, NOW)).toEqual({ ok: false, reason: 'not_open' });
  });
});

describe('isOpen', () => {
  it('is true only while waiting or claimed', () => {
    const open = (['waiting', 'claimed', 'resolved', 'cancelled', 'expired'] as const).filter((s) => isOpen({ status: s }));
    expect(open).toEqual(['waiting', 'claimed']);
  });
});

describe('dueTimedAction', () => {
  const at = (ms: number) => new Date(Date.parse(CREATED) + ms);

  it('is null before the escalation time', () => {
    expect(dueTimedAction(call(), at(0), policy)).toBeNull();
    expect(dueTimedAction(call(), at(5 * MINUTE - 1), policy)).toBeNull();
  });

  it('escalates exactly at the escalation time', () => {
    expect(dueTimedAction(call(), at(5 * MINUTE), policy)).toBe('escalate');
  });

  it('is null between escalation and expiry once escalated', () => {
    const escalated = call({ escalatedAt: at(5 * MINUTE).toISOString() });
    expect(dueTimedAction(escalated, at(5 * MINUTE), policy)).toBeNull();
    expect(dueTimedAction(escalated, at(30 * MINUTE - 1), policy)).toBeNull();
  });

  it('expires exactly at the expiry time, escalated or not', () => {
    expect(dueTimedAction(call(), at(30 * MINUTE - 1), policy)).toBe('escalate');
    expect(dueTimedAction(call(), at(30 * MINUTE), policy)).toBe('expire');
    expect(dueTimedAction(call({ escalatedAt: at(5 * MINUTE).toISOString() }), at(30 * MINUTE), policy)).toBe('expire');
  });

  it('follows the site policy, including fractional minutes', () => {
    const fast = { escalationMinutes: 0.5, expiryMinutes: 2 };
    expect(dueTimedAction(call(), at(29_999), fast)).toBeNull();
    expect(dueTimedAction(call(), at(30_000), fast)).toBe('escalate');
    expect(dueTimedAction(call(), at(2 * MINUTE), fast)).toBe('expire');
  });

  it.each(['claimed', 'resolved', 'cancelled', 'expired'] as const)('is null for a %s call however late', (status) => {
    expect(dueTimedAction(inStatus(status), at(24 * 60 * MINUTE), policy)).toBeNull();
  });
});

describe('request schemas', () => {
  const body = { requestId: '3f1c2a9e-5b7d-4c8e-9f0a-1b2c3d4e5f60', context: { screen: 'guide', language: 'ar', guideId: 'caf-rsa', step: 2 } };

  it('accepts a call and defaults the accessibility settings', () => {
    expect(createHelpCallBodySchema.parse(body).context.accessibility).toEqual({});
  });

  it('refuses unknown screens, languages and fields', () => {
    expect(createHelpCallBodySchema.safeParse({ ...body, context: { ...body.context, screen: 'desktop' } }).success).toBe(false);
    expect(createHelpCallBodySchema.safeParse({ ...body, context: { ...body.context, language: 'de' } }).success).toBe(false);
    expect(createHelpCallBodySchema.safeParse({ ...body, name: 'Dupont' }).success).toBe(false);
    expect(createHelpCallBodySchema.safeParse({ ...body, requestId: 'not-a-uuid' }).success).toBe(false);
  });

  it('accepts only the known outcomes', () => {
    expect(resolveHelpCallBodySchema.safeParse({ outcome: 'helped' }).success).toBe(true);
    expect(resolveHelpCallBodySchema.safeParse({ outcome: 'solved' }).success).toBe(false);
  });
});
