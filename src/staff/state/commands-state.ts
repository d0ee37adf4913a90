import type { StaffState } from './staff-state';

/** The console's state for remote actions and fleet alerts (placeholder until the area is built). */
export function createCommandsState(deps: { staff: StaffState }) {
  void deps;
  return {};
}

export type CommandsState = ReturnType<typeof createCommandsState>;
