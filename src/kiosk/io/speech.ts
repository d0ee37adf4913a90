/**
 * Reads a text aloud with the browser's speech synthesis, in the usager's language. The
 * « Écouter » button exists only when a voice for that language does (kiosks differ).
 */
export function voiceFor(lang: string, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): SpeechSynthesisVoice | null {
  if (!synth) return null;
  return synth.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang) ?? null;
}

/** Calls back whenever the list of voices changes (it loads late in Chromium). */
export function onVoicesChanged(callback: () => void, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): () => void {
  if (!synth) return () => undefined;
  synth.addEventListener('voiceschanged', callback);
  return () => synth.removeEventListener('voiceschanged', callback);
}

export function speak(text: string, voice: SpeechSynthesisVoice, onEnd: () => void, synth: SpeechSynthesis = globalThis.speechSynthesis): void {
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9; // a little slower: people read along
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  synth.speak(utterance);
}

export function stopSpeaking(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): void {
  synth?.cancel();
}
