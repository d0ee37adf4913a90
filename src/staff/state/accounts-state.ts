import type { StaffState } from './staff-state';

/** The console's state for this area of « Administration » (placeholder until the area is built). */
export function createAccountsState(deps: { staff: StaffState }) {
  void deps;
  return {};
}

export type AccountsState = ReturnType<typeof createAccountsState>;
