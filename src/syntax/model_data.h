// The tables inside a syntax Model (private to src/syntax).
#ifndef DYAD_SYNTAX_MODEL_DATA_H_
#define DYAD_SYNTAX_MODEL_DATA_H_

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "syntax/atoms.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/perceptron.h"

namespace dyad::syntax {

inline constexpr char kModelMagic[8] = {'D', 'Y', 'A', 'D', 'S', 'Y', 'N', 'X'};
inline constexpr uint32_t kModelVersion = 5;

// Score caches for the threads analysing with one model. Each Analyze call
// takes one set (or makes one) and gives it back, so that the caches learn
// the features that recur across sentences and stay valid: they belong to
// this model, whose tables never change once loaded. A copy starts empty.
class ScratchPool {
 public:
  struct Scratch {
    ScoreCache tagger1{12}, tagger2{12}, parser{14};
  };
  ScratchPool() = default;
  ScratchPool(const ScratchPool&) {}
  ScratchPool& operator=(const ScratchPool&) { return *this; }

  std::unique_ptr<Scratch> Take() const;
  void Give(std::unique_ptr<Scratch> s) const;

 private:
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Scratch>> free_;
};

struct ModelData {
  std::vector<std::string> upos_names, xpos_names, label_names;
  // Tagger class -> (UPOS id, XPOS id).
  std::vector<std::pair<uint16_t, uint16_t>> tag_classes;
  int root_label = 0;
  int punct_upos = -1;  // UPOS id of PUNCT, -1 if the tag set has none
  // Lowercase-form hashes the parser knows (sorted); other words are seen by
  // the parser as one unknown word, as rare words were in training.
  std::vector<uint64_t> parser_vocab;
  std::vector<uint64_t> lemma_vocab;  // the same for lemmas
  Lemmatizer lemmatizer;
  Weights tagger1, tagger2, parser;
  ScratchPool scratch;

  // Tagger classes for the forms (two passes). Tokens flagged in `names` (empty or one entry
  // per token) that a pass tags as a verb or auxiliary are made proper nouns (NNP) before the
  // second pass reads them as context, and after it.
  void Tag(const std::vector<TokenAtoms>& atoms, bool headline, ScratchPool::Scratch& scratch,
           std::vector<int>& classes, const std::vector<bool>& names = {}) const;
  void Tag(const std::vector<TokenAtoms>& atoms, bool headline, std::vector<int>& classes) const;
  std::vector<ParserToken> ParserTokens(const std::vector<TokenAtoms>& atoms, const std::vector<int>& classes,
                                        const std::vector<std::string>& lemmas) const;
  static uint64_t LemmaHash(std::string_view lemma);
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_MODEL_DATA_H_
