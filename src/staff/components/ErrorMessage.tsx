import { useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';

const KNOWN = ['call_already_claimed', 'call_not_claimed', 'call_not_open', 'network', 'not_on_duty_here', 'staff_bad_credentials', 'staff_locked', 'staff_forbidden', 'validation'] as const;
type Known = (typeof KNOWN)[number];

/** The last action's error, in words, from the API error code. */
export function ErrorMessage() {
  const t = useT('staff');
  const code = useStaff().error.value;
  return (
    <div class="error-region" role="alert">
      {code && <p class="error">{(KNOWN as readonly string[]).includes(code) ? t(`errors.${code as Known}`) : t('errors.generic')}</p>}
    </div>
  );
}
