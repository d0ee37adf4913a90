import { computed, signal } from '@preact/signals';
import { ALERT_STATUSES, type FleetAlertView } from '../../core/fleet/alerts';
import { COMMAND_STATUSES, type CommandBody, type KioskCommandView } from '../../core/fleet/commands';
import type { FleetEvent } from '../../core/fleet/fleet-view';
import { commandsApi, type CommandsApi } from '../commands-api';
import { formRefusal, type FormRefusal } from './form-errors';
import type { StaffState } from './staff-state';

/** Who or what an action was about, and why the server refused it (shown next to that kiosk or alert). */
export interface CommandsRefusal {
  target: string;
  refusal: FormRefusal;
}

// Events and answers can cross: a state only moves forward (sent → acknowledged → done/expired).
const commandRank = (c: KioskCommandView) => Math.min(COMMAND_STATUSES.indexOf(c.status), 2);
const alertRank = (a: FleetAlertView) => ALERT_STATUSES.indexOf(a.status);

/**
 * The console's state for the remote actions on kiosks and the fleet's offline alerts. It hears
 * the fleet's stream (admin-context hands it every event): a snapshot reloads both lists, then
 * each `kioskCommand` and `fleetAlert` event moves one entry.
 */
export function createCommandsState(deps: { staff: StaffState; api?: CommandsApi }) {
  const api = deps.api ?? commandsApi;
  /** The latest command of each kiosk, by kiosk id. */
  const latest = signal<ReadonlyMap<string, KioskCommandView>>(new Map());
  const alerts = signal<ReadonlyMap<string, FleetAlertView>>(new Map());
  /** Kiosk or alert ids with a request on its way. */
  const busy = signal<ReadonlySet<string>>(new Set());
  const refusal = signal<CommandsRefusal | null>(null);

  /** Open alerts first (new before taken), then the resolved ones; newest first within each. */
  const alertList = computed(() => [...alerts.value.values()].sort((a, b) => alertRank(a) - alertRank(b) || b.raisedAt.localeCompare(a.raisedAt)));
  const openAlerts = computed(() => alertList.value.filter((a) => a.status !== 'resolved').length);

  function keepCommand(command: KioskCommandView): void {
    const current = latest.value.get(command.kioskId);
    if (current && (current.createdAt > command.createdAt || (current.id === command.id && commandRank(current) > commandRank(command)))) return;
    const next = new Map(latest.value);
    next.set(command.kioskId, command);
    latest.value = next;
  }

  function keepAlert(alert: FleetAlertView): void {
    const current = alerts.value.get(alert.id);
    if (current && alertRank(current) > alertRank(alert)) return;
    const next = new Map(alerts.value);
    next.set(alert.id, alert);
    alerts.value = next;
  }

  function setBusy(id: string, on: boolean): void {
    const next = new Set(busy.value);
    if (on) next.add(id);
    else next.delete(id);
    busy.value = next;
  }

  async function run<T>(target: string, action: () => Promise<T>): Promise<T | undefined> {
    setBusy(target, true);
    refusal.value = null;
    try {
      return await action();
    } catch (error) {
      refusal.value = { target, refusal: formRefusal(error) };
      return undefined;
    } finally {
      setBusy(target, false);
    }
  }

  /** After a (re)connection of the fleet's stream: what may have been missed meanwhile. */
  async function reload(siteIds: readonly string[]): Promise<void> {
    const [list, ...recent] = await Promise.all([api.alerts().catch(() => null), ...siteIds.map((id) => api.recent(id).catch(() => []))]);
    if (list) alerts.value = new Map(list.map((a) => [a.id, a]));
    // Newest first from the server: the first of each kiosk is its latest.
    for (const command of recent.flat().reverse()) keepCommand(command);
  }

  function apply(event: FleetEvent): void {
    if (event.type === 'snapshot') void reload(event.snapshot.sites.map((s) => s.id));
    else if (event.type === 'kioskCommand') keepCommand(event.command);
    else if (event.type === 'fleetAlert') keepAlert(event.alert);
  }

  return {
    latest,
    alerts,
    alertList,
    openAlerts,
    busy,
    refusal,
    apply,
    reload,
    /** The person may send the other actions than the reset (an admin of the kiosk's pôle). */
    mayCommand: (siteId: string) => deps.staff.me.value !== null && deps.staff.may('kiosk.command') && (deps.staff.me.value.role === 'admin_departement' || deps.staff.me.value.siteIds.includes(siteId)),
    siteName: (siteId: string) => deps.staff.sites.value.find((s) => s.id === siteId)?.name ?? siteId,
    /** Sends a remote action; true once the server has it (its state then follows live). */
    async send(kioskId: string, body: CommandBody): Promise<boolean> {
      const command = await run(kioskId, () => api.send(kioskId, body));
      if (command) keepCommand(command);
      return command !== undefined;
    },
    async take(id: string): Promise<void> {
      const alert = await run(id, () => api.take(id));
      if (alert) keepAlert(alert);
    },
    async resolve(id: string): Promise<void> {
      const alert = await run(id, () => api.resolve(id));
      if (alert) keepAlert(alert);
    },
    clearRefusal(): void {
      refusal.value = null;
    },
  };
}

export type CommandsState = ReturnType<typeof createCommandsState>;
