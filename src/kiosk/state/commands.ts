import { computed, type ReadonlySignal } from '@preact/signals';
import type { CommandMessage, KioskCommand } from '../../core/fleet/commands';

export interface KioskCommandsDeps {
  /** Tells the server the command was received, then applied; a lost ack only leaves it « reçue ». */
  ack(id: string, status: 'acknowledged' | 'done'): Promise<void>;
  /** The out-of-service message as the site view holds it (so the offline cache keeps it too). */
  current: ReadonlySignal<CommandMessage | null>;
  setOutOfService(message: CommandMessage | null): void;
  /** What /api/kiosk/me says now: after a reconnection, a command that expired while away still holds. */
  fetchOutOfService(): Promise<CommandMessage | null>;
  inSession(): boolean;
  /** Ends the session in progress as « Terminer » does (and the launcher may restart the browser). */
  endSession(): Promise<void>;
  goHome(): void;
  /** Reloads the page on the newest version of the app (src/kiosk/sw-update.ts). */
  reload(): void;
}

/**
 * The kiosk's side of the console's remote actions (issue 10 item 5): each command arrives on the
 * stream, is acknowledged, applied, and reported done. Out of service is the kiosk's state: the
 * site view carries it, so a reload, a restart or an offline start shows it again.
 */
export function createKioskCommands(deps: KioskCommandsDeps) {
  const handled = new Set<string>();
  const outOfService = computed(() => deps.current.value);

  async function applyOutOfService(message: CommandMessage | null): Promise<void> {
    const wasOut = deps.current.value !== null;
    deps.setOutOfService(message);
    // Back in service: the usager finds the home screen, not what was under the notice.
    if (!message && wasOut) deps.goHome();
    // The server has ended the call and the dossier session already; the kiosk forgets them too.
    if (message && deps.inSession()) await deps.endSession();
  }

  async function receive(command: KioskCommand): Promise<void> {
    // A command sent again on reconnection is applied once.
    if (handled.has(command.id)) return;
    handled.add(command.id);
    const ack = (status: 'acknowledged' | 'done') => deps.ack(command.id, status).catch(() => undefined);
    await ack('acknowledged');
    switch (command.kind) {
      case 'reset':
        // Said before ending: the launcher may throw this browser away right after.
        await ack('done');
        await deps.endSession();
        return;
      case 'reload':
        await ack('done');
        deps.reload();
        return;
      case 'out_of_service':
        deps.setOutOfService(command.message);
        await ack('done');
        await applyOutOfService(command.message);
        return;
      case 'back_in_service':
        await applyOutOfService(null);
        await ack('done');
        return;
    }
  }

  /** After the stream comes back: the server's word on out of service, whatever was missed. */
  async function reconnected(): Promise<void> {
    const message = await deps.fetchOutOfService().catch(() => undefined);
    if (message === undefined) return;
    if (JSON.stringify(message) !== JSON.stringify(deps.current.value)) await applyOutOfService(message);
  }

  return { outOfService, receive, reconnected, applyOutOfService };
}

export type KioskCommands = ReturnType<typeof createKioskCommands>;
