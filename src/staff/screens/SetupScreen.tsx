import { useEffect, useState } from 'preact/hooks';
import { normalizeSetupCode, PASSWORD_MIN_LENGTH } from '../../core/api/accounts';
import { useT } from '../../web/i18n-context';
import { formatWhen } from '../components/accounts/account-words';
import { LanguageChoice } from '../components/accounts/LanguageChoice';
import { useAdmin } from '../state/admin-context';

/**
 * What a new staff member sees from their one-time link (#/setup/<code>), without being signed
 * in: whose account it is, the rule, and two password fields. Then they sign in as anyone does.
 */
export function SetupScreen(props: { code: string; language: string; onLanguage: (lang: string) => void }) {
  const t = useT('accounts');
  const admin = useAdmin();
  const setup = admin.accounts.setup;
  // The state reads the link; the screen only says which one is open.
  useEffect(() => {
    if (props.code) void setup.open(props.code);
  }, [props.code]);
  const status = setup.status.value;
  return (
    <main class="login accounts__setup" id="main">
      <div class="login__form">
        <LanguageChoice language={props.language} onLanguage={props.onLanguage} />
        <h1 id="setup-title">{t('setup.title')}</h1>
        {!props.code ? (
          <CodeForm onCode={(code) => admin.route.go({ area: 'setup', code })} />
        ) : status === 'loading' ? (
          <p role="status">{t('setup.loading')}</p>
        ) : status === 'ready' ? (
          <PasswordForm />
        ) : status === 'done' ? (
          <div role="status">
            <p>{t('setup.done', { username: setup.info.value?.username ?? '' })}</p>
            <a class="button button--primary" href="#/">
              {t('setup.signIn')}
            </a>
          </div>
        ) : (
          <div role="alert">
            <p class="error">{status === 'invalid' ? t('setup.invalid') : status === 'limited' ? t('setup.limited') : t('setup.failed')}</p>
            <a class="button" href="#/">
              {t('setup.signIn')}
            </a>
          </div>
        )}
      </div>
    </main>
  );
}

function CodeForm(props: { onCode: (code: string) => void }) {
  const t = useT('accounts');
  const [code, setCode] = useState('');
  return (
    <form class="accounts__setup-form" onSubmit={(e) => (e.preventDefault(), normalizeSetupCode(code) && props.onCode(normalizeSetupCode(code)))}>
      <p>{t('setup.noCode')}</p>
      <label for="setup-code">{t('setup.code')}</label>
      <input id="setup-code" dir="ltr" autocomplete="one-time-code" spellcheck={false} value={code} aria-describedby="setup-code-hint" onInput={(e) => setCode(e.currentTarget.value)} />
      <span class="muted accounts__hint" id="setup-code-hint">{t('setup.codeHint')}</span>
      <button type="submit" class="button button--primary">
        {t('setup.continue')}
      </button>
    </form>
  );
}

function PasswordForm() {
  const t = useT('accounts');
  const setup = useAdmin().accounts.setup;
  const info = setup.info.value!;
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | 'refused' | null>(null);

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    // The server checks the length too; saying it here spares a round trip and keeps both fields.
    if (password.length < PASSWORD_MIN_LENGTH) return setProblem('tooShort');
    if (password !== again) return setProblem('mismatch');
    const refusal = await setup.submit(password);
    setProblem(refusal ? (refusal.fields.password ? 'tooShort' : 'refused') : null);
  }

  return (
    <form class="accounts__setup-form" aria-labelledby="setup-title" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('setup.intro', { firstName: info.firstName, username: info.username, date: formatWhen(info.expiresAt) })}</p>
      {/* The username, for the browser's password manager: it saves the pair. */}
      <input type="text" name="username" autocomplete="username" value={info.username} readOnly hidden />
      <label for="setup-password">{t('setup.password')}</label>
      <input
        id="setup-password"
        type="password"
        autocomplete="new-password"
        value={password}
        aria-describedby="setup-rule"
        aria-invalid={problem === 'tooShort' ? true : undefined}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <p class="muted accounts__hint" id="setup-rule">
        {t('setup.rule')}
      </p>
      <label for="setup-again">{t('setup.passwordAgain')}</label>
      <input id="setup-again" type="password" autocomplete="new-password" value={again} aria-invalid={problem === 'mismatch' ? true : undefined} onInput={(e) => setAgain(e.currentTarget.value)} />
      <div role="alert">{problem && <p class="error">{problem === 'tooShort' ? t('setup.tooShort') : problem === 'mismatch' ? t('setup.mismatch') : t('setup.failed')}</p>}</div>
      <button type="submit" class="button button--primary" disabled={setup.busy.value}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
