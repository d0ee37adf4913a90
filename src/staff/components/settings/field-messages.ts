import type { TFunction } from 'i18next';
import { LANGUAGE_INFO, isLanguage } from '../../../core/i18n/languages';
import type { SettingsFieldError } from '../../../core/site/settings';

type T = TFunction<'settings'>;

/** The label of the field a refused path names ("help.fallback.ar", "openingHours.mon.0.1", "guides.2"). */
export function fieldLabel(t: T, path: string): string {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'name':
      return t('field.name');
    case 'address':
      return t('field.address');
    case 'openingHours':
      return t('field.openingHours');
    case 'closedDays':
      return t('field.closedDays');
    case 'languages':
      return t('field.languages');
    case 'defaultLanguage':
      return t('field.defaultLanguage');
    case 'guides':
      return t('field.guides');
    case 'allowedHosts':
      return t('field.allowedHosts');
    case 'help':
      if (second === 'fallback') return t('field.fallback', { language: isLanguage(third) ? LANGUAGE_INFO[third].nativeName : LANGUAGE_INFO.fr.nativeName });
      break;
  }
  switch (second) {
    case 'escalationMinutes':
      return t('field.escalationMinutes');
    case 'expiryMinutes':
      return t('field.expiryMinutes');
    case 'claimedPauseMinutes':
      return t('field.claimedPauseMinutes');
    case 'ringIntervalSeconds':
      return t('field.ringIntervalSeconds');
    case 'offlineExpiryMinutes':
      return t('field.offlineExpiryMinutes');
    case 'warningAfterSeconds':
      return t('field.warningAfterSeconds');
    case 'answerSeconds':
      return t('field.answerSeconds');
    case 'maxLivePerPhone':
      return t('field.maxLivePerPhone');
    case 'maxLivePerDossier':
      return t('field.maxLivePerDossier');
    case 'maxPerKioskPerHour':
      return t('field.maxPerKioskPerHour');
    case 'offlineAlertMinutes':
      return t('field.offlineAlertMinutes');
  }
  return path;
}

function expectedFormat(t: T, path: string): string | null {
  if (path.startsWith('openingHours')) return t('issue.formatTime');
  if (path.startsWith('closedDays')) return t('issue.formatDate');
  if (path.startsWith('allowedHosts')) return t('issue.formatHost');
  return null;
}

/**
 * A refused field in the console's language: the common kinds of mistake (too small, too big,
 * not a whole number, wrong format) with the field's label and the limit; any other refusal in
 * the server's own words, which name the fix.
 */
export function fieldMessage(t: T, error: SettingsFieldError): string {
  const label = fieldLabel(t, error.path);
  const issue = error.issue;
  if (!issue) return error.message;
  const limit = issue.limit ?? 0;
  switch (issue.kind) {
    case 'too_small':
      return issue.inclusive === false ? t('issue.tooSmallStrict', { label, limit }) : t('issue.tooSmall', { label, limit });
    case 'too_big':
      return t('issue.tooBig', { label, limit });
    case 'not_integer':
      return t('issue.notInteger', { label });
    case 'not_number':
      return t('issue.notNumber', { label });
    case 'required':
      return t('issue.required', { label });
    case 'wrong_format': {
      const expected = expectedFormat(t, error.path);
      return expected ? t('issue.wrongFormat', { label, expected }) : t('issue.wrongFormatPlain', { label });
    }
  }
  return error.message;
}

/** The refused fields whose path is `prefix` or under it. */
export function errorsUnder(errors: Record<string, SettingsFieldError>, prefix: string): SettingsFieldError[] {
  return Object.values(errors).filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`));
}

/** A stable element id for a field's message. */
export function errorId(prefix: string): string {
  return `settings-error-${prefix.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}
