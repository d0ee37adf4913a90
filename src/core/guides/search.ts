/**
 * Finds guides from what a person types, in their words: accents, capitals, typos and word order
 * do not matter. Pure and small, so it runs in the kiosk, offline.
 */
export interface SearchDocument {
  id: string;
  /** Weighted more: the title and the "Je veux …" sentence. */
  main: string;
  /** Keywords, organism names, purpose. */
  extra: string;
}

/**
 * The small words of a request, in every language of the kiosk, left out of the search ("je veux",
 * "я хочу", "من می‌خواهم"…): a guide must match the words that say what the person needs.
 * Written as people type them; normalised like the queries.
 */
const STOP_WORD_LISTS = [
  // French
  'je j veux voudrais faire mon ma mes le la les l de des du d un une a au aux et pour en sur avec ou',
  // English
  'i want to my the a an of for on in and with how',
  // Arabic
  'أريد ان أن في من على عن الى إلى و كيف',
  // Ukrainian
  'я хочу мені треба потрібно як де мій моя моє мої в у на з із і й та по для про до від за це',
  // Russian
  'я хочу хотел хотела нужно надо как где мне мой моя моё мои в во на с со и по для о об из к у за от это',
  // Dari (Persian)
  'من میخواهم می خواهم میخوام را به از در با و برای که این یک است چطور چگونه',
  // Pashto
  'زه غواړم غواړم د په له ته او چې دا یو زما لپاره سره څنګه',
  // Tigrinya
  'ኣነ ይደሊ ናይ ኣብ ምስ ከመይ እየ',
];

/** Lower case, no accents or vowel marks, one form for each letter people type in several ways. */
export function normalise(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Arabic script: vowel marks and Quranic signs, the tatweel, and the Persian half-space
      // (typed as nothing, a space or a half-space: "می‌خواهم", "میخواهم").
      .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]/g, '')
      // Hamza forms, then the letters Arabic, Persian and Pashto keyboards write differently.
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ؤ/g, 'و')
      .replace(/ء/g, '')
      .replace(/[يىئېۍےیﻱ]/g, 'ی')
      .replace(/[كګڪ]/g, (c) => (c === 'ګ' ? 'گ' : 'ک'))
      .replace(/[ةۀە]/g, 'ه')
      // Pashto letters a Persian keyboard lacks: typed with the nearest Persian one.
      .replace(/ټ/g, 'ت')
      .replace(/ډ/g, 'د')
      .replace(/ړ/g, 'ر')
      .replace(/ږ/g, 'ژ')
      .replace(/ښ/g, 'ش')
      .replace(/ڼ/g, 'ن')
      // Arabic-Indic and Persian digits are digits.
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      // Cyrillic: ё is written е by most; the Ukrainian apostrophe is part of the word ("об’єкт").
      .replace(/ё/g, 'е')
      .replace(/(?<=\p{Script=Cyrillic})['’ʼ](?=\p{Script=Cyrillic})/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const STOP_WORDS = new Set(STOP_WORD_LISTS.flatMap((list) => normalise(list).split(' ')));

export function tokens(text: string): string[] {
  return normalise(text)
    .split(' ')
    // The Arabic article is part of the written word: « السكن » is « سكن » with "the".
    .map((t) => t.replace(/^ال(?=\p{Script=Arabic}{3,})/u, ''))
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t));
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How well one typed word matches one word of a guide: exact, start of word, or close enough. */
function wordScore(typed: string, word: string): number {
  if (typed === word) return 3;
  if (typed.length >= 3 && word.startsWith(typed)) return 2;
  const allowed = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
  if (allowed > 0 && editDistance(typed, word, allowed) <= allowed) return 1.5;
  // A typo in the part typed so far: "declar" for "declaration", "actualisa" for "actualisation".
  if (allowed > 0 && word.length > typed.length && editDistance(typed, word.slice(0, typed.length), allowed) <= allowed) return 1;
  return 0;
}

export interface SearchHit {
  id: string;
  score: number;
}

/**
 * Guides matching the query, best first. A guide must match most of the typed words, so
 * "declarer impots" does not bring every CAF guide that says "déclarer".
 */
export function searchGuides(query: string, documents: readonly SearchDocument[]): SearchHit[] {
  const typed = tokens(query);
  if (typed.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of documents) {
    const main = tokens(doc.main);
    const extra = tokens(doc.extra);
    let score = 0;
    let matched = 0;
    for (const t of typed) {
      const best = Math.max(0, ...main.map((w) => wordScore(t, w) * 1.5), ...extra.map((w) => wordScore(t, w)));
      if (best > 0) matched++;
      score += best;
    }
    if (matched > 0 && matched >= Math.ceil(typed.length * 0.6)) hits.push({ id: doc.id, score: score / typed.length });
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
