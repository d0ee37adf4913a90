import { useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';

const KNOWN = ['call_already_claimed', 'call_not_claimed', 'call_not_open', 'network', 'not_on_duty_here', 'rate_limited', 'sign_in_busy', 'staff_bad_credentials', 'staff_locked', 'staff_forbidden', 'validation'] as const;
type Known = (typeof KNOWN)[number];

/**
 * The last action's error, in words, from the API error code. With `where` (the id given to
 * staff.run), it shows only that form's error, next to its fields and button: a médiateur at the
 * bottom of a long page sees it where they pressed. Without it, it shows the errors of no form.
 */
export function ErrorMessage(props: { where?: string; id?: string }) {
  const t = useT('staff');
  const staff = useStaff();
  const code = staff.error.value;
  const mine = (staff.errorWhere.value ?? undefined) === props.where;
  return (
    <div class={props.where ? 'error-region error-region--inline' : 'error-region'} role="alert" id={props.id}>
      {code && mine && <p class="error">{describe(t, code, staff.errorRetryMinutes.value)}</p>}
    </div>
  );
}

function describe(t: ReturnType<typeof useT<'staff'>>, code: string, retryMinutes: number | null): string {
  // A lock says how long it lasts (from the server's retryAfterSeconds), not a guess.
  if (code === 'staff_locked' && retryMinutes !== null) return t('errors.staff_locked_in', { count: retryMinutes });
  return (KNOWN as readonly string[]).includes(code) ? t(`errors.${code as Known}`) : t('errors.generic');
}
