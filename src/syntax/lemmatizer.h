// Lemmatisation: treebank lemmas looked up by (form, XPOS), then by
// (lowercase form, XPOS); unseen words get the most frequent suffix rewrite
// ("strip n bytes, append s") seen for the longest matching suffix under the
// same XPOS. Proper nouns keep their case; other words are lowercased.
#ifndef DYAD_SYNTAX_LEMMATIZER_H_
#define DYAD_SYNTAX_LEMMATIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"

namespace dyad::syntax {

class Lemmatizer {
 public:
  // Training: call Add for every word, then Finish.
  void Add(std::string_view form, std::string_view xpos, std::string_view lemma);
  void Finish();

  std::string Lemmatize(std::string_view form, std::string_view xpos) const;

  void Save(ByteWriter& w) const;
  bool Load(ByteReader& r);
  size_t size() const { return exact_.size() + lower_.size() + rules_.size(); }

 private:
  static constexpr size_t kMaxSuffix = 6;
  // Counting tables used only while training.
  std::unordered_map<std::string, std::unordered_map<std::string, int>> exact_counts_, lower_counts_, rule_counts_;
  // key -> lemma (exact: form \t xpos; lower: lowercase form \t xpos);
  // rules: xpos \t suffix -> "n\tappend".
  std::unordered_map<std::string, std::string> exact_, lower_, rules_;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_LEMMATIZER_H_
