import type { Guide } from '../guides/guide';
import type { HelpScreenState } from '../help/help-session';
import type { Speakable } from './speakable';

/**
 * What « Écouter » reads on each kiosk screen: the keys of its main text, in reading order, never
 * a text and never a value typed or looked up (speakable.ts refuses any placeholder
 * but a count). The dossier, the confirmation and the help screen's « X arrive » hold personal
 * data: only their titles and fixed sentences are read, never the dossier's contents, a name or
 * a time.
 */
const k = (...keys: string[]): Speakable[] => keys.map((key) => ({ key }));

export const SCREEN_SPEAKABLES = {
  home: k('home.title', 'home.intro', 'home.actions.dossier', 'home.actions.dossierHint', 'home.actions.guides', 'home.actions.guidesHint', 'home.actions.book', 'home.actions.bookHint'),
  identify: k('identify.title', 'identify.intro'),
  'no-dossier': k('noDossier.title', 'noDossier.intro', 'noDossier.what1', 'noDossier.what2', 'noDossier.what3'),
  dossier: k('dossier.title'),
  guides: k('guides.title', 'guides.intro'),
  'book-motif': k('booking.motifTitle', 'booking.motifIntro'),
  'book-contact': k('booking.contactTitle', 'booking.contactIntro'),
  'book-slots': k('booking.slotsTitle', 'booking.slotsIntro'),
  'book-confirm': k('booking.confirmTitle'),
  'book-done': k('booking.doneTitle', 'booking.qrHint'),
  'book-find': k('booking.findTitle', 'booking.findIntro'),
  outOfService: k('outOfService.title', 'outOfService.lead'),
} as const satisfies Record<string, readonly Speakable[]>;

/** The help screen reads where the call is, as the screen words it (core/help/help-session.ts). */
export function helpSpeakables(state: HelpScreenState): Speakable[] {
  const title = { key: 'help.title' };
  switch (state.kind) {
    case 'failed':
      return [title, { key: 'help.failed' }];
    case 'claimed':
      // « {{name}} arrive » names a médiateur: only the hint is read.
      return [title, { key: 'help.claimedHint' }];
    case 'waiting':
      return [title, { key: 'help.received' }, { key: 'help.seenBy', values: { count: state.seenBy } }];
    case 'nobody-on-duty':
      return [title, { key: 'help.received' }, { key: 'help.nobodyOnDuty' }];
    case 'escalated':
      return [title, { key: 'help.escalated' }, { key: 'help.keepWaiting' }];
    case 'expired':
      return [title, { key: 'help.expired' }];
    case 'resolved':
      return [title, { key: 'help.resolved' }];
    case 'cancelled':
      return [title, { key: 'help.cancelled' }];
    default:
      return [title, { key: 'help.sending' }];
  }
}

/** A guide's texts are keys of the guides namespace: what to prepare, one step, or done. */
export function guideSpeakables(guide: Guide, step: number): Speakable[] {
  const g = (path: string) => ({ key: `guides:${guide.id}.${path}` });
  if (step === 0) {
    return [g('title'), { key: 'guide.duration', values: { count: guide.durationMinutes } }, { key: 'guide.purposeTitle' }, g('purpose'), ...(guide.bring.length ? [{ key: 'guide.bringTitle' }, ...guide.bring.map((b) => g(`bring.${b.id}.label`))] : [])];
  }
  const current = guide.steps[step - 1];
  if (!current) return [{ key: 'guide.doneTitle' }, { key: 'guide.doneText' }];
  return [{ key: 'guide.step', values: { n: step, total: guide.steps.length } }, g(`steps.${current.id}`)];
}

/** Every text any screen may read: the bench makes the audio of all of them. */
export function allSpeakables(guides: Iterable<Guide>): Speakable[] {
  const out: Speakable[] = Object.values(SCREEN_SPEAKABLES).flat();
  const kinds = ['failed', 'claimed', 'waiting', 'nobody-on-duty', 'escalated', 'expired', 'resolved', 'cancelled', 'sending'] as const;
  for (const kind of kinds) out.push(...helpSpeakables({ kind, seenBy: 2 } as unknown as HelpScreenState));
  for (const guide of guides) for (let step = 0; step <= guide.steps.length + 1; step += 1) out.push(...guideSpeakables(guide, step));
  const seen = new Set<string>();
  return out.filter((s) => {
    const id = JSON.stringify(s);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
