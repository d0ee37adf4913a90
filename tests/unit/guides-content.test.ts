import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORGANISMS, type GuideTexts } from '../../src/core/guides/guide';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n/languages';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';

const sites = loadSites('kiosk-config');
const { guides, warnings } = loadGuides('kiosk-config', sites);
const texts = Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, JSON.parse(readFileSync(`locales/${l}/guides.json`, 'utf8')) as Record<string, GuideTexts>]));

/** Where each text of a guide lives in locales/<lang>/guides.json. */
function paths(id: string): string[] {
  const g = guides.get(id)!;
  return ['title', 'need', 'purpose', ...g.bring.map((b) => `bring.${b.id}.label`), ...g.steps.map((s) => `steps.${s.id}`)];
}

const at = (tree: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);

describe('the guides shipped with Borne', () => {
  it('pass every check of config:check, with no warning', () => {
    expect(warnings).toEqual([]);
  });

  it('cover the démarches usagers come for most: at least 18 guides, every organism, every one offered by every pôle', () => {
    expect(guides.size).toBeGreaterThanOrEqual(18);
    expect(new Set([...guides.values()].map((g) => g.organism))).toEqual(new Set(ORGANISMS));
    for (const site of sites.values()) expect([...site.guides].sort()).toEqual([...guides.keys()].sort());
  });

  it('have every text in every language a site offers, or an explicit fall back to French', () => {
    const gaps: string[] = [];
    for (const site of sites.values()) {
      for (const id of site.guides) {
        for (const lang of site.languages) {
          for (const path of paths(id)) {
            const own = at(texts[lang]![id], path);
            const french = at(texts.fr![id], path);
            // Present in the language, or absent (the player shows French, marked « en français »).
            if (own !== undefined && (typeof own !== 'string' || own.trim() === '')) gaps.push(`${lang} ${id}.${path}: empty`);
            if (typeof french !== 'string' || french.trim() === '') gaps.push(`fr ${id}.${path}: no French to fall back to`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
