// Scoring by the CoNLL 2018 shared task definitions with gold tokenisation:
// every word counts (punctuation included); LAS compares heads and the
// universal part of the relation (subtypes ignored); a gold lemma "_"
// accepts any predicted lemma. Also reports LAS with full labels.
#ifndef DYAD_SYNTAX_EVALUATE_H_
#define DYAD_SYNTAX_EVALUATE_H_

#include <string>
#include <vector>

#include "dyad/status.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace dyad::syntax {

struct Scores {
  size_t words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  // The same without words whose gold UPOS is PUNCT (the older convention).
  size_t words_no_punct = 0, uas_no_punct = 0, las_no_punct = 0;
  double Pct(size_t x) const { return words ? 100.0 * static_cast<double>(x) / static_cast<double>(words) : 0.0; }
};

// Compares sentence by sentence; the two lists must have the same words.
Result<Scores> Evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted);

// Fills the lemma, UPOS, XPOS, head and relation columns of `s` from the
// model (FEATS, DEPS and MISC are left as they are).
void AnalyzeSentence(const Model& model, Sentence& s, const AnalyzeOptions& options = {});

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_EVALUATE_H_
