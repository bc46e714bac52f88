#include "coder/marked.h"

#include <algorithm>

namespace dyad::coder {

actors::ActorKind KindFor(const std::string& code, char suffix) {
  switch (suffix) {
    case 'p': return actors::ActorKind::kPerson;
    case 'a': return actors::ActorKind::kArmedGroup;
    case 'n': return actors::ActorKind::kNgo;
    case 'g': return actors::ActorKind::kAgentOnly;
    case 'i': return actors::ActorKind::kIgo;
    case 'c': return actors::ActorKind::kCountry;
    default: break;
  }
  if (code.rfind("IGO", 0) == 0) return actors::ActorKind::kIgo;
  if (code.rfind("NGO", 0) == 0) return actors::ActorKind::kNgo;
  if (code.rfind("---", 0) == 0) return actors::ActorKind::kAgentOnly;
  return actors::ActorKind::kCountry;
}

// Byte ranges of marked actors -> token ranges of the tokenised plain text.
MarkedSentence ParseMarked(std::string_view marked) {
  MarkedSentence out;
  struct Raw {
    uint32_t begin, end;
    std::string code;
    char kind;
  };
  std::vector<Raw> raws;
  for (size_t i = 0; i < marked.size();) {
    if (marked[i] != '[') {
      out.text.push_back(marked[i++]);
      continue;
    }
    size_t close = marked.find(']', i);
    size_t space = marked.find(' ', i);
    if (close == std::string_view::npos || space == std::string_view::npos || space > close) {
      out.error = "bad markup at byte " + std::to_string(i);
      return out;
    }
    std::string tag(marked.substr(i + 1, space - i - 1));
    char kind = 0;
    if (tag.size() > 2 && tag[tag.size() - 2] == ':') {
      kind = tag.back();
      tag.resize(tag.size() - 2);
    }
    Raw r{static_cast<uint32_t>(out.text.size()), 0, tag, kind};
    out.text.append(marked.substr(space + 1, close - space - 1));
    r.end = static_cast<uint32_t>(out.text.size());
    raws.push_back(r);
    i = close + 1;
  }
  out.sentence.begin = 0;
  out.sentence.end = static_cast<uint32_t>(out.text.size());
  out.sentence.tokens = text::Tokenize(out.text, 0, out.sentence.end);
  const auto& toks = out.sentence.tokens;
  for (const Raw& r : raws) {
    actors::ActorMention m;
    m.code = r.code;
    m.name = out.text.substr(r.begin, r.end - r.begin);
    m.entry = "test";
    m.kind = KindFor(r.code, r.kind);
    uint32_t first = UINT32_MAX, end = 0;
    for (uint32_t t = 0; t < toks.size(); ++t)
      if (toks[t].begin >= r.begin && toks[t].end <= r.end) {
        first = std::min(first, t);
        end = t + 1;
      }
    if (first == UINT32_MAX) {
      out.error = "mention '" + m.name + "' covers no token";
      return out;
    }
    m.first = first;
    m.end = end;
    out.mentions.push_back(m);
  }
  return out;
}

}  // namespace dyad::coder
