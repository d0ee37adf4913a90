import { useEffect, useRef } from 'preact/hooks';
import type { Speakable } from '../../core/i18n/speakable';
import { useT } from '../../web/i18n-context';
import { createSpeechPlayer } from '../io/speech';
import { guideSpeakables, helpSpeakables, SCREEN_SPEAKABLES } from '../../core/i18n/kiosk-speakables';
import { useKiosk } from '../state/context';
import type { KioskState } from '../state/kiosk-state';
import './listen.css';

/** The keys of the main text of the screen on show (core/i18n/kiosk-speakables.ts). */
export function currentSpeakables(kiosk: KioskState): Speakable[] {
  if (kiosk.commands.outOfService.value && kiosk.screen.value !== 'help') return SCREEN_SPEAKABLES.outOfService;
  const screen = kiosk.screen.value;
  if (screen === 'help') return helpSpeakables(kiosk.helpScreen());
  if (screen === 'guide') {
    const guide = kiosk.guide.guide.value;
    return guide ? guideSpeakables(guide, kiosk.guide.current.value?.step ?? 0) : [];
  }
  return [...SCREEN_SPEAKABLES[screen]];
}

/**
 * « Écouter », in the help bar of every screen beside « Appeler un médiateur »: reads the
 * screen's main text in the session's language, slower than normal; « Arrêter la lecture »
 * stops it and « Écouter » reads it again from the start (EN 301 549 5.1.3). « Moins fort » and
 * « Plus fort » change the volume for this session only.
 */
export function ListenButton() {
  const t = useT();
  const kiosk = useKiosk();
  const speech = kiosk.speech;
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (!audio.current) return;
    speech.attach(createSpeechPlayer(audio.current));
    return () => speech.attach(null);
  }, [speech]);
  const status = speech.status.value;
  const playing = status === 'playing';
  const volume = Math.round(speech.volume.value * 100);
  return (
    <div class="listen" role="group" aria-label={t('listen.controls')}>
      {/* The recordings and the server's voice play here; nothing is shown. */}
      <audio ref={audio} class="listen__audio" preload="none" />
      {/* One row: the bar stays as low as « Appeler un médiateur », which leaves the screen its height at 1280 × 1024.
          − and + carry their names for screen readers; the volume between them says what they change. */}
      <div class="listen__row">
        <button type="button" class="button listen__main" aria-pressed={playing} onClick={() => (playing ? speech.stop() : void speech.listen(currentSpeakables(kiosk)))}>
          <SpeakerIcon />
          <span>{playing ? t('listen.stop') : t('listen.button')}</span>
        </button>
        <button type="button" class="button listen__step" onClick={() => speech.quieter()} disabled={volume <= 20}>
          <SignIcon plus={false} />
          <span class="visually-hidden">{t('listen.quieter')}</span>
        </button>
        <span class="listen__level" role="status">
          {t('listen.volume', { percent: volume })}
        </span>
        <button type="button" class="button listen__step" onClick={() => speech.louder()} disabled={volume >= 100}>
          <SignIcon plus />
          <span class="visually-hidden">{t('listen.louder')}</span>
        </button>
      </div>
      {(status === 'no-voice' || status === 'failed') && (
        <div class="listen__notice notice" role="alert">
          <p>{status === 'no-voice' ? t('listen.noVoice') : t('listen.failed')}</p>
          <p>{t('listen.askMediator')}</p>
          <div class="listen__notice-actions">
            <button type="button" class="button button--primary" onClick={() => void kiosk.callHelp()}>
              {t('help.button')}
            </button>
            <button type="button" class="button" onClick={() => speech.stop()}>
              {t('listen.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function SignIcon(props: { plus: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={props.plus ? 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6V5Z' : 'M5 11h14v2H5v-2Z'} />
    </svg>
  );
}

function SpeakerIcon() {
  return (
    <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3Zm13.5 3A4.5 4.5 0 0 0 14 7.97v8.05A4.5 4.5 0 0 0 16.5 12ZM14 3.23v2.06a7 7 0 0 1 0 13.42v2.06a9 9 0 0 0 0-17.54Z" />
    </svg>
  );
}
