// Lemmatisation: treebank lemmas looked up by (form, XPOS), then by
// (lowercase form, XPOS); unseen words get the most frequent suffix rewrite
// ("strip n bytes, append s") seen for the longest matching suffix under the
// same XPOS. Proper nouns keep their case; other words are lowercased.
#ifndef DYAD_SYNTAX_LEMMATIZER_H_
#define DYAD_SYNTAX_LEMMATIZER_H_

#include <cstdint>
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

  // Needs Finish or Load first.
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

  // What Lemmatize reads: the three maps in one flat open-addressing table
  // whose hash is fed the two halves of a key in turn, so that a lookup
  // builds no key string (a word costs up to nine lookups). Built by Finish
  // and Load.
  enum Table : uint8_t { kExact, kLower, kRule };
  struct Item {
    std::string key;    // "a\tb", compared in full
    std::string value;
    uint8_t table = 0;
    size_t strip = 0;               // rules: bytes to drop from the word
    size_t append_at = 0;           // rules: where the text to append starts in value (npos: none)
  };
  void BuildIndex();
  const Item* Find(Table table, std::string_view a, std::string_view b) const;
  std::vector<Item> items_;
  // Slots carry the upper hash bits, so that probing past other keys reads
  // no item (each is a cache miss).
  struct Slot {
    uint32_t check = 0;
    uint32_t item = 0;  // item index + 1, 0 = empty
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_LEMMATIZER_H_
