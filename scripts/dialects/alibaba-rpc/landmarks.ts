/**
 * Fixed phrases the dialect finds its way by ("For a list of error codes, visit the API Error
 * Center.", "The following tables list API operations …", "… the syntax of making …"), matched so
 * that the extraction's ligature gaps ("visit  the", "Cent er", "request s") and doubled spaces do
 * not hide them: both sides are squashed the same way before comparing.
 */

/** White space collapsed, and the gap after a t/f before a lower-case letter closed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([tfTF]) (?=[a-z])/g, '$1').trim();
}

/** A test for `phrase` anywhere in a line, insensitive to ligature gaps and spacing. */
export function phraseTest(phrase: string): (text: string) => boolean {
  const p = squash(phrase);
  return (text) => squash(text).includes(p);
}

export const isTrailer = phraseTest('For a list of error codes, visit the API Error Center');
export const isTrailerStart = phraseTest('For a list of error codes');
export const isListIntro = phraseTest('following tables list API operations');
export const isSyntaxIntro = phraseTest('the syntax of making');
