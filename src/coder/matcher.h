// Predicate matching: finds the dictionary patterns in a sentence.
//
// The matcher sees a sentence as a sequence of TokenViews (interned lemma and
// form ids plus a few flags) and the actor mentions as "a mention starts at
// token i and ends at j". Patterns are looked up by the lemma of their first
// element (a hash over interned ids), then matched left to right with bounded
// gaps; all matches are returned, overlapping or not. SelectMatches() then
// keeps the most specific non-overlapping ones.
//
// Cost: O(tokens x patterns-per-anchor x gap bound); no allocation per token.
// Thread-safety: a Matcher is immutable; Find() is const and reentrant.
#ifndef DYAD_CODER_MATCHER_H_
#define DYAD_CODER_MATCHER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "coder/dictionary.h"

namespace dyad::coder {

enum TokenFlag : uint8_t {
  kHardBoundary = 1,     // ";" ":" and the like: gaps never cross it
  kAfterDeterminer = 2,  // "the attack", "its backing": a noun, not a verb anchor
  kPastForm = 4,         // -ed or irregular past form (for passives)
  kPunct = 8,            // any punctuation token
  kPreposition = 16,     // "in", "at", "for"...: never part of a TARGET slot
  kBeAux = 32,           // a form of "be" or "get": with a past form after it, a passive
  kNegator = 64,         // "not", "never", ...: never part of a TARGET phrase ("asked not to")
};

struct TokenView {
  WordId lemma = kNoWord;  // EventDictionary::LemmaOf(lower)
  WordId form = kNoWord;   // EventDictionary::WordOf(lower)
  uint8_t flags = 0;
};

struct PredicateMatch {
  uint32_t pattern = 0;        // index into EventDictionary::patterns()
  uint32_t first = 0;          // token range of the whole match [first, end)
  uint32_t end = 0;
  uint32_t trigger_first = 0;  // first and last literal tokens: the words that evoked it
  uint32_t trigger_end = 0;
  int32_t target_first = -1;   // the TARGET slot's token range, -1 when the pattern has none
  int32_t target_end = -1;
  uint64_t literal_mask = 0;   // bit k: token first + k matched a word or class element (k < 64)
  bool mutual = false;         // the pattern is reciprocal ("traded accusations")

  bool IsLiteral(uint32_t token) const {
    return token >= first && token - first < 64 && ((literal_mask >> (token - first)) & 1);
  }
};

class Matcher {
 public:
  explicit Matcher(const EventDictionary& dict) : dict_(&dict) {}  // dict must outlive the matcher

  // `mention_end[i]` is the end token of the actor mention starting at token
  // i, or 0 when none starts there (size == tokens.size()).
  std::vector<PredicateMatch> Find(std::span<const TokenView> tokens, std::span<const uint32_t> mention_end) const;

  // Keeps the most specific matches (more content words, then more words,
  // then a shorter span, then dictionary order) whose spans do not overlap a kept one; result in
  // token order.
  std::vector<PredicateMatch> SelectMatches(std::vector<PredicateMatch> all) const;

 private:
  const EventDictionary* dict_;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_MATCHER_H_
