// Part-of-speech tagging: a greedy averaged perceptron over joint UPOS+XPOS
// classes, in two passes. Pass one reads left to right with its own earlier
// decisions; pass two sees pass one's tags of the following words too.
#ifndef DYAD_SYNTAX_TAGGER_H_
#define DYAD_SYNTAX_TAGGER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "syntax/atoms.h"
#include "syntax/perceptron.h"

namespace dyad::syntax {

inline constexpr size_t kMaxTaggerFeatures = 40;

// Features for word i (at most kMaxTaggerFeatures). `left1/left2` are this pass's tags of words i-1, i-2
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
    tags[i] = FirstArgMax(scores.data(), scorer.num_classes());
  }
}

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TAGGER_H_
