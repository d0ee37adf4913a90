import { useEffect, useRef } from 'preact/hooks';
import { HelpButton } from './components/HelpButton';
import { IdleDialog } from './components/IdleDialog';
import { ListenButton } from './components/ListenButton';
import { OfflineBanner } from './components/OfflineBanner';
import { TopBar } from './components/TopBar';
import { HelpScreen } from './screens/HelpScreen';
import { HomeScreen } from './screens/HomeScreen';
import { OutOfServiceScreen } from './screens/OutOfServiceScreen';
import { UnknownKioskScreen } from './screens/UnknownKioskScreen';
import { ConfirmScreen, ContactScreen, DoneScreen, DossierScreen, FindScreen, GuideScreen, GuidesScreen, IdentifyScreen, MotifScreen, NoDossierScreen, SlotsScreen } from './screens/lazy-screens';
import { useKiosk } from './state/context';

export function App() {
  const kiosk = useKiosk();
  const main = useRef<HTMLElement>(null);
  const screen = kiosk.screen.value;
  // A new screen starts at its top, and a screen reader starts reading it there.
  const showTop = () => {
    if (!main.current) return;
    main.current.scrollTop = 0;
    // With enlarged text the whole page scrolls (display.css): it starts at its top too.
    if (main.current.parentElement) main.current.parentElement.scrollTop = 0;
    main.current.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  };
  useEffect(showTop, [screen, kiosk.commands.outOfService.value !== null]);
  if (kiosk.refused.value) return <UnknownKioskScreen />;
  return (
    <div class="kiosk">
      <TopBar />
      <OfflineBanner />
      {/* Focusable so a keyboard user can scroll a tall screen (axe: scrollable-region-focusable). */}
      <main id="main" ref={main} class="kiosk__main" tabIndex={0}>
        {/* A screen whose chunk came late is shown from its top too. */}
        <CurrentScreen onShown={showTop} />
      </main>
      <footer class="helpbar">
        <ListenButton />
        <HelpButton />
      </footer>
      <IdleDialog />
    </div>
  );
}

function CurrentScreen({ onShown }: { onShown: () => void }) {
  const kiosk = useKiosk();
  // Out of service, the kiosk opens nothing: only « Appeler un médiateur » (the help screen) remains.
  if (kiosk.commands.outOfService.value && kiosk.screen.value !== 'help') return <OutOfServiceScreen />;
  switch (kiosk.screen.value) {
    case 'help':
      return <HelpScreen />;
    case 'identify':
      return <IdentifyScreen onShown={onShown} />;
    case 'no-dossier':
      return <NoDossierScreen onShown={onShown} />;
    case 'dossier':
      return <DossierScreen onShown={onShown} />;
    case 'book-motif':
      return <MotifScreen onShown={onShown} />;
    case 'book-contact':
      return <ContactScreen onShown={onShown} />;
    case 'book-slots':
      return <SlotsScreen onShown={onShown} />;
    case 'book-confirm':
      return <ConfirmScreen onShown={onShown} />;
    case 'book-done':
      return <DoneScreen onShown={onShown} />;
    case 'book-find':
      return <FindScreen onShown={onShown} />;
    case 'guides':
      return <GuidesScreen onShown={onShown} />;
    case 'guide':
      return <GuideScreen onShown={onShown} />;
    default:
      return <HomeScreen />;
  }
}
