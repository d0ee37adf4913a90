/**
 * Loads the app's own script fonts (fonts.css: Arabic script, and the Ethiopic letters of Tigrinya) before the first
 * render. Text laid out while such a face was still loading kept its empty boxes in Chromium,
 * even once the face had loaded, in some places of the screen and not others. From the service
 * worker's cache this takes a few milliseconds; a slow network never holds the page for long.
 */
export async function loadScriptFonts(doc: Document = document, timeoutMs = 1500): Promise<void> {
  if (!doc.fonts) return;
  const faces = [
    ...['400 1em "Borne Ethiopic"', '700 1em "Borne Ethiopic"'].map((font) => doc.fonts.load(font, '\u1200')),
    ...['400 1em "Borne Arabic"', '700 1em "Borne Arabic"'].map((font) => doc.fonts.load(font, '\u0628')),
  ];
  await Promise.race([Promise.allSettled(faces), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
