/** The speech voices the browser has, once it has listed them (Chromium lists them a moment after the first ask). */
export function listVoices(): Promise<SpeechSynthesisVoice[]> {
  const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
  if (!synth) return Promise.resolve([]);
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (): void => {
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    synth.addEventListener('voiceschanged', done);
    // A browser with no voice at all may never say so.
    setTimeout(done, 1000);
  });
}
