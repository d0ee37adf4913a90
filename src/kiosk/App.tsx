import { HelpButton } from './components/HelpButton';
import { IdleDialog } from './components/IdleDialog';
import { OfflineBanner } from './components/OfflineBanner';
import { TopBar } from './components/TopBar';
import { HelpScreen } from './screens/HelpScreen';
import { HomeScreen } from './screens/HomeScreen';
import { UnknownKioskScreen } from './screens/UnknownKioskScreen';
import { useKiosk } from './state/context';

export function App() {
  const kiosk = useKiosk();
  if (kiosk.refused.value) return <UnknownKioskScreen />;
  return (
    <div class="kiosk">
      <TopBar />
      <OfflineBanner />
      <main id="main" class="kiosk__main">
        {kiosk.screen.value === 'help' ? <HelpScreen /> : <HomeScreen />}
      </main>
      <footer class="helpbar">
        <HelpButton />
      </footer>
      <IdleDialog />
    </div>
  );
}
