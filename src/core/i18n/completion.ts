/**
 * How much of the French source a language's files translate, per surface.
 *
 * The kiosk surface is complete in every language Borne ships: a usager who cannot read French
 * has nobody to ask. So are the console's calls (a médiateur turns the console to the usager's
 * language to show them a message). The rest of the console may ship partial: a missing key falls
 * back to French with a visible « en français » marker. A pôle cannot offer on its kiosks a
 * language under the threshold.
 */
export const SURFACES = {
  kiosk: ['common', 'kiosk', 'guides', 'extension'],
  calls: ['common', 'staff'],
  console: ['common', 'staff', 'admin', 'fleet', 'enrol', 'accounts', 'agendaAdmin', 'settings', 'commands'],
} as const;
export type Surface = keyof typeof SURFACES;

/** Below this share of translated texts, a surface is too French to be offered in a language. */
export const PARTIAL_THRESHOLD = 0.6;

export type LocaleTree = { [key: string]: string | LocaleTree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text of a tree as "a.b.c", plural forms folded into their base key. */
export function textKeys(tree: LocaleTree | undefined, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      if (value.trim() !== '') out.add(path.replace(PLURAL, ''));
    } else for (const k of textKeys(value, path)) out.add(k);
  }
  return out;
}

export interface Completion {
  translated: number;
  total: number;
  /** 0 to 1. */
  ratio: number;
  status: 'complete' | 'partial' | 'absent';
}

/** The share of the source's texts the language has, over the namespaces of a surface. */
export function completionOf(surface: Surface, source: Partial<Record<string, LocaleTree>>, own: Partial<Record<string, LocaleTree>>): Completion {
  let translated = 0;
  let total = 0;
  for (const ns of SURFACES[surface]) {
    const mine = textKeys(own[ns]);
    for (const key of textKeys(source[ns])) {
      total++;
      if (mine.has(key)) translated++;
    }
  }
  const ratio = total === 0 ? 1 : translated / total;
  return { translated, total, ratio, status: ratio === 1 ? 'complete' : ratio >= PARTIAL_THRESHOLD ? 'partial' : 'absent' };
}
