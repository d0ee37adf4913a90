import type { TFunction } from 'i18next';
import type { SiteSummary } from '../../../core/api/staff-auth';
import type { FormRefusal } from '../../state/form-errors';
import { localeFor } from '../../../core/i18n/languages';

/** Refusals « Comptes » words itself; anything else gets the generic sentence. */
const KNOWN = ['account_disabled', 'account_not_found', 'account_self', 'last_admin_departement', 'network', 'site_not_yours', 'staff_forbidden', 'username_taken', 'validation'] as const;
type Known = (typeof KNOWN)[number];

export function refusalText(t: TFunction<'accounts'>, refusal: FormRefusal): string {
  const code = refusal.code ?? 'generic';
  return (KNOWN as readonly string[]).includes(code) ? t(`errors.${code as Known}`) : t('errors.generic');
}

/** "Châtillon, Issy": the pôles' names the admin knows, else their ids. */
export function siteNames(sites: readonly SiteSummary[], ids: readonly string[]): string {
  return ids.map((id) => sites.find((s) => s.id === id)?.name ?? id).join(', ');
}

/** A date and time in Paris, in the page's language (the console sets <html lang>). */
export function formatWhen(iso: string): string {
  const lang = (typeof document !== 'undefined' && document.documentElement.lang) || 'fr';
  return new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
}
