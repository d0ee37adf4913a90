import type { Selectable } from 'kysely';
import { MOTIF_CATEGORIES, MOTIF_MODES, type Motif } from '../../core/agenda/motif';
import type { WeeklyPeriods } from '../../core/agenda/slots';
import { REFERENT_METIERS, referentGenderOf, type ReferentMetier } from '../../core/dossier/dossier';
import { localizedFromColumns } from '../../core/i18n/localized-text';
import type { Database } from '../store/schema';
import type { AgendaReferent } from './agenda-source';

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

/** A row as the source gives it; a row with a métier or mode this version does not know is skipped. */
export function toMotif(r: Selectable<Database['motifs']>): Motif | undefined {
  if (!isOneOf(MOTIF_MODES, r.mode)) return undefined;
  const metiers = (JSON.parse(r.metiers) as string[]).filter((m): m is ReferentMetier => isOneOf(REFERENT_METIERS, m));
  return {
    id: r.id,
    siteId: r.site_id,
    category: isOneOf(MOTIF_CATEGORIES, r.category) ? r.category : null,
    name: localizedFromColumns(r.name, r.name_i18n),
    description: localizedFromColumns(r.description, r.description_i18n),
    firstContact: r.first_contact !== 0,
    durationMinutes: r.duration_minutes,
    mode: r.mode,
    minDelayMinutes: r.min_delay_minutes,
    maxDelayDays: r.max_delay_days,
    changeLimitHours: r.change_limit_hours,
    metiers,
    position: r.position,
    archived: r.archived_at !== null,
    version: r.version,
  };
}

export function toReferent(r: Selectable<Database['referents']>): AgendaReferent | undefined {
  if (!isOneOf(REFERENT_METIERS, r.metier)) return undefined;
  return {
    id: r.id,
    siteId: r.site_id,
    firstName: r.first_name,
    metier: r.metier,
    gender: referentGenderOf(r.gender),
    place: localizedFromColumns(r.place, r.place_i18n),
    hours: JSON.parse(r.hours) as WeeklyPeriods,
    archived: r.archived_at !== null,
    version: r.version,
  };
}
