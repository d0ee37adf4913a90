import { useEffect, useRef } from 'preact/hooks';
import { HelpButton } from './components/HelpButton';
import { IdleDialog } from './components/IdleDialog';
import { ListenButton } from './components/ListenButton';
import { OfflineBanner } from './components/OfflineBanner';
import { TopBar } from './components/TopBar';
import { HelpScreen } from './screens/HelpScreen';
import { DossierScreen } from './screens/DossierScreen';
import { HomeScreen } from './screens/HomeScreen';
import { IdentifyScreen } from './screens/IdentifyScreen';
import { NoDossierScreen } from './screens/NoDossierScreen';
import { OutOfServiceScreen } from './screens/OutOfServiceScreen';
import { UnknownKioskScreen } from './screens/UnknownKioskScreen';
import { ConfirmScreen } from './screens/booking/ConfirmScreen';
import { ContactScreen } from './screens/booking/ContactScreen';
import { DoneScreen } from './screens/booking/DoneScreen';
import { FindScreen } from './screens/booking/FindScreen';
import { GuideScreen } from './screens/guides/GuideScreen';
import { GuidesScreen } from './screens/guides/GuidesScreen';
import { MotifScreen } from './screens/booking/MotifScreen';
import { SlotsScreen } from './screens/booking/SlotsScreen';
import { useKiosk } from './state/context';

export function App() {
  const kiosk = useKiosk();
  const main = useRef<HTMLElement>(null);
  const screen = kiosk.screen.value;
  // A new screen starts at its top, and a screen reader starts reading it there.
  useEffect(() => {
    if (!main.current) return;
    main.current.scrollTop = 0;
    // With enlarged text the whole page scrolls (display.css): it starts at its top too.
    if (main.current.parentElement) main.current.parentElement.scrollTop = 0;
    main.current.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [screen, kiosk.commands.outOfService.value !== null]);
  if (kiosk.refused.value) return <UnknownKioskScreen />;
  return (
    <div class="kiosk">
      <TopBar />
      <OfflineBanner />
      {/* Focusable so a keyboard user can scroll a tall screen (axe: scrollable-region-focusable). */}
      <main id="main" ref={main} class="kiosk__main" tabIndex={0}>
        <CurrentScreen />
      </main>
      <footer class="helpbar">
        <ListenButton />
        <HelpButton />
      </footer>
      <IdleDialog />
    </div>
  );
}

function CurrentScreen() {
  const kiosk = useKiosk();
  // Out of service, the kiosk opens nothing: only « Appeler un médiateur » (the help screen) remains.
  if (kiosk.commands.outOfService.value && kiosk.screen.value !== 'help') return <OutOfServiceScreen />;
  switch (kiosk.screen.value) {
    case 'help':
      return <HelpScreen />;
    case 'identify':
      return <IdentifyScreen />;
    case 'no-dossier':
      return <NoDossierScreen />;
    case 'dossier':
      return <DossierScreen />;
    case 'book-motif':
      return <MotifScreen />;
    case 'book-contact':
      return <ContactScreen />;
    case 'book-slots':
      return <SlotsScreen />;
    case 'book-confirm':
      return <ConfirmScreen />;
    case 'book-done':
      return <DoneScreen />;
    case 'book-find':
      return <FindScreen />;
    case 'guides':
      return <GuidesScreen />;
    case 'guide':
      return <GuideScreen />;
    default:
      return <HomeScreen />;
  }
}
