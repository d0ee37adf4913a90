import { SPEECH_RATE } from '../../core/i18n/speakable';

/**
 * « Écouter »'s two ways to make sound on the kiosk: the browser's speech synthesis in the
 * usager's language (when the kiosk has such a voice), and an <audio> element for the pôle's
 * recordings and the server's espeak-ng audio. Each reading can be stopped at any time.
 */
export function voiceFor(lang: string, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): SpeechSynthesisVoice | null {
  if (!synth) return null;
  return synth.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang.toLowerCase().split(/[-_]/)[0]) ?? null;
}

/** Calls back whenever the list of voices changes (it loads late in Chromium). */
export function onVoicesChanged(callback: () => void, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): () => void {
  if (!synth) return () => undefined;
  synth.addEventListener('voiceschanged', callback);
  return () => synth.removeEventListener('voiceschanged', callback);
}

/** Reads one text with a browser voice, slower than normal: people read along. */
export function speak(text: string, voice: SpeechSynthesisVoice, onEnd: () => void, synth: SpeechSynthesis = globalThis.speechSynthesis, volume = 1): void {
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = SPEECH_RATE;
  utterance.volume = volume;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  synth.speak(utterance);
}

export function stopSpeaking(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): void {
  synth?.cancel();
}

/** One piece of a reading: a text for the browser's voice, or the URL of audio (recording, espeak-ng). */
export type SpeechSegment = { kind: 'synth'; text: string; voice: SpeechSynthesisVoice } | { kind: 'audio'; url: Promise<string> };

export type PlayOutcome = 'ended' | 'stopped' | 'failed';

export interface SpeechPlayer {
  /** Reads the segments one after the other; a new play stops the one before. */
  play(segments: readonly SpeechSegment[], volume: number): Promise<PlayOutcome>;
  stop(): void;
  setVolume(volume: number): void;
}

/**
 * Plays readings through one <audio> element (the ListenButton's) and the browser's synthesis.
 * `stop()` pauses the audio, cancels the synthesis and settles the reading as 'stopped'.
 */
export function createSpeechPlayer(audio: HTMLAudioElement, synth: () => SpeechSynthesis | undefined = () => globalThis.speechSynthesis): SpeechPlayer {
  let generation = 0;
  let cancelCurrent: (() => void) | null = null;
  /** « Plus fort » during a reading applies to the audio at once and to the next text for the synthesis. */
  let volumeNow = 1;

  function halt(): void {
    generation += 1;
    audio.pause();
    audio.removeAttribute('src');
    stopSpeaking(synth());
    const cancel = cancelCurrent;
    cancelCurrent = null;
    cancel?.();
  }

  function playAudio(url: string, volume: number): Promise<'ended' | 'stopped' | 'failed'> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (outcome: 'ended' | 'stopped' | 'failed') => {
        if (settled) return;
        settled = true;
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
        cancelCurrent = null;
        resolve(outcome);
      };
      const onEnded = () => done('ended');
      const onError = () => done('failed');
      cancelCurrent = () => done('stopped');
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
      audio.volume = volume;
      audio.src = url;
      // A play() cut short by « Arrêter » rejects too; that reading is already settled as stopped.
      audio.play().catch(() => done('failed'));
    });
  }

  function playSynth(text: string, voice: SpeechSynthesisVoice, volume: number): Promise<'ended' | 'stopped' | 'failed'> {
    const s = synth();
    if (!s) return Promise.resolve('failed');
    return new Promise((resolve) => {
      cancelCurrent = () => resolve('stopped');
      speak(text, voice, () => {
        cancelCurrent = null;
        resolve('ended');
      }, s, volume);
    });
  }

  return {
    async play(segments, volume) {
      halt();
      volumeNow = volume;
      const mine = generation;
      let playedAny = false;
      for (const segment of segments) {
        let outcome: PlayOutcome;
        if (segment.kind === 'synth') outcome = await playSynth(segment.text, segment.voice, volumeNow);
        else {
          const url = await segment.url.catch(() => null);
          if (mine !== generation) return 'stopped';
          // One text the server cannot voice does not silence the others.
          if (url === null) continue;
          outcome = await playAudio(url, volumeNow);
        }
        if (mine !== generation || outcome === 'stopped') return 'stopped';
        if (outcome === 'ended') playedAny = true;
      }
      return playedAny ? 'ended' : 'failed';
    },
    stop: halt,
    setVolume(volume) {
      volumeNow = volume;
      audio.volume = volume;
    },
  };
}
