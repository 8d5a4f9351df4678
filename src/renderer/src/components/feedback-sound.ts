let audio: AudioContext | null = null;

/**
 * A short tone for scan feedback, made on the spot (no sound files): high for a good
 * scan, low and longer for a refused one, so the warehouse hears it without looking.
 */
export function playTone(kind: 'ok' | 'error'): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = kind === 'ok' ? 1320 : 220;
    oscillator.type = kind === 'ok' ? 'sine' : 'square';
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + (kind === 'ok' ? 0.08 : 0.35));
  } catch {
    // No audio device: the on-screen message still says what happened.
  }
}
