import { Header } from './components/Header';
import { AdminScreen } from './screens/AdminScreen';
import { ConsoleScreen } from './screens/ConsoleScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import type { Chime } from './sound';
import { useAdmin } from './state/admin-context';
import { useStaff } from './state/context';

export function App(props: { chime: Chime; language: string; onLanguage: (lang: string) => void }) {
  const staff = useStaff();
  const admin = useAdmin();
  const route = admin.route.route.value;
  // A setup link is opened by someone who has no password yet: before any sign-in check.
  if (route.area === 'setup') return <SetupScreen code={route.code} language={props.language} onLanguage={props.onLanguage} />;
  if (!staff.checked.value) return null;
  if (!staff.me.value) return <LoginScreen />;
  return (
    <div class="app">
      <Header language={props.language} onLanguage={props.onLanguage} />
      {/* The calls keep their state (and their ringing) while an admin works in Administration. */}
      <div hidden={route.area !== 'calls'}>
        <ConsoleScreen chime={props.chime} />
      </div>
      {route.area === 'admin' && <AdminScreen section={route.section} />}
    </div>
  );
}
