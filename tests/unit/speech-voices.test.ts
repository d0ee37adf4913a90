import { describe, expect, it } from 'vitest';
import { LANGUAGES, SUPPORTED_LANGUAGES } from '../../src/core/i18n/languages';
import { hasVoice, parseVoices } from '../../src/server/speech/espeak';
import { keyOfRecording } from '../../src/server/speech/recordings';

/** Lines of `espeak-ng --voices` on Debian 12 (espeak-ng 1.51), trimmed to the languages that matter here. */
const DEBIAN_12 = `Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  ar              --/M      Arabic             sem/ar
 2  en-gb           --/M      English_(Great_Britain) gmw/en            (en 2)
 5  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 5  fa              --/M      Persian            ira/fa
 5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)
 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
 5  ru              --/M      Russian            zle/ru
 5  uk              --/M      Ukrainian          zle/uk
`;

describe('which espeak-ng voices the server has', () => {
  it('finds the voice of each language of the table, by language code or voice file', () => {
    const installed = parseVoices(DEBIAN_12);
    const found = SUPPORTED_LANGUAGES.filter((l) => LANGUAGES[l].voice.espeakVoice && hasVoice(installed, LANGUAGES[l].voice.espeakVoice!));
    // No Pashto in 1.51, and no synthetic Tigrinya anywhere.
    expect(found).toEqual(['fr', 'en', 'ar', 'uk', 'fa', 'ru']);
    expect(hasVoice(installed, 'ps')).toBe(false);
  });
});

describe('where a pôle puts a recording', () => {
  it('names a kiosk text at the top of the language folder, a guide text under guides/', () => {
    expect(keyOfRecording('home.title.ogg')).toEqual({ key: 'home.title', ext: 'ogg' });
    expect(keyOfRecording('kiosk/home.title.MP3')).toEqual({ key: 'home.title', ext: 'mp3' });
    expect(keyOfRecording('guides/caf-rsa.steps.demande.wav')).toEqual({ key: 'guides:caf-rsa.steps.demande', ext: 'wav' });
    for (const other of ['home.title.txt', 'staff/title.ogg', 'guides/more/deep.ogg', 'README']) expect(keyOfRecording(other)).toBeNull();
  });
});
