import type { KioskScreen } from '../../core/help/help-call';
import type { BookingStep } from './booking-state';

/** The kiosk page's screens. */
export type Screen = 'home' | 'help' | 'identify' | 'no-dossier' | 'dossier' | 'guides' | 'guide' | `book-${BookingStep}`;

/** What the console is told: the no-dossier page counts as identification, every booking step as booking. */
export const REPORTED: Record<Screen, KioskScreen> = {
  home: 'home',
  help: 'help',
  identify: 'identify',
  'no-dossier': 'identify',
  dossier: 'dossier',
  guides: 'guides',
  guide: 'guide',
  'book-motif': 'booking',
  'book-contact': 'booking',
  'book-slots': 'booking',
  'book-confirm': 'booking',
  'book-done': 'booking',
  'book-find': 'booking',
};
