import { useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { ErrorMessage } from '../components/ErrorMessage';
import { useStaff } from '../state/context';

export function LoginScreen() {
  const t = useT('staff');
  const staff = useStaff();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <main class="login" id="main">
      <form
        class="login__form"
        aria-labelledby="login-title"
        onSubmit={(e) => {
          e.preventDefault();
          void staff.login(username, password);
        }}
      >
        <h1 id="login-title">{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        <label for="username">{t('login.username')}</label>
        <input id="username" name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <ErrorMessage />
        <button type="submit" class="button button--primary" disabled={staff.busy.value}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
