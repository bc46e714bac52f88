// Helpers for the actors tests: a tiny whitespace tokenizer so the tests do
// not depend on the text module's exact rules, and the golden-file reader.
#ifndef DYAD_TESTS_ACTORS_TEST_UTIL_H_
#define DYAD_TESTS_ACTORS_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "dyad/date.h"
#include "text/text.h"

namespace dyad::actors::testing {

// Splits at spaces; splits off leading/trailing punctuation and the "'s"
// clitic, keeps inner dots ("U.S.") and hyphens ("al-Qaeda"). Offsets index `s`.
inline text::Sentence SimpleSentence(std::string_view s) {
  text::Sentence out;
  out.begin = 0;
  out.end = static_cast<uint32_t>(s.size());
  auto push = [&](size_t b, size_t e) {
    if (b >= e) return;
    text::Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.form = std::string(s.substr(b, e - b));
    t.lower = t.form;
    for (char& c : t.lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    unsigned char c0 = static_cast<unsigned char>(t.form[0]);
    t.kind = (c0 >= '0' && c0 <= '9') ? text::TokenKind::kNumber
             : (std::isalpha(c0) || c0 >= 0x80) ? text::TokenKind::kWord
                                                  : text::TokenKind::kPunct;
    out.tokens.push_back(std::move(t));
  };
  auto is_punct = [](char c) { return std::string_view(",;:?!\"()[]").find(c) != std::string_view::npos; };
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    size_t e = i;
    while (b < e && is_punct(s[b])) {
      push(b, b + 1);
      ++b;
    }
    size_t tail = e;
    while (tail > b && (is_punct(s[tail - 1]) || s[tail - 1] == '.')) --tail;
    // A final dot stays on a word with inner dots ("U.S.").
    if (tail < e && s[tail] == '.' && s.substr(b, tail - b).find('.') != std::string_view::npos) ++tail;
    size_t word_end = tail;
    if (word_end - b > 2 && s.substr(word_end - 2, 2) == "'s") word_end -= 2;
    push(b, word_end);
    push(word_end, tail);
    for (size_t p = tail; p < e; ++p) push(p, p + 1);
  }
  return out;
}

// "span => CODE" of every mention the recogniser finds in `s` on `date`.
inline std::vector<std::string> MentionCodes(const ActorDictionary& dict, const std::string& s, const char* date) {
  text::Sentence sent = SimpleSentence(s);
  std::vector<std::string> out;
  for (const ActorMention& m : ActorRecognizer(dict).Recognize(sent, *Date::Parse(date))) {
    std::string span = s.substr(sent.tokens[m.first].begin, sent.tokens[m.end - 1].end - sent.tokens[m.first].begin);
    out.push_back(span + " => " + m.code);
  }
  return out;
}

}  // namespace dyad::actors::testing

#endif  // DYAD_TESTS_ACTORS_TEST_UTIL_H_
