import type { StaffState } from './staff-state';

/** The console's state for this area of « Administration » (placeholder until the area is built). */
export function createEnrolState(deps: { staff: StaffState }) {
  void deps;
  return {};
}

export type EnrolState = ReturnType<typeof createEnrolState>;
