import type { useT } from '../../../web/i18n-context';
import type { FormRefusal } from '../../state/form-errors';

const KNOWN = ['kiosk_not_found', 'network', 'site_not_yours', 'site_unknown', 'staff_forbidden'] as const;

/** A refusal in the admin's language when we know its code; the server's own words otherwise. */
export function refusalText(t: ReturnType<typeof useT<'enrol'>>, refusal: FormRefusal): string {
  const code = refusal.code ?? (refusal.message === null ? null : 'network');
  if (code && (KNOWN as readonly string[]).includes(code)) return t(`errors.${code as (typeof KNOWN)[number]}`);
  return t('errors.generic', { message: refusal.message ?? '' });
}
