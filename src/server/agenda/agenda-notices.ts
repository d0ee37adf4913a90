import { publish, type AppContext } from '../context';

/** How long agenda changes of a site are gathered before kiosks and consoles are told. */
const AGENDA_NOTICE_MS = 150;

/**
 * Kiosks showing slots refresh them, consoles refresh the day: a freed slot is offered within a
 * fraction of a second. Changes are gathered per site for AGENDA_NOTICE_MS, so a burst of
 * bookings sends one notice instead of making every kiosk of the pôle reload once per booking.
 */
export class AgendaNotices {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly ctx: AppContext,
    /** Called at once for a change of motifs or référents, before the gathered notice. */
    private readonly referenceDataChanged: (siteId: string) => void,
  ) {}

  changed(siteId: string, referenceData = false): Promise<void> {
    if (referenceData) this.referenceDataChanged(siteId);
    if (this.pending.has(siteId)) return Promise.resolve();
    const timer = setTimeout(() => {
      this.pending.delete(siteId);
      this.ctx.bus.agendaChanged(siteId);
      publish(this.ctx, siteId, { type: 'agenda' }).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'agenda notice not stored'));
    }, AGENDA_NOTICE_MS);
    timer.unref();
    this.pending.set(siteId, timer);
    return Promise.resolve();
  }

  /** Sends the notices still gathered (before the server stops). */
  flush(): void {
    for (const [siteId, timer] of this.pending) {
      clearTimeout(timer);
      this.pending.delete(siteId);
      this.ctx.bus.agendaChanged(siteId);
    }
  }
}
