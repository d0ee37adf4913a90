import type { TFunction } from 'i18next';
import type { FormRefusal } from '../../state/form-errors';

const KNOWN = ['kiosk_not_found', 'not_on_duty_here', 'site_not_yours', 'staff_forbidden', 'validation'] as const;

/** A refusal in the console's words: the known codes translated, anything else generic. */
export function refusalText(t: TFunction<'commands'>, refusal: FormRefusal): string {
  const code = (KNOWN as readonly string[]).includes(refusal.code ?? '') ? (refusal.code as (typeof KNOWN)[number]) : 'generic';
  return t(`error.${code}`);
}
