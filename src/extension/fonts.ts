import { LANGUAGE_INFO, type Language } from '../core/i18n/languages';

/**
 * The kiosk's script fonts, shipped in the extension too (fontsource's Noto Sans Arabic and Noto
 * Sans Ethiopic, SIL Open Font License; only the script subsets, 400 and 700): on a kiosk PC
 * without fonts-noto-core, Tigrinya in the bar showed empty boxes and Pashto's ۍ a box.
 *
 * Chromium ignores @font-face inside a shadow root, so the faces are registered on the document
 * (document.fonts) from the content script. Their family names are Borne's own and their
 * unicode-range only the script's letters: the official site's text and fonts are untouched, and
 * a face is only fetched when the bar shows such a letter.
 */
export const BAR_ARABIC_FAMILY = 'Borne Bar Arabic';
export const BAR_ETHIOPIC_FAMILY = 'Borne Bar Ethiopic';

const ARABIC_RANGE = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';
const ETHIOPIC_RANGE = 'U+030E, U+1200-1399, U+2D80-2DDE, U+AB01-AB2E';

export interface BundledFace {
  family: string;
  script: 'arabic' | 'ethiopic';
  weight: '400' | '700';
  unicodeRange: string;
  /** In the extension (copied by src/launcher/extension-build.ts; web-accessible to the official sites). */
  file: string;
}

function face(script: BundledFace['script'], weight: BundledFace['weight']): BundledFace {
  const name = `noto-sans-${script}-${script}-${weight}-normal.woff2`;
  return {
    family: script === 'arabic' ? BAR_ARABIC_FAMILY : BAR_ETHIOPIC_FAMILY,
    script,
    weight,
    unicodeRange: script === 'arabic' ? ARABIC_RANGE : ETHIOPIC_RANGE,
    file: `fonts/${name}`,
  };
}

export const BUNDLED_FACES: readonly BundledFace[] = [face('arabic', '400'), face('arabic', '700'), face('ethiopic', '400'), face('ethiopic', '700')];

/**
 * Adds the bundled faces to the document's fonts, once per document, then loads those of the
 * language's script before the bar draws: text laid out while its face was still loading kept
 * its empty boxes in Chromium (see src/web/fonts.ts). A slow load never holds the bar for long.
 */
export async function useBundledFonts(language: Language, url: (file: string) => string = (file) => chrome.runtime.getURL(file), doc: Document = document, timeoutMs = 1500): Promise<void> {
  if (!doc.fonts || typeof FontFace === 'undefined') return;
  const mine: FontFace[] = [];
  try {
    for (const bundled of BUNDLED_FACES) {
      let fontFace: FontFace | undefined;
      doc.fonts.forEach((f) => {
        if (f.family.replace(/^["']|["']$/g, '') === bundled.family && f.weight === bundled.weight) fontFace = f;
      });
      if (!fontFace) {
        fontFace = new FontFace(bundled.family, `url("${url(bundled.file)}") format("woff2")`, { weight: bundled.weight, style: 'normal', unicodeRange: bundled.unicodeRange, display: 'swap' });
        doc.fonts.add(fontFace);
      }
      if (bundled.script === LANGUAGE_INFO[language].script) mine.push(fontFace);
    }
  } catch {
    // No bundled font is no bar: the system's fonts draw it, as before.
    return;
  }
  if (mine.length === 0) return;
  await Promise.race([Promise.allSettled(mine.map((f) => f.load())), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
