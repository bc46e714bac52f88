// Part-of-speech tagging: a greedy averaged perceptron over joint UPOS+XPOS
// classes, in two passes. Pass one reads left to right with its own earlier
// decisions; pass two sees pass one's tags of the following words too.
#ifndef DYAD_SYNTAX_TAGGER_H_
#define DYAD_SYNTAX_TAGGER_H_

#include <cstdint>
#include <vector>

#include "syntax/atoms.h"

namespace dyad::syntax {

// Features for word i. `left1/left2` are this pass's tags of words i-1, i-2
// (-1 outside the sentence); `right` is the previous pass's tags (nullptr in
// pass one). Appends to `out`.
void TaggerFeatures(const std::vector<TokenAtoms>& atoms, bool headline, int i, int left1, int left2,
                    const std::vector<int>* right, std::vector<uint64_t>& out);

// Greedy decoding of one pass; `scorer` is a PerceptronTrainer or Weights.
template <typename Scorer>
void TagPass(const Scorer& scorer, const std::vector<TokenAtoms>& atoms, bool headline,
             const std::vector<int>* right, std::vector<int>& tags) {
  const int n = static_cast<int>(atoms.size());
  tags.assign(n, -1);
  std::vector<uint64_t> feats;
  std::vector<float> scores(scorer.num_classes());
  for (int i = 0; i < n; ++i) {
    feats.clear();
    TaggerFeatures(atoms, headline, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, right, feats);
    scorer.Score(feats.data(), feats.size(), scores.data());
    // The best score is kept in a register: reading scores[best] back made
    // each step wait for the previous one.
    int best = 0;
    float best_score = scores[0];
    for (int c = 1; c < scorer.num_classes(); ++c) {
      if (scores[c] > best_score) {
        best = c;
        best_score = scores[c];
      }
    }
    tags[i] = best;
  }
}

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TAGGER_H_
