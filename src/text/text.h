// Text: normalisation, sentence splitting made for news, and tokenisation
// that keeps byte offsets into the original article text.
//
// The article text is never rewritten: each token carries its [begin, end)
// byte range in the original, plus a normalised form (curly quotes and
// dashes folded, no soft hyphens) and a lowercase form for dictionary lookup.
//
// Tokenisation follows the Penn/UD English conventions the parser was trained
// on: punctuation split off, clitics split ("do n't", "Israel 's"),
// abbreviations and initials kept whole ("U.S.", "Gen.", "J."), numbers whole
// ("1,200", "3.5"). Hyphenated words stay one token ("pro-Russian").
//
// Thread-safety: all functions are pure and thread-safe.
#ifndef DYAD_TEXT_TEXT_H_
#define DYAD_TEXT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::text {

enum class TokenKind : uint8_t {
  kWord,         // letters, possibly with digits, hyphens, apostrophes, inner dots
  kNumber,       // starts with a digit
  kPunct,        // punctuation and symbols
};

struct Token {
  uint32_t begin = 0;  // byte offset into the article text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  std::string form;    // normalised surface: ’ -> ', “ ” -> ", – — -> -, NBSP removed
  std::string lower;   // ASCII-lowercased form (non-ASCII bytes kept as they are)
  bool capitalized() const { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }
};

struct Sentence {
  uint32_t begin = 0;     // byte range of the sentence in the article text
  uint32_t end = 0;
  bool heading = false;   // a heading line (short, on a line of its own, no final punctuation)
  std::vector<Token> tokens;
};

// Folds typographic variants to ASCII where the meaning is unchanged:
// quotes, apostrophes, dashes, ellipsis, non-breaking and other Unicode spaces,
// soft hyphens and zero-width characters. Used for token forms and for the
// article id, never to rewrite stored text. Input must be valid UTF-8.
std::string Normalize(std::string_view s);

// Splits `text` into sentences (byte ranges with tokens). Paragraph breaks
// (a blank line) and heading lines always end a sentence. Abbreviations
// (U.S., U.N., Gen., Sec., Lt., Dr., Mr., Jan., No.), initials ("J. Smith"),
// decimals and quotations ("... ," he said.) do not.
std::vector<Sentence> Segment(std::string_view text);

// Tokenises one range of `text` without sentence splitting.
std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TEXT_H_
