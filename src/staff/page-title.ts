import type { i18n } from 'i18next';

/** « (2) Borne — console des médiateurs »: the tab tells how many calls wait, even behind others. */
export function pageTitle(i18n: i18n, waiting: number): string {
  return waiting > 0 ? i18n.t('staff:app.titleWaiting', { n: waiting }) : i18n.t('staff:app.title');
}
