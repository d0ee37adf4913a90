import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createSiteList } from '../../src/staff/state/site-list';

describe('a list the console loads for the site it watches', () => {
  it('loads for the site, reloads on its trigger, and drops an answer that comes back after the site changed', async () => {
    const siteId = signal<string | null>('chatillon');
    const allowed = signal(true);
    const trigger = signal(0);
    const pending = new Map<string, (v: string[]) => void>();
    const loads: string[] = [];
    const list = createSiteList<string>({
      siteId,
      allowed,
      trigger,
      load: (id) => {
        loads.push(id);
        return new Promise((resolve) => pending.set(`${id}#${loads.length}`, resolve));
      },
    });
    pending.get('chatillon#1')!(['message de Châtillon']);
    await Promise.resolve();
    expect(list.items.value).toEqual(['message de Châtillon']);

    trigger.value++;
    expect(loads).toEqual(['chatillon', 'chatillon']);
    siteId.value = 'issy-les-moulineaux';
    // Châtillon's late answer must not show under Issy.
    pending.get('chatillon#2')!(['ancien']);
    pending.get('issy-les-moulineaux#3')!(['message d’Issy']);
    await Promise.resolve();
    await Promise.resolve();
    expect(list.items.value).toEqual(['message d’Issy']);

    // No right to read it: nothing is loaded, nothing is shown.
    allowed.value = false;
    expect(list.items.value).toBeNull();
    expect(loads).toHaveLength(3);
    list.dispose();
  });
});
