/**
 * The new-call chime: two soft tones from the Web Audio API (no file to load). Browsers keep
 * audio suspended until a user gesture; `needsUnlock` tells the console to offer « Activer le son ».
 */
export interface Chime {
  ring(): void;
  unlock(): Promise<void>;
  readonly needsUnlock: boolean;
  stop(): void;
}

export function createChime(): Chime {
  const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext) as typeof AudioContext | undefined;
  const context = Ctor ? new Ctor() : null;
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
      await context?.resume();
    },
    get needsUnlock() {
      return context !== null && context.state === 'suspended';
    },
    stop() {
      void context?.close();
    },
  };
}
