import { signal } from '@preact/signals';

/**
 * The new-call chime: two soft tones from the Web Audio API (no file to load). Browsers keep
 * audio suspended until a user gesture; `needsUnlock` tells the console to offer « Activer le son ».
 * The choice is remembered on this browser (localStorage: a device setting, nothing personal), so
 * after the next sign-in the first click or key turns the sound back on without asking again.
 */
export interface Chime {
  ring(): void;
  unlock(): Promise<void>;
  /** Read in a render, it re-renders when the sound comes on (a signal underneath). */
  readonly needsUnlock: boolean;
  stop(): void;
}

/** The part of AudioContext the chime uses; tests hand in a fake one. */
export type ChimeAudio = Pick<AudioContext, 'state' | 'currentTime' | 'destination' | 'resume' | 'close' | 'createOscillator' | 'createGain'>;

export const SOUND_PREFERENCE_KEY = 'borne.staff.sound';

export interface ChimeDeps {
  audio?: ChimeAudio | null;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Where gestures are listened for (the window). */
  gestures?: EventTarget;
}

function browserAudio(): ChimeAudio | null {
  const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext) as typeof AudioContext | undefined;
  return Ctor ? new Ctor() : null;
}

function browserStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function createChime(deps: ChimeDeps = {}): Chime {
  const context = deps.audio !== undefined ? deps.audio : browserAudio();
  const storage = deps.storage !== undefined ? deps.storage : browserStorage();
  const gestures = deps.gestures ?? window;
  const state = signal<string>(context?.state ?? 'closed');
  const refresh = () => (state.value = context?.state ?? 'closed');
  const wanted = () => {
    try {
      return storage?.getItem(SOUND_PREFERENCE_KEY) === 'on';
    } catch {
      return false;
    }
  };
  const resume = async () => {
    await context?.resume().catch(() => undefined);
    refresh();
  };
  // Signing in is such a gesture: with the choice remembered, the sound is on by the time calls show.
  const onGesture = () => {
    if (wanted() && context?.state === 'suspended') void resume();
  };
  gestures.addEventListener('pointerdown', onGesture, true);
  gestures.addEventListener('keydown', onGesture, true);
  if (wanted()) void resume();

  const tone = (frequency: number, start: number) => {
    if (!context) return;
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
    osc.connect(gain).connect(context.destination);
    osc.start(start);
    osc.stop(start + 0.5);
  };
  return {
    ring() {
      if (!context || context.state !== 'running') return;
      const now = context.currentTime;
      tone(660, now);
      tone(880, now + 0.25);
    },
    async unlock() {
      try {
        storage?.setItem(SOUND_PREFERENCE_KEY, 'on');
      } catch {
        // Storage refused (private mode): the sound is on for this visit only.
      }
      await resume();
    },
    get needsUnlock() {
      return context !== null && state.value === 'suspended';
    },
    stop() {
      gestures.removeEventListener('pointerdown', onGesture, true);
      gestures.removeEventListener('keydown', onGesture, true);
      void context?.close();
    },
  };
}
