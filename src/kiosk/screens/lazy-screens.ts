import { lazyScreen } from '../lazy-screen';

/*
 * Every screen but home, help and the out-of-service ones, each in its own chunk (issue 13: the
 * first load carries what the home screen needs). Help stays in the first load: « Appeler un
 * médiateur » must answer at once, whatever the network does.
 */
export const IdentifyScreen = lazyScreen(() => import('./IdentifyScreen').then((m) => m.IdentifyScreen));
export const NoDossierScreen = lazyScreen(() => import('./NoDossierScreen').then((m) => m.NoDossierScreen));
export const DossierScreen = lazyScreen(() => import('./DossierScreen').then((m) => m.DossierScreen));
export const MotifScreen = lazyScreen(() => import('./booking/MotifScreen').then((m) => m.MotifScreen));
export const ContactScreen = lazyScreen(() => import('./booking/ContactScreen').then((m) => m.ContactScreen));
export const SlotsScreen = lazyScreen(() => import('./booking/SlotsScreen').then((m) => m.SlotsScreen));
export const ConfirmScreen = lazyScreen(() => import('./booking/ConfirmScreen').then((m) => m.ConfirmScreen));
export const DoneScreen = lazyScreen(() => import('./booking/DoneScreen').then((m) => m.DoneScreen));
export const FindScreen = lazyScreen(() => import('./booking/FindScreen').then((m) => m.FindScreen));
export const GuidesScreen = lazyScreen(() => import('./guides/GuidesScreen').then((m) => m.GuidesScreen));
export const GuideScreen = lazyScreen(() => import('./guides/GuideScreen').then((m) => m.GuideScreen));

const ALL = [IdentifyScreen, NoDossierScreen, DossierScreen, MotifScreen, ContactScreen, SlotsScreen, ConfirmScreen, DoneScreen, FindScreen, GuidesScreen, GuideScreen];

/** Loads every screen's chunk: after the first render, while the kiosk waits for a usager. */
export function preloadScreens(): Promise<void> {
  return Promise.all(ALL.map((s) => s.preload())).then(() => undefined);
}
