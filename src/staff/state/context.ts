import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffState } from './staff-state';

export const StaffStateContext = createContext<StaffState | null>(null);

export function useStaff(): StaffState {
  const state = useContext(StaffStateContext);
  if (!state) throw new Error('useStaff() needs a StaffStateContext provider');
  return state;
}
