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
  const a = anchor(p);
  // Most lines lack the anchor: no squashing for them.
  return (text) => text.includes(a) && squash(text).includes(p);
}

/**
 * The longest run of the squashed phrase that every line holding the phrase prints verbatim: no
 * space in it, and no t/f before its last character (squash() only drops white space, and a gap
 * only after a t/f), e.g. "codes," of "For a list of error codes, visit …".
 */
function anchor(p: string): string {
  let best = '';
  for (const word of p.split(' ')) {
    let start = 0;
    for (let i = 0; i < word.length; i++) {
      // A gap may follow a t/f: a verbatim run ends with it.
      if (/[tfTF]/.test(word[i]) || i === word.length - 1) {
        const run = word.slice(start, i + 1);
        if (run.length > best.length) best = run;
        start = i + 1;
      }
    }
  }
  return best;
}

export const isTrailer = phraseTest('For a list of error codes, visit the API Error Center');
export const isTrailerStart = phraseTest('For a list of error codes');
export const isListIntro = phraseTest('following tables list API operations');
export const isSyntaxIntro = phraseTest('the syntax of making');
