import { fireEvent, screen, waitFor } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MotifAdminList, MotifFields, ReferentAdminList, ReferentAdminView } from '../../src/core/agenda/agenda-admin';
import { ApiRequestError } from '../../src/web/api-client';
import { fakeStaffApi, renderConsole, staffI18n } from './support/staff-harness';

/** « Motifs » and « Référents » keep what was typed when the server refuses (issue 10 item 7). */
const LEA: ReferentAdminView = { id: 'ref-lea', siteId: 'chatillon', firstName: 'Léa', metier: 'puericultrice', gender: 'female', place: { fr: 'Salle PMI' }, hours: {}, absences: [], archived: false, version: 3 };
const answers: (() => Promise<unknown>)[] = [];
const sent: { what: string; body: unknown }[] = [];
vi.mock('../../src/staff/agenda-admin-api', () => ({
  agendaAdminApi: {
    referents: async (): Promise<ReferentAdminList> => ({ managedBy: null, languages: ['fr', 'ar'], referents: [LEA] }),
    motifs: async (): Promise<MotifAdminList> => ({ managedBy: null, languages: ['fr', 'ar'], motifs: [] }),
    createMotif: (_siteId: string, fields: MotifFields) => (sent.push({ what: 'createMotif', body: fields }), answers.shift()!()),
    updateReferent: (id: string, fields: unknown, version: number) => (sent.push({ what: 'updateReferent', body: { id, fields, version } }), answers.shift()!()),
  },
}));

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
beforeEach(() => {
  sent.length = 0;
});
afterEach(() => {
  document.body.innerHTML = '';
  window.location.hash = '';
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const describedBy = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

describe('« Ajouter un motif »', () => {
  it('shows each refusal under its field and keeps every value typed', async () => {
    window.location.hash = '#/admin/motifs';
    answers.push(async () =>
      Promise.reject(
        new ApiRequestError(400, 'validation', 'The request is not valid', [
          { path: 'durationMinutes', message: 'the duration must be a multiple of 5 minutes' },
          { path: 'metiers', message: 'choose at least one métier' },
        ]),
      ),
    );
    await renderConsole(i18n, fakeStaffApi('admin').api);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un motif' }));
    fireEvent.input(field('Nom en français (obligatoire)'), { target: { value: 'Aide numérique' } });
    fireEvent.input(field('Nom en arabe (facultatif)'), { target: { value: 'مساعدة رقمية' } });
    fireEvent.input(field('Description en français (obligatoire)'), { target: { value: 'Pour une démarche en ligne.' } });
    fireEvent.input(field('Durée (minutes)'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await screen.findByText('Une durée entre 5 et 240 minutes, par pas de 5.');
    screen.getByText('Corrigez les champs signalés, puis enregistrez à nouveau.');
    expect(describedBy(field('Durée (minutes)'))).toBe('Une durée entre 5 et 240 minutes, par pas de 5.');
    expect(field('Durée (minutes)').getAttribute('aria-invalid')).toBe('true');
    screen.getByText('Cochez au moins un métier pour un premier contact.');
    expect(field('Nom en français (obligatoire)').value).toBe('Aide numérique');
    expect(field('Nom en arabe (facultatif)').value).toBe('مساعدة رقمية');
    expect(field('Durée (minutes)').value).toBe('7');
    expect(sent[0]!.body).toMatchObject({ name: { fr: 'Aide numérique', ar: 'مساعدة رقمية' }, description: { fr: 'Pour une démarche en ligne.' }, durationMinutes: 7, firstContact: true, metiers: [] });
  });
});

describe('« Modifier » a référent', () => {
  it('on a conflict shows the current value, keeps what was typed, and saves from the version now shown', async () => {
    window.location.hash = '#/admin/referents';
    const theirs: ReferentAdminView = { ...LEA, place: { fr: 'Salle PMI, rez-de-chaussée' }, version: 4 };
    answers.push(
      async () => Promise.reject(new ApiRequestError(409, 'version_conflict', 'Someone else saved', undefined, { version: 4 }, theirs)),
      async () => ({ ...LEA, place: { fr: 'Salle 3' }, version: 5 }),
    );
    await renderConsole(i18n, fakeStaffApi('admin').api);
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier Léa' }));
    fireEvent.input(field('Bureau en français (obligatoire)'), { target: { value: 'Salle 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await screen.findByText(/Version actuelle : Léa, puéricultrice ou puériculteur, Salle PMI, rez-de-chaussée/);
    expect(field('Bureau en français (obligatoire)').value).toBe('Salle 3');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => (s.body as { version: number }).version)).toEqual([3, 4]);
  });
});
