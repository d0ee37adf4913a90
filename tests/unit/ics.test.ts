import { describe, expect, it } from 'vitest';
import { appointmentIcs, foldLine } from '../../src/core/agenda/ics';

const event = {
  uid: 'a1b2c3@borne',
  start: Date.parse('2026-11-25T08:30:00.000Z'),
  end: Date.parse('2026-11-25T09:00:00.000Z'),
  summary: 'Suivi avec mon référent avec Sophie',
  location: 'Bureau 12, 1er étage; Pôle social de Châtillon',
  description: 'Référence : K7P-4QX',
  stamp: Date.parse('2026-11-23T09:00:00.000Z'),
};

/** Unfolds RFC 5545 lines (CRLF followed by a space continues the previous line). */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('the appointment as an iCalendar event (RFC 5545)', () => {
  it('has the essentials: UID, DTSTAMP, DTSTART and DTEND with TZID, SUMMARY, LOCATION', () => {
    const lines = unfold(appointmentIcs(event));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('UID:a1b2c3@borne');
    expect(lines).toContain('DTSTAMP:20261123T090000Z');
    // 08:30 UTC is 09:30 in Paris in November (CET, UTC+1).
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20261125T093000');
    expect(lines).toContain('DTEND;TZID=Europe/Paris:20261125T100000');
    expect(lines).toContain('SUMMARY:Suivi avec mon référent avec Sophie');
    expect(lines).toContain('LOCATION:Bureau 12\\, 1er étage\\; Pôle social de Châtillon');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('defines the Europe/Paris time zone it refers to, and writes summer times in CEST', () => {
    const ics = appointmentIcs({ ...event, start: Date.parse('2027-06-02T07:30:00.000Z'), end: Date.parse('2027-06-02T08:00:00.000Z') });
    const lines = unfold(ics);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Paris');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20270602T093000');
  });

  it('ends every line with CRLF and folds long lines at 75 octets without cutting a character', () => {
    const ics = appointmentIcs({ ...event, description: 'é'.repeat(100) });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(`DESCRIPTION:${'é'.repeat(100)}`);
    expect(foldLine('short')).toBe('short');
  });

  it('escapes commas, semicolons, backslashes and new lines in texts', () => {
    const lines = unfold(appointmentIcs({ ...event, summary: 'a,b;c\\d\ne' }));
    expect(lines).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne');
  });
});
