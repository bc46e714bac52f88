// Per-token feature atoms shared by the tagger, lemmatizer and parser: the
// hashes of a word's forms, affixes and shape, computed once per sentence.
#ifndef DYAD_SYNTAX_ATOMS_H_
#define DYAD_SYNTAX_ATOMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::syntax {

struct TokenAtoms {
  uint64_t form = 0;    // case-sensitive form
  uint64_t lower = 0;   // ASCII-lowercased form, digits folded to 0
  uint64_t shape = 0;   // "Xx", "d", "X.X." style with runs collapsed
  uint64_t prefix[3] = {0, 0, 0};  // lowercase prefixes of 1..3 bytes
  uint64_t suffix[4] = {0, 0, 0, 0};  // lowercase suffixes of 1..4 bytes
  uint8_t flags = 0;    // kCap | kAllCaps | kDigit | kHyphen | kPunct
};

inline constexpr uint8_t kCap = 1, kAllCaps = 2, kDigit = 4, kHyphen = 8, kPunct = 16;

// ASCII lowercase; non-ASCII bytes kept.
std::string LowerAscii(std::string_view s);

// Atoms for each form. `headline` is set when most words are capitalised
// (title case or all caps), which makes capitalisation uninformative.
std::vector<TokenAtoms> ComputeAtoms(const std::vector<std::string_view>& forms, bool* headline);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_ATOMS_H_
