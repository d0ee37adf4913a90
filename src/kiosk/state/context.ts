import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KioskState } from './kiosk-state';

export const KioskStateContext = createContext<KioskState | null>(null);

export function useKiosk(): KioskState {
  const state = useContext(KioskStateContext);
  if (!state) throw new Error('useKiosk() needs a KioskStateContext provider');
  return state;
}
