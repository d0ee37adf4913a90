import { useState } from 'preact/hooks';
import type { CommandKind, CommandMessage } from '../../../core/fleet/commands';
import { SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, LANGUAGES, type Language } from '../../../core/i18n/languages';
import { useLanguageName, useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { refusalText } from './refusal';
import type { CommandsKiosk } from './KioskCommands';

const OTHER_LANGUAGES = SUPPORTED_LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE);

/**
 * The one confirmation of a remote action, inside the kiosk's dialog: what it does, and for
 * « Mettre hors service » the message for usagers (French required, the other languages
 * optional). What was typed stays on screen when the server refuses it.
 */
export function ConfirmCommand(props: { kind: CommandKind; kiosk: CommandsKiosk; titleId: string; textId: string; onClose: () => void }) {
  const t = useT('commands');
  const { commands } = useAdmin();
  const { kind, kiosk } = props;
  const nameOf = useLanguageName();
  const [message, setMessage] = useState<Record<Language, string>>(() => Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, ''])) as Record<Language, string>);
  const [missingFr, setMissingFr] = useState(false);
  const id = `commands-${kind}-${kiosk.id}`;
  const busy = commands.busy.value.has(kiosk.id);
  const refused = commands.refusal.value?.target === kiosk.id ? commands.refusal.value.refusal : null;
  const fieldError = (lang: string) => refused?.fields[`message.${lang}`] ?? (lang === 'fr' && (missingFr || refused?.fields.message) ? t('message.required') : undefined);

  async function confirm(event: Event): Promise<void> {
    event.preventDefault();
    const body: { kind: CommandKind; message?: CommandMessage } = { kind };
    if (kind === 'out_of_service') {
      if (!message.fr.trim()) {
        setMissingFr(true);
        return;
      }
      body.message = { fr: message.fr.trim(), ...Object.fromEntries(OTHER_LANGUAGES.filter((l) => message[l].trim()).map((l) => [l, message[l].trim()])) };
    }
    if (await commands.send(kiosk.id, body)) props.onClose();
  }

  return (
      <form class="commands__form" onSubmit={(e) => void confirm(e)} noValidate>
        <h3 id={props.titleId}>{t(`${kind}.title`, { kiosk: kiosk.label })}</h3>
        <p id={props.textId}>{t(`${kind}.text`)}</p>
        {!kiosk.online && <p class="commands__note">{t('offlineNote')}</p>}
        {kind === 'out_of_service' && (
          <div class="commands__fields">
            {[SOURCE_LANGUAGE, ...OTHER_LANGUAGES].map((lang) => {
              const error = fieldError(lang);
              const hintId = `${id}-${lang}-hint`;
              return (
                <div key={lang} class="commands__field">
                  <label for={`${id}-${lang}`}>{lang === SOURCE_LANGUAGE ? t('message.fr') : t('message.other', { language: nameOf(lang) })}</label>
                  <p id={hintId} class="muted">
                    {t(lang === 'fr' ? 'message.frHint' : 'message.otherHint')}
                  </p>
                  <textarea
                    id={`${id}-${lang}`}
                    lang={lang}
                    dir={LANGUAGES[lang].dir}
                    rows={lang === 'fr' ? 3 : 2}
                    maxLength={500}
                    required={lang === 'fr'}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? `${hintId} ${id}-${lang}-error` : hintId}
                    value={message[lang]}
                    onInput={(e) => {
                      const value = (e.currentTarget as HTMLTextAreaElement).value;
                      setMessage((m) => ({ ...m, [lang]: value }));
                      if (lang === 'fr' && value.trim()) setMissingFr(false);
                    }}
                  />
                  {error && (
                    <p id={`${id}-${lang}-error`} class="error">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        )}
        {refused && (
          <p class="error" role="alert">
            {refusalText(t, refused)}
          </p>
        )}
        <p class="commands__actions">
          <button type="button" class="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
          <button type="submit" class={`button ${kind === 'back_in_service' ? 'button--primary' : 'commands__danger'}`} disabled={busy}>
            {busy ? t('sending') : t(`${kind}.button`)}
          </button>
        </p>
      </form>
  );
}
