import { randomUUID } from 'node:crypto';
import { COMMAND_TTL_MS, type CommandBody, type CommandMessage, type KioskCommandView } from '../../core/fleet/commands';
import { recordStaffAction, type StaffAuditAction } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import { publish, type AppContext } from '../context';
import { apiError } from '../errors';
import type { HelpService } from '../help/help.service';
import type { IdentityService } from '../identity/identity.service';
import { advanceCommand, expireCommands, findCommand, insertCommand, outOfServiceMessage, pendingCommands, recentCommands, setOutOfService } from './commands.repository';
import type { AuthenticatedKiosk, FleetService } from './fleet.service';
import { findKiosk } from './kiosk.repository';

/**
 * Remote actions on kiosks: « Terminer la session » (reset), « Recharger », « Mettre hors
 * service », « Remettre en service ». Each is stored with its state, sent on the kiosk's stream,
 * sent again when the kiosk reconnects while it is pending, and expires after COMMAND_TTL_MS.
 */
export class CommandsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly fleet: FleetService,
    private readonly help: HelpService,
    private readonly identity: IdentityService,
  ) {}

  async send(staff: StaffUser, kioskId: string, body: CommandBody, address: string | null): Promise<KioskCommandView> {
    const site = this.ctx.config.siteOfKiosk(kioskId);
    if (!site) throw apiError('kiosk_not_found');
    // A médiateur on duty may end a session (as before); the other actions are the pôle admins'.
    await authorize(this.ctx.db, staff, body.kind === 'reset' ? 'kiosk.reset' : 'kiosk.command', { siteId: site.id });
    const row = await findKiosk(this.ctx.db, kioskId);
    if (!row) throw apiError('kiosk_not_found');
    const kiosk = { id: kioskId, siteId: site.id };
    const now = this.ctx.clock();
    const before = { outOfService: await outOfServiceMessage(this.ctx.db, kioskId) };
    if (body.kind === 'reset' || body.kind === 'out_of_service') {
      // Server side first: even a kiosk offline right now keeps no call or dossier session open.
      await this.help.endSession(kiosk);
      await this.identity.endSessions(kiosk);
    }
    // Out of service is the kiosk's state, not only a message to it: on the row, it holds across
    // a restart and /api/kiosk/me says it, even if the command itself expires unheard.
    if (body.kind === 'out_of_service') await setOutOfService(this.ctx.db, kioskId, body.message ?? null);
    if (body.kind === 'back_in_service') await setOutOfService(this.ctx.db, kioskId, null);
    const message: CommandMessage | null = body.kind === 'out_of_service' ? (body.message ?? null) : null;
    const command = await insertCommand(this.ctx.db, { id: randomUUID(), siteId: site.id, kioskId, kind: body.kind, message, staffId: staff.id, staffFirstName: staff.firstName, at: now, expiresAt: new Date(now.getTime() + COMMAND_TTL_MS) });
    this.ctx.bus.commandKiosk(kioskId, { id: command.id, kind: command.kind, message: command.message });
    await publish(this.ctx, site.id, { type: 'kioskCommand', command });
    if (body.kind === 'out_of_service' || body.kind === 'back_in_service') await this.publishKiosk(kiosk);
    const after = { outOfService: await outOfServiceMessage(this.ctx.db, kioskId) };
    // The reset keeps the audit name it always had; the other actions say which one in `after`.
    const action: StaffAuditAction = body.kind === 'reset' ? 'kiosk_reset' : 'kiosk_command';
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action, siteId: site.id, target: kioskId, before: { ...before, state: row.outOfService ? 'out_of_service' : 'in_service' }, after: { ...after, state: after.outOfService ? 'out_of_service' : 'in_service', command: command.kind, commandId: command.id }, address, at: now });
    return command;
  }

  /** The kiosk says it received (acknowledged) or applied (done) a command of its own. */
  async ack(kiosk: AuthenticatedKiosk, id: string, status: 'acknowledged' | 'done'): Promise<KioskCommandView> {
    const command = await findCommand(this.ctx.db, id);
    if (!command || command.kioskId !== kiosk.id) throw apiError('command_not_found');
    if (command.status === 'expired') throw apiError('command_over');
    const advanced = await advanceCommand(this.ctx.db, id, status, this.ctx.clock());
    // Sent twice (a retry), or "acknowledged" after "done": nothing changes, nothing is published.
    if (!advanced) return command;
    await publish(this.ctx, kiosk.siteId, { type: 'kioskCommand', command: advanced });
    return advanced;
  }

  /** The latest commands of the pôles the person runs, newest first. */
  async recent(staff: StaffUser, siteId: string): Promise<KioskCommandView[]> {
    if (!this.ctx.sites.has(siteId)) throw apiError('site_unknown');
    await authorize(this.ctx.db, staff, 'fleet.watch', { siteId });
    return recentCommands(this.ctx.db, [siteId]);
  }

  /** Run by the app's sweep: commands not applied in time expire, and the consoles hear it. */
  async sweep(): Promise<void> {
    for (const command of await expireCommands(this.ctx.db, this.ctx.clock())) await publish(this.ctx, command.siteId, { type: 'kioskCommand', command });
  }

  /** What /api/kiosk/me adds: the out-of-service message, or null. */
  outOfService(kioskId: string): Promise<CommandMessage | null> {
    return outOfServiceMessage(this.ctx.db, kioskId);
  }

  private async publishKiosk(kiosk: AuthenticatedKiosk): Promise<void> {
    const status = await this.fleet.status(kiosk);
    if (status) await publish(this.ctx, kiosk.siteId, { type: 'kiosk', kiosk: status });
  }
}

/**
 * A kiosk (re)opened its stream: the commands it has not received yet and that are still worth
 * applying go out again (the stream has subscribed to commands before this runs).
 */
export async function redeliverCommands(ctx: AppContext, kiosk: AuthenticatedKiosk): Promise<void> {
  for (const c of await pendingCommands(ctx.db, kiosk.id, ctx.clock())) ctx.bus.deliverHere(kiosk.id, { id: c.id, kind: c.kind, message: c.message });
}
