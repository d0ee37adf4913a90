import { LANGUAGE_INFO, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '../../../core/i18n/languages';
import type { LanguageStatus } from '../../../core/i18n/translation-status';
import { useLanguageName, useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { ClosedDaysEditor } from './ClosedDaysEditor';
import { SaveAnswer } from './SaveAnswer';
import { FieldErrors, Group, invalidProps, NumberField, useErrors } from './fields';
import { HoursEditor } from './HoursEditor';

/** « Réglages du pôle »: every editable setting of one pôle, grouped, saved at once. */
export function SettingsForm(props: { lang: string }) {
  const t = useT('settings');
  const ta = useT('admin');
  const settings = useAdmin().settings;
  const draft = settings.draft.value;
  const view = settings.view.value;
  if (!draft || !view) return null;
  return (
    <form
      class="settings__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void settings.save();
      }}
    >
      <p class="muted">{t('intro')}</p>
      <Group id="help" legend={t('group.help')}>
        <p class="muted" id="settings-fallback-hint">{t('hint.fallback')}</p>
        {SUPPORTED_LANGUAGES.map((lang) => (
          <FallbackField key={lang} lang={lang} />
        ))}
        <NumberField path="help.escalationMinutes" label={t('field.escalationMinutes')} unit="minutes" />
        <NumberField path="help.expiryMinutes" label={t('field.expiryMinutes')} unit="minutes" />
        <NumberField path="help.ringIntervalSeconds" label={t('field.ringIntervalSeconds')} unit="seconds" />
        <NumberField path="help.offlineExpiryMinutes" label={t('field.offlineExpiryMinutes')} unit="minutes" />
      </Group>
      <Group id="idle" legend={t('group.idle')}>
        <NumberField path="idle.warningAfterSeconds" label={t('field.warningAfterSeconds')} unit="seconds" />
        <NumberField path="idle.answerSeconds" label={t('field.answerSeconds')} unit="seconds" />
        <NumberField path="help.claimedPauseMinutes" label={t('field.claimedPauseMinutes')} unit="minutes" />
      </Group>
      <Group id="hours" legend={t('group.hours')}>
        <HoursEditor lang={props.lang} />
        <ClosedDaysEditor lang={props.lang} />
      </Group>
      <Group id="languages" legend={t('group.languages')}>
        <LanguagesField />
      </Group>
      <Group id="guides" legend={t('group.guides')}>
        <GuidesField />
      </Group>
      <Group id="hosts" legend={t('group.hosts')}>
        <HostsField />
      </Group>
      <Group id="booking" legend={t('group.booking')}>
        <NumberField path="booking.maxLivePerPhone" label={t('field.maxLivePerPhone')} unit="rendezVous" />
        <NumberField path="booking.maxLivePerDossier" label={t('field.maxLivePerDossier')} unit="rendezVous" />
        <NumberField path="booking.maxPerKioskPerHour" label={t('field.maxPerKioskPerHour')} unit="bookings" />
      </Group>
      <Group id="fleet" legend={t('group.fleet')}>
        <NumberField path="fleet.offlineAlertMinutes" label={t('field.offlineAlertMinutes')} unit="minutes" />
      </Group>
      <Group id="pole" legend={t('group.pole')}>
        <TextField path="name" label={t('field.name')} />
        <TextField path="address" label={t('field.address')} />
      </Group>
      <SaveAnswer />
      <p class="settings__actions">
        <button type="submit" class="button button--primary" disabled={settings.saving.value}>
          {settings.saving.value ? ta('common.saving') : ta('common.save')}
        </button>
      </p>
    </form>
  );
}

function FallbackField(props: { lang: Language }) {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const path = `help.fallback.${props.lang}`;
  const errors = useErrors(path);
  const id = `settings-fallback-${props.lang}`;
  const hint = props.lang === 'fr' ? 'settings-fallback-hint' : `${id}-hint`;
  return (
    <div class="settings__field">
      <label for={id}>{t('field.fallback', { language: LANGUAGE_INFO[props.lang].nativeName })}</label>
      {props.lang !== 'fr' && (
        <p class="muted" id={hint}>
          {t('hint.fallbackOther')}
        </p>
      )}
      <textarea
        id={id}
        rows={3}
        lang={props.lang}
        dir={LANGUAGE_INFO[props.lang].dir}
        value={settings.draft.value?.fallback[props.lang] ?? ''}
        {...invalidProps(path, errors, hint)}
        onInput={(e) => {
          const text = e.currentTarget.value;
          settings.edit((d) => ({ ...d, fallback: { ...d.fallback, [props.lang]: text } }));
        }}
      />
      <FieldErrors prefix={path} errors={errors} />
    </div>
  );
}

function TextField(props: { path: 'name' | 'address'; label: string }) {
  const settings = useAdmin().settings;
  const errors = useErrors(props.path);
  const id = `settings-${props.path}`;
  return (
    <div class="settings__field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        dir="auto"
        value={settings.draft.value?.[props.path] ?? ''}
        {...invalidProps(props.path, errors)}
        onInput={(e) => {
          const text = e.currentTarget.value;
          settings.edit((d) => ({ ...d, [props.path]: text }));
        }}
      />
      <FieldErrors prefix={props.path} errors={errors} />
    </div>
  );
}

/**
 * One language to offer, with what a pôle needs to decide: whether a person fluent in it read
 * the texts (never claimed when nobody did), who made them, and how complete kiosk and console are.
 */
function LanguageChoice(props: { status: LanguageStatus; checked: boolean; onToggle: (on: boolean) => void }) {
  const t = useT('settings');
  const nameOf = useLanguageName();
  const { status } = props;
  const id = `settings-language-${status.code}`;
  const percent = (ratio: number) => Math.floor(ratio * 100);
  return (
    <div class="settings__language">
      <label class="settings__choice" for={id}>
        <input id={id} type="checkbox" checked={props.checked} aria-describedby={`${id}-status`} onChange={(e) => props.onToggle(e.currentTarget.checked)} />
        <span lang={status.code} dir={LANGUAGE_INFO[status.code].dir}>
          {LANGUAGE_INFO[status.code].nativeName}
        </span>
        {status.code !== SOURCE_LANGUAGE && <span class="muted"> ({nameOf(status.code)})</span>}
      </label>
      <p id={`${id}-status`} class={`settings__translation settings__translation--${status.reviewed ? 'reviewed' : 'unreviewed'}`}>
        {status.code === SOURCE_LANGUAGE
          ? t('translation.source')
          : [
              status.reviewed ? t('translation.reviewed', { by: status.reviewedBy ?? '' }) : t('translation.unreviewed'),
              t(`translation.kiosk.${status.kiosk.status}`, { percent: percent(status.kiosk.ratio) }),
              t(`translation.console.${status.console.status}`, { percent: percent(status.console.ratio) }),
            ].join(' · ')}
      </p>
      {status.code !== SOURCE_LANGUAGE && <p class="settings__translation-by muted">{t('translation.producedBy', { by: status.producedBy })}</p>}
    </div>
  );
}

function LanguagesField() {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const draft = settings.draft.value!;
  const errors = useErrors('languages');
  const defaultErrors = useErrors('defaultLanguage');
  const toggle = (lang: Language, on: boolean) =>
    settings.edit((d) => ({ ...d, languages: on ? SUPPORTED_LANGUAGES.filter((l) => l === lang || d.languages.includes(l)) : d.languages.filter((l) => l !== lang) }));
  return (
    <>
      <fieldset class="settings__choices settings__choices--languages" aria-describedby={invalidProps('languages', errors)['aria-describedby']}>
        <legend>{t('field.languages')}</legend>
        {(settings.view.value?.languages ?? []).map((status) => (
          <LanguageChoice key={status.code} status={status} checked={draft.languages.includes(status.code)} onToggle={(on) => toggle(status.code, on)} />
        ))}
        <FieldErrors prefix="languages" errors={errors} />
      </fieldset>
      <div class="settings__field">
        <label for="settings-default-language">{t('field.defaultLanguage')}</label>
        <select id="settings-default-language" value={draft.defaultLanguage} {...invalidProps('defaultLanguage', defaultErrors)} onChange={(e) => settings.edit((d) => ({ ...d, defaultLanguage: e.currentTarget.value as Language }))}>
          {SUPPORTED_LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_INFO[lang].nativeName}
            </option>
          ))}
        </select>
        <FieldErrors prefix="defaultLanguage" errors={defaultErrors} />
      </div>
    </>
  );
}

function GuidesField() {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const draft = settings.draft.value!;
  const choices = settings.view.value?.guides ?? [];
  const errors = useErrors('guides');
  const toggle = (id: string, on: boolean) => settings.edit((d) => ({ ...d, guides: on ? [...d.guides.filter((g) => g !== id), id] : d.guides.filter((g) => g !== id) }));
  return (
    <fieldset class="settings__choices settings__choices--guides" aria-describedby={invalidProps('guides', errors, 'settings-guides-hint')['aria-describedby']}>
      <legend>{t('field.guides')}</legend>
      <p class="muted" id="settings-guides-hint">
        {t('hint.guides')}
      </p>
      {choices.map((g) => (
        <label key={g.id} class="settings__choice" lang="fr">
          <input type="checkbox" checked={draft.guides.includes(g.id)} onChange={(e) => toggle(g.id, e.currentTarget.checked)} />
          {g.title}
        </label>
      ))}
      <FieldErrors prefix="guides" errors={errors} />
    </fieldset>
  );
}

function HostsField() {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const errors = useErrors('allowedHosts');
  return (
    <div class="settings__field">
      <label for="settings-hosts">{t('field.allowedHosts')}</label>
      <p class="muted" id="settings-hosts-hint">
        {t('hint.allowedHosts')}
      </p>
      <textarea
        id="settings-hosts"
        rows={8}
        dir="ltr"
        spellcheck={false}
        value={settings.draft.value?.allowedHosts ?? ''}
        {...invalidProps('allowedHosts', errors, 'settings-hosts-hint')}
        onInput={(e) => {
          const text = e.currentTarget.value;
          settings.edit((d) => ({ ...d, allowedHosts: text }));
        }}
      />
      <FieldErrors prefix="allowedHosts" errors={errors} />
    </div>
  );
}
