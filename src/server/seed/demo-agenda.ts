import { addDays, parisDate, parisToUtc } from '../../core/agenda/paris-time';
import { freeSlots, type WeeklyPeriods } from '../../core/agenda/slots';
import { translationsColumn } from '../../core/i18n/localized-text';
import { SqlAgendaAdmin } from '../agenda/sql-agenda-admin';
import type { Db } from '../store/db';
import { DEMO_MOTIFS } from './demo-motifs';
import { DEMO_REFERENTS, demoReferentRow } from './demo-referents';

type Hours = WeeklyPeriods;
const DAY = [['08:30', '12:30'], ['13:30', '17:30']] as const;
/** Realistic weeks of a pôle, 8:30–17:30 with a lunch break; each référent has their own. */
const HOURS: Record<'a' | 'b' | 'c', Hours> = {
  a: { mon: DAY, tue: DAY, thu: DAY, fri: [['08:30', '12:30']] },
  b: { mon: DAY, tue: DAY, wed: [['08:30', '12:30']], thu: DAY, fri: DAY },
  c: { tue: DAY, wed: DAY, thu: DAY, fri: DAY },
};

export const motifId = (siteId: string, key: string) => `${siteId}-${key}`;

/** Deterministic, so a demo looks the same each time it is reset, but the slots taken vary. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds the demo agenda once: motifs for every pôle, four référents each, some absences and
 * existing bookings over the next two weeks, so the first free slots differ between référents.
 */
export async function seedDemoAgenda(db: Db, sites: ReadonlySet<string>, now: Date): Promise<void> {
  if (await db.selectFrom('motifs').select('id').limit(1).executeTakeFirst()) return;
  const existing = new Set((await db.selectFrom('referents').select('id').execute()).map((r) => r.id));
  const next = random(20261124);
  const today = parisDate(now.getTime());
  const at = (dayOffset: number, hhmm: string) => new Date(parisToUtc(addDays(today, dayOffset), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)))!).toISOString();
  let n = 0;
  for (const siteId of new Set(DEMO_REFERENTS.map((r) => r.site))) {
    if (!sites.has(siteId)) continue;
    const referents = DEMO_REFERENTS.filter((r) => r.site === siteId);
    // Through the built-in agenda's own writes, as « Motifs » in the console does.
    const admin = new SqlAgendaAdmin(db);
    for (const [position, { key, ...fields }] of DEMO_MOTIFS.entries()) await admin.createMotif(siteId, motifId(siteId, key), { ...fields, position });
    for (const [index, r] of referents.entries()) {
      if (existing.has(r.id)) await db.updateTable('referents').set({ hours: JSON.stringify(HOURS[r.hours]) }).where('id', '=', r.id).execute();
      else await db.insertInto('referents').values(demoReferentRow(r, JSON.stringify(HOURS[r.hours]))).execute();
      // The first référent of each pôle is away tomorrow morning; the second, three days next week.
      if (index === 0) await db.insertInto('absences').values({ id: `abs-${r.id}-1`, referent_id: r.id, starts_at: at(1, '08:00'), ends_at: at(1, '13:00') }).execute();
      if (index === 1) await db.insertInto('absences').values({ id: `abs-${r.id}-2`, referent_id: r.id, starts_at: at(7, '00:00'), ends_at: at(10, '00:00') }).execute();
      const motif = DEMO_MOTIFS.find((m) => m.metiers.includes(r.metier)) ?? DEMO_MOTIFS[0]!;
      const taken = await db.selectFrom('appointments').select(['starts_at', 'ends_at']).where('referent_id', '=', r.id).execute();
      const candidates = freeSlots({
        periods: HOURS[r.hours],
        busy: taken.map((t) => ({ start: Date.parse(t.starts_at), end: Date.parse(t.ends_at) })),
        durationMinutes: motif.durationMinutes,
        minDelayMinutes: 0,
        maxDelayDays: 14,
        now: now.getTime(),
      });
      // About one slot in two taken over the next four days, one in five after.
      for (const slot of candidates) {
        const daysAhead = (slot.start - now.getTime()) / 86_400_000;
        if (next() > (daysAhead < 4 ? 0.45 : 0.2)) continue;
        n++;
        await db
          .insertInto('appointments')
          .values({
            id: `demo-rdv-${n}`,
            reference: `DEM-${String(n).padStart(3, '0')}`,
            motif_id: motifId(siteId, motif.key),
            referent_id: r.id,
            dossier_id: null,
            starts_at: new Date(slot.start).toISOString(),
            ends_at: new Date(slot.end).toISOString(),
            place: r.place.fr,
            place_i18n: translationsColumn(r.place),
            status: 'booked',
            kiosk_id: null,
            contact_name: DEMO_NAMES[n % DEMO_NAMES.length]!,
            contact_phone: `06000000${String(n % 100).padStart(2, '0')}`,
            receipt_hash: null,
            created_at: now.toISOString(),
            changed_at: now.toISOString(),
          })
          .execute();
      }
    }
  }
  // The demo dossier's appointment becomes a follow-up booked through Borne: it can be moved.
  await db.updateTable('appointments').set({ motif_id: motifId('chatillon', 'suivi'), reference: 'DOS-001' }).where('id', '=', 'rdv-1').execute();
}

const DEMO_NAMES = ['Martin Durand', 'Amina Benali', 'Jean Petit', 'Mariam Diallo', 'Luc Bernard', 'Nour Haddad', 'Claire Moreau', 'Ibrahim Sow'];
