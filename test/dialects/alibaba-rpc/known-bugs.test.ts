/**
 * Known dialect bugs found by the construct tests on real manual excerpts. Each is an `it.todo`
 * (CI stays green) with, in the comment above it, the assertion that fails today: the CORRECT
 * behaviour, read off the manual. When a bug is fixed, turn its todo into a real test in the
 * construct's file (the helpers and fixtures named here already exist).
 *
 * Imports used by the assertions in the comments: fixtureLines, slice, rowsOf, row, manualVocab,
 * MANUAL from ./helpers.ts; parseSampleRequest, readXml from samples.ts; readFrontMatter from
 * common.ts; readProse from prose.ts; Vocabulary, repairLigatures, joinProse from repair.ts; lineAt from helpers.ts; parseTable,
 * toBlocks; classifyLines.
 */
import { describe, it } from 'vitest';

describe('known bugs: repair.ts', () => {
  /*
   * A word the manual only ever prints split cannot be attested, so fragments that happen to recur
   * join into half-words: "Saf et y Verif icat ion" (manual 428, 451) becomes "Saf et y Verificat
   * ion" ("verificat" is printed 6 times, always split). ("act ion", "cont ent", "Descript ion" are
   * fixed: see review-fixes.test.ts.)
   *
   *   expect(repairLigatures(lineAt(fixtureLines('access-key-header'), 428).text, manualVocab())).not.toContain('Verificat ion');
   */
  it.todo('repairLigatures: a recurring fragment of an always-split word is not attested');

  /*
   * joinProse's own example ("istio-readonl" / "y") does not join on this manual: the whole word is
   * only ever printed split ("ist io-readonly"), so GrantUserPermissions Permissions reads
   * "istio-readonl y".
   *
   *   const lines = slice(fixtureLines('permissions'), 5493, 5496).map((l) => l.text);
   *   expect(joinProse(lines, manualVocab())).toContain('istio-readonly');
   */
  it.todo('joinProse: "istio-readonl" / "y" joins');
});
