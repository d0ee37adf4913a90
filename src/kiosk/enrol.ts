import type { EnrolmentRedeemed } from '../core/fleet/enrolment';
import { apiRequest, ApiRequestError } from '../web/api-client';
import { keepDeviceToken } from './device';

export type EnrolOutcome = 'none' | 'enrolled' | 'refused' | 'unreachable';

/**
 * `/kiosk/#enrol=CODE` (the console's QR code, or typed by IT): the kiosk browser redeems the
 * one-time code for its device token and keeps it as `#kiosk=` does. The code leaves the
 * address at once, used or not; the token is never shown. 'none': there was no code.
 */
export async function enrolFromAddress(location: Location = window.location, storage: Storage = window.localStorage, history: History = window.history): Promise<EnrolOutcome> {
  const code = /(?:^#|&)enrol=([A-Za-z0-9-]{1,32})/.exec(location.hash)?.[1];
  if (!code) return 'none';
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const { token } = await apiRequest<EnrolmentRedeemed>('/api/kiosk/enrol', { method: 'POST', body: { code } });
    keepDeviceToken(token, storage);
    return 'enrolled';
  } catch (error) {
    return error instanceof ApiRequestError && error.isNetwork ? 'unreachable' : 'refused';
  }
}
