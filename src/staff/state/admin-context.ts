import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createAccountsState, type AccountsState } from './accounts-state';
import { createAgendaAdminState, type AgendaAdminState } from './agenda-admin-state';
import { createCommandsState, type CommandsState } from './commands-state';
import { createEnrolState, type EnrolState } from './enrol-state';
import { createFleetState, type FleetState } from './fleet-state';
import { createSettingsState, type SettingsState } from './settings-state';
import type { RouteState } from './route';
import type { StaffState } from './staff-state';

/**
 * One state module per area of « Administration », made once at boot and passed by context:
 * panels read signals and call named actions; none fetches inside an effect of its own.
 */
export interface AdminStates {
  route: RouteState;
  /** The pôle the sections that edit one pôle (référents, motifs, réglages) work on: the one chosen, else the person's first. */
  siteId: ReadonlySignal<string | null>;
  chooseSite(siteId: string): void;
  fleet: FleetState;
  /** Remote actions on kiosks and the fleet's alerts. */
  commands: CommandsState;
  enrol: EnrolState;
  accounts: AccountsState;
  agendaAdmin: AgendaAdminState;
  settings: SettingsState;
}

export function createAdminStates(staff: StaffState, route: RouteState): AdminStates {
  const chosen = signal<string | null>(null);
  const siteId = computed(() => {
    const sites = staff.sites.value;
    return sites.some((s) => s.id === chosen.value) ? chosen.value : (sites[0]?.id ?? null);
  });
  const fleet = createFleetState({ staff });
  const commands = createCommandsState({ staff });
  // The fleet's one stream also carries the remote actions' states and the offline alerts.
  fleet.listen((event) => commands.apply(event));
  return {
    route,
    siteId,
    chooseSite: (id) => (chosen.value = id),
    fleet,
    commands,
    enrol: createEnrolState({ staff }),
    accounts: createAccountsState({ staff }),
    agendaAdmin: createAgendaAdminState({ staff }),
    settings: createSettingsState({ staff }),
  };
}

export const AdminContext = createContext<AdminStates | null>(null);

export function useAdmin(): AdminStates {
  const admin = useContext(AdminContext);
  if (!admin) throw new Error('useAdmin() needs an AdminContext provider');
  return admin;
}
