import { useEffect, useState } from 'preact/hooks';
import type { StaffAgendaDay } from '../../core/agenda/booking';
import { addDays, isoDate, parisDate, parisToUtc, parseIsoDate } from '../../core/agenda/paris-time';
import { WEEKDAYS, type WeeklyPeriods } from '../../core/agenda/slots';
import { pickLocalized, SUPPORTED_LANGUAGES, type Language, localeFor } from '../../core/i18n/languages';
import { useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';
import { ErrorMessage } from './ErrorMessage';
import { NAME_SLOT, SentenceWithName } from './PersonName';

type Referent = StaffAgendaDay['referents'][number];
const TZ = 'Europe/Paris';

const time = (iso: string, lang: string) => new Intl.DateTimeFormat(localeFor(lang), { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const dateTime = (iso: string, lang: string) => new Intl.DateTimeFormat(localeFor(lang), { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const dayTitle = (day: string, lang: string) => new Intl.DateTimeFormat(localeFor(lang), { timeZone: TZ, dateStyle: 'full' }).format(new Date(`${day}T12:00:00Z`));
const weekdayName = (i: number, lang: string) => new Intl.DateTimeFormat(localeFor(lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i)));

/** "2026-11-25T14:30" typed in the console is Paris time, whatever the browser's own zone. */
export function parisInputToIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  const date = m ? parseIsoDate(m[1]!) : null;
  const utc = date ? parisToUtc(date, Number(m![2]) * 60 + Number(m![3])) : null;
  return utc === null ? null : new Date(utc).toISOString();
}

/** Each référent's bookings of one day; admins also edit the weekly hours and the absences. */
export function AgendaPanel() {
  const t = useT('staff');
  const staff = useStaff();
  const siteId = staff.siteId.value;
  const [day, setDay] = useState(() => isoDate(parisDate(Date.now())));
  const [agenda, setAgenda] = useState<StaffAgendaDay | null>(null);
  const version = staff.agendaVersion.value;
  const lang = document.documentElement.lang || 'fr';

  // The policy decides (a médiateur sees the agenda of the pôle where they are on duty).
  const allowed = staff.may('site.agenda.read');
  useEffect(() => {
    if (!siteId || !allowed) return;
    let current = true;
    void staff.run(() => staff.api.agenda(siteId, day)).then((a) => {
      if (current && a) setAgenda(a);
    });
    return () => {
      current = false;
    };
  }, [siteId, day, version, allowed]);

  const shift = (days: number) => setDay(isoDate(addDays(parseIsoDate(day)!, days)));
  return (
    <section class="panel agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agenda.title')}</h2>
      {!allowed && <p class="muted">{t('agenda.onDutyFirst')}</p>}
      <div class="agenda__nav">
        <button type="button" class="button" onClick={() => shift(-1)}>
          {t('agenda.previousDay')}
        </button>
        <label class="agenda__day">
          <span>{t('agenda.day')}</span>
          <input type="date" value={day} onChange={(e) => parseIsoDate(e.currentTarget.value) && setDay(e.currentTarget.value)} />
        </label>
        <button type="button" class="button" onClick={() => shift(1)}>
          {t('agenda.nextDay')}
        </button>
      </div>
      <p class="strong" aria-live="polite">
        {dayTitle(day, lang)}
      </p>
      {allowed && agenda?.referents.map((r) => <ReferentCard key={r.id} referent={r} lang={lang} />)}
    </section>
  );
}

const consoleLanguage = (lang: string): Language => ((SUPPORTED_LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'fr');

function ReferentCard(props: { referent: Referent; lang: string }) {
  const t = useT('staff');
  const staff = useStaff();
  const r = props.referent;
  const admin = staff.may('referent.hours.change');
  const titleId = `ref-${r.id}`;
  return (
    <article class="referent" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('agenda.referent', { name: r.firstName, metier: r.gender ? t(`agenda.metier.${r.metier}`, { context: r.gender }) : t(`agenda.metier.${r.metier}`) })}</h3>
      {r.bookings.length === 0 ? (
        <p class="muted">{t('agenda.empty')}</p>
      ) : (
        <ul class="bookings">
          {r.bookings.map((b) => (
            <li key={b.id} class="booking-row">
              <span class="strong" dir="ltr">
                {t('agenda.timeRange', { from: time(b.startsAt, props.lang), to: time(b.endsAt, props.lang) })}
              </span>
              <span>{t('agenda.motifMode', { motif: b.motifName ? pickLocalized(b.motifName, consoleLanguage(props.lang)).text : t(`agenda.motif.${b.motifCategory ?? 'referent_followup'}`), mode: t(`agenda.mode.${b.mode}`) })}</span>
              <span>{'dossierNumber' in b.who ? t('agenda.whoDossier', { number: b.who.dossierNumber }) : <SentenceWithName name={b.who.name} sentence={t('agenda.whoContact', { name: NAME_SLOT, phone: b.who.phone })} />}</span>
              <span class="muted">{t('agenda.reference', { reference: b.reference })}</span>
            </li>
          ))}
        </ul>
      )}
      <details class="referent__more">
        <summary>{t('agenda.hoursAndAbsences')}</summary>
        <HoursEditor referent={r} editable={admin} />
        <Absences referent={r} editable={staff.may('referent.absence.change')} lang={props.lang} />
      </details>
    </article>
  );
}

/** Two periods a day (morning, afternoon); an empty pair means closed. */
export function HoursEditor(props: { referent: Pick<Referent, 'id' | 'firstName' | 'hours'>; editable: boolean }) {
  const t = useT('staff');
  const staff = useStaff();
  const lang = document.documentElement.lang || 'fr';
  const initial = () => WEEKDAYS.map((d) => [0, 1].map((i) => [...(props.referent.hours[d]?.[i] ?? ['', ''])] as [string, string]));
  const [rows, setRows] = useState(initial);
  const [saved, setSaved] = useState(false);
  useEffect(() => setRows(initial()), [JSON.stringify(props.referent.hours)]);
  // A refused change is said next to these hours and their button, not at the top of the page.
  const where = `hours-${props.referent.id}`;
  const invalid = staff.errorWhere.value === where && staff.error.value !== null;

  const save = async () => {
    const hours: WeeklyPeriods = {};
    WEEKDAYS.forEach((d, i) => {
      const periods = rows[i]!.filter(([a, b]) => a && b);
      if (periods.length) hours[d] = periods;
    });
    setSaved(false);
    const done = await staff.run(async () => {
      await staff.api.setHours(props.referent.id, hours);
      return true;
    }, where);
    if (done) setSaved(true);
  };

  return (
    <form
      class="hours"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4>{t('agenda.hoursTitle')}</h4>
      <table class="hours__table">
        <thead>
          <tr>
            <th scope="col">{t('agenda.weekday')}</th>
            <th scope="col">{t('agenda.period', { n: 1 })}</th>
            <th scope="col">{t('agenda.period', { n: 2 })}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d, i) => (
            <tr key={d}>
              <th scope="row">{weekdayName(i, lang)}</th>
              {[0, 1].map((p) => (
                <td key={p}>
                  <input
                    type="time"
                    disabled={!props.editable}
                    aria-label={t('agenda.periodFrom', { day: weekdayName(i, lang), n: p + 1 })}
                    aria-describedby={invalid ? `${where}-error` : undefined}
                    value={rows[i]![p]![0]}
                    onInput={(e) => setRows(rows.map((row, ri) => (ri === i ? row.map((pair, pi) => (pi === p ? [e.currentTarget.value, pair[1]] : pair)) : row)) as typeof rows)}
                  />
                  <input
                    type="time"
                    disabled={!props.editable}
                    aria-label={t('agenda.periodTo', { day: weekdayName(i, lang), n: p + 1 })}
                    aria-describedby={invalid ? `${where}-error` : undefined}
                    value={rows[i]![p]![1]}
                    onInput={(e) => setRows(rows.map((row, ri) => (ri === i ? row.map((pair, pi) => (pi === p ? [pair[0], e.currentTarget.value] : pair)) : row)) as typeof rows)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.editable && (
        <>
          <ErrorMessage where={where} id={`${where}-error`} />
          <button type="submit" class="button button--primary">
            {t('agenda.saveHours', { name: props.referent.firstName })}
          </button>
          <p role="status">{saved ? t('agenda.saved') : ''}</p>
        </>
      )}
    </form>
  );
}

export function Absences(props: { referent: Pick<Referent, 'id' | 'firstName' | 'absences'>; editable: boolean; lang: string }) {
  const t = useT('staff');
  const staff = useStaff();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const where = `absences-${props.referent.id}`;
  const invalid = staff.errorWhere.value === where && staff.error.value !== null;
  const add = async () => {
    const startsAt = parisInputToIso(from);
    const endsAt = parisInputToIso(to);
    if (!startsAt || !endsAt) return;
    const done = await staff.run(() => staff.api.addAbsence(props.referent.id, startsAt, endsAt), where);
    if (done) {
      setFrom('');
      setTo('');
    }
  };
  return (
    <div class="absences">
      <h4>{t('agenda.absencesTitle')}</h4>
      {props.referent.absences.length === 0 && <p class="muted">{t('agenda.noAbsence')}</p>}
      <ul class="absences__list">
        {props.referent.absences.map((a) => (
          <li key={a.id}>
            <span>{t('agenda.absence', { from: dateTime(a.startsAt, props.lang), to: dateTime(a.endsAt, props.lang) })}</span>
            {props.editable && (
              <button type="button" class="button" onClick={() => void staff.run(() => staff.api.removeAbsence(a.id), where)}>
                {t('agenda.removeAbsence', { from: dateTime(a.startsAt, props.lang) })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.editable && (
        <form
          class="absences__add"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label>
            <span>{t('agenda.absenceFrom')}</span>
            <input type="datetime-local" required value={from} aria-describedby={invalid ? `${where}-error` : undefined} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('agenda.absenceTo')}</span>
            <input type="datetime-local" required value={to} aria-describedby={invalid ? `${where}-error` : undefined} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <ErrorMessage where={where} id={`${where}-error`} />
          <button type="submit" class="button">
            {t('agenda.addAbsence', { name: props.referent.firstName })}
          </button>
        </form>
      )}
    </div>
  );
}
