import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n/languages';

/**
 * A guide step that names one of the kiosk's own buttons names it as the kiosk shows it, in the
 * session's language: « Touchez “Open the website” », not the French label the English screen
 * never shows. (Buttons of the official sites stay in French: the sites are in French.)
 */
type Guides = Record<string, { steps: Record<string, string> }>;
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('guide steps that name the kiosk\'s « Ouvrir le site »', () => {
  it.each(SUPPORTED_LANGUAGES)('%s: quote its label in that language', (lang) => {
    const label = read<{ guide: { openSite: string } }>(`locales/${lang}/kiosk.json`).guide.openSite;
    const guides = read<Guides>(`locales/${lang}/guides.json`);
    const steps = Object.entries(guides).flatMap(([id, g]) => (g.steps['ouvrir-site'] ? [[id, g.steps['ouvrir-site']] as const] : []));
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.filter(([, text]) => !text.includes(label)).map(([id]) => id)).toEqual([]);
  });
});
