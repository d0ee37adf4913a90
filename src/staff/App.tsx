import { Header } from './components/Header';
import { ConsoleScreen } from './screens/ConsoleScreen';
import { LoginScreen } from './screens/LoginScreen';
import type { Chime } from './sound';
import { useStaff } from './state/context';

export function App(props: { chime: Chime; language: string; onLanguage: (lang: string) => void }) {
  const staff = useStaff();
  if (!staff.checked.value) return null;
  if (!staff.me.value) return <LoginScreen />;
  return (
    <div class="app">
      <Header language={props.language} onLanguage={props.onLanguage} />
      <ConsoleScreen chime={props.chime} />
    </div>
  );
}
