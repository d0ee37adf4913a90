import type { ApiErrorBody, ApiErrorDetails } from '../core/api/errors';

/**
 * One catalogue of the errors the API returns: a stable code, an HTTP status and a message that
 * says what is wrong and how to fix it. Routes throw `apiError('code')`; the error handler
 * turns anything else into a 4xx when it is the caller's fault, and logs the rest without data.
 */
const CATALOGUE = {
  validation: { status: 400, message: 'The request is not valid: see `fields` for what to change.' },
  bad_json: { status: 400, message: 'The body is not valid JSON: send a JSON object with Content-Type: application/json.' },
  unsupported_media_type: { status: 415, message: 'Send the body as JSON with Content-Type: application/json.' },
  body_too_large: { status: 413, message: 'The body is too large: requests to this API are small JSON objects.' },
  extension_not_packed: { status: 404, message: 'The companion extension is not packed on this server: run "npm run kiosk -- keygen", then "npm run build" (served at once, no restart needed).' },
  not_found: { status: 404, message: 'There is nothing at this address: check the path against /api/openapi.json.' },
  bad_url: { status: 400, message: 'This address is not valid: a % must be followed by two hexadecimal digits that encode UTF-8 text.' },
  url_too_long: { status: 414, message: 'A part of this address is too long: ids in this API are short; check the path against /api/openapi.json.' },
  headers_too_large: { status: 431, message: 'The request headers are too large: send fewer or shorter headers (cookies included).' },
  bad_request: { status: 400, message: 'The request could not be read as HTTP: check what the client sends.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive: send it again.' },
  cross_site: { status: 403, message: 'This request comes from another site: the console only accepts actions sent from its own pages.' },
  kiosk_unknown: { status: 401, message: 'This kiosk is not enrolled: open the kiosk URL printed at enrolment (it carries the kiosk token).' },
  staff_unauthenticated: { status: 401, message: 'You are not signed in: sign in on /staff/ first.' },
  staff_bad_credentials: { status: 401, message: 'Wrong username or password.' },
  staff_locked: { status: 429, message: 'Too many failed sign-ins for this account: wait a minute, then try again.' },
  sign_in_busy: { status: 503, message: 'Too many sign-ins are being checked right now: try again in a few seconds.' },
  staff_forbidden: { status: 403, message: 'Your role does not allow this action.' },
  site_unknown: { status: 404, message: 'There is no site with this id: see kiosk-config/sites/.' },
  site_not_yours: { status: 403, message: 'This pôle is not one of yours: an admin can add it to your account in « Comptes ».' },
  admin_only: { status: 403, message: 'Administration is for admins de pôle and admins département: ask one of them to make this change.' },
  version_conflict: { status: 409, message: 'Someone else saved this since you opened it: see details for the current version, check their change, then save again.' },
  not_on_duty_here: { status: 403, message: 'Mark yourself on duty for this site before taking its calls.' },
  kiosk_not_found: { status: 404, message: 'There is no kiosk with this id: see the kiosks of your site in the console.' },
  call_not_found: { status: 404, message: 'There is no help call with this id at your site.' },
  call_already_claimed: { status: 409, message: 'Another médiateur has already taken this call.' },
  call_not_open: { status: 409, message: 'This call is already over (resolved, cancelled or expired).' },
  call_not_claimed: { status: 409, message: 'Take the call (« Je m\'en occupe ») before closing it.' },
  identify_failed: { status: 401, message: 'No dossier matches this number and date of birth. Check both on the courrier, or ask a médiateur.' },
  identify_locked: { status: 423, message: 'Too many wrong attempts: identification is paused for a while. Ask a médiateur.' },
  dossier_blocked: { status: 403, message: 'This dossier cannot be opened at a kiosk. Ask a médiateur.' },
  code_not_ours: { status: 400, message: 'This code does not come from a courrier of the pôle. Scan the square code printed at the top of the courrier.' },
  code_invalid: { status: 400, message: 'This courrier code is damaged or altered. Type the dossier number and date of birth instead.' },
  code_expired: { status: 400, message: 'This courrier is too old: its code has expired. Type the dossier number and date of birth instead.' },
  usager_session_invalid: { status: 401, message: 'The usager session has ended or belongs to another kiosk: identify again.' },
  motif_not_found: { status: 404, message: 'There is no such motif at this pôle: choose one from /api/kiosk/agenda/motifs.' },
  no_referent: { status: 409, message: 'This dossier has no référent yet: choose a first-contact motif, or ask a médiateur.' },
  contact_required: { status: 400, message: 'Give a name and a phone number (contact) so the pôle can reach the person.' },
  slot_unavailable: { status: 409, message: 'This time is not offered for this motif: choose a time from the slot list.' },
  slot_taken: { status: 409, message: 'Someone has just booked this time. Please choose another one.' },
  appointment_not_found: { status: 404, message: 'There is no such appointment for this usager: open « Mon dossier » again.' },
  appointment_not_changeable: { status: 409, message: 'This appointment was not made at a kiosk: call the pôle to change it.' },
  change_too_late: { status: 409, message: 'It is too late to change this appointment at the kiosk: call the pôle.' },
  booking_not_found: { status: 404, message: 'No coming appointment matches this reference and phone number. Check the ticket or the SMS, or ask a médiateur.' },
  too_many_messages: { status: 429, message: 'This confirmation has been sent enough times already.' },
  booking_limit_phone: { status: 409, message: 'This phone number already has as many coming appointments as a kiosk may book (details.max): change or cancel one with « J\'ai déjà un rendez-vous », or ask a médiateur.' },
  booking_limit_dossier: { status: 409, message: 'This dossier already has as many coming appointments as a kiosk may book (details.max): change or cancel one in « Mon dossier », or ask a médiateur.' },
  booking_rate_kiosk: { status: 429, message: 'This kiosk has booked as many appointments as it may within an hour (details.max): ask a médiateur, or try again later.' },
  referent_not_found: { status: 404, message: 'There is no référent with this id.' },
  absence_not_found: { status: 404, message: 'There is no absence with this id: it may have been removed already.' },
  motif_unknown: { status: 404, message: 'There is no motif with this id: reload « Motifs » in the console.' },
  agenda_read_only: { status: 409, message: 'Référents and motifs of this pôle come from the connected agenda: change them there; Borne shows them as they are.' },
  guide_not_offered: { status: 404, message: 'This guide is not offered at this pôle: see the guides listed in its site file.' },
  enrolment_code_invalid: { status: 400, message: 'This enrolment code is not valid: it may be mistyped, used already or older than 15 minutes. Ask an admin for a new code in « Parc des bornes ».' },
  enrolment_locked: { status: 429, message: 'Too many wrong enrolment codes were tried: enrolment is paused for a while (details.retryAfterSeconds). Check the code with the admin, then try again.' },
  account_not_found: { status: 404, message: 'There is no staff account with this id: reload « Comptes ».' },
  username_taken: { status: 409, message: 'This username is already taken by another account: choose another one (for example with the initial of the last name).' },
  account_self: { status: 409, message: 'You cannot disable your own account, lower your own role or force your own new password: ask another admin to do it.' },
  last_admin_departement: { status: 409, message: 'This is the last active admin département: make someone else admin département first, so Borne can still be run.' },
  account_disabled: { status: 409, message: 'This account is disabled: enable it (« Réactiver ») first.' },
  setup_code_invalid: { status: 404, message: 'This setup link is not valid: it has expired, was already used or was mistyped. Ask an admin for a new one in « Comptes ».' },
  command_not_found: { status: 404, message: 'There is no command with this id for this kiosk: it may belong to another kiosk.' },
  command_over: { status: 409, message: 'This command is over (done or expired): a kiosk acknowledges a command only while it is pending.' },
  alert_not_found: { status: 404, message: 'There is no alert with this id at your pôles: reload « Parc des bornes ».' },
  alert_resolved: { status: 409, message: 'This alert is already resolved.' },
  metrics_forbidden: { status: 403, message: '/metrics is not public: it answers a request from this machine (127.0.0.1 or ::1, through no proxy), or one with Authorization: Bearer <METRICS_TOKEN> when the server runs with METRICS_TOKEN set (for example METRICS_TOKEN=$(openssl rand -hex 32)); give the same token to Prometheus.' },
  speech_key_unknown: { status: 404, message: 'There is no text with this key in the locales: « Écouter » reads only texts of locales/ (for example "home.title").' },
  speech_not_speakable: { status: 422, message: 'This text is not read aloud: it has a placeholder that may hold personal data.' },
  speech_no_voice: { status: 404, message: 'There is no voice for this language on this server: record the text in AUDIO_DIR, or install espeak-ng with the voice.' },
  speech_unavailable: { status: 503, message: 'The server could not make the audio just now (espeak-ng failed): try again, or ask a médiateur.' },
  speech_audio_not_found: { status: 404, message: 'There is no audio with this name: ask /api/kiosk/speech for the current one.' },
  rate_limited: { status: 429, message: 'Too many requests: wait a moment, then try again.' },
  internal: { status: 500, message: 'Something went wrong on the server; nothing you sent was lost. Try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof CATALOGUE;

export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: { path: string; message: string }[],
    message?: string,
    /** Facts a client acts on, such as when a lockout lifts (never personal data). */
    readonly details?: ApiErrorDetails,
  ) {
    super(message ?? CATALOGUE[code].message);
    this.statusCode = CATALOGUE[code].status;
  }

  /** Set by versionConflict(): the record as saved by the other person. */
  current?: unknown;

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...(this.details ? { details: this.details } : {}), ...(this.current !== undefined ? { current: this.current } : {}) } };
  }
}

/**
 * A save based on an old version: refused whole, with the current record and its version, so
 * nothing is overwritten silently and the person can compare and save again.
 */
export function versionConflict(current: unknown, version: number): ApiError {
  const error = new ApiError('version_conflict', undefined, undefined, { version });
  error.current = current;
  return error;
}

export function apiError(code: ErrorCode, fields?: { path: string; message: string }[], message?: string, details?: ApiErrorDetails): ApiError {
  return new ApiError(code, fields, message, details);
}

export function errorStatus(code: ErrorCode): number {
  return CATALOGUE[code].status;
}
