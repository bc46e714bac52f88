#include "engine/coreference.h"

#include <algorithm>

namespace dyad::engine {
namespace {

using actors::ActorKind;
using actors::ActorMention;

bool IsCountryCode(const std::string& code) {
  return code.size() >= 3 && code.compare(0, 3, "---") != 0 && code.compare(0, 3, "IGO") != 0 &&
         code.compare(0, 3, "NGO") != 0 && std::all_of(code.begin(), code.begin() + 3, [](char c) {
           return c >= 'A' && c <= 'Z';
         });
}

bool IsPerson(const ActorMention& m) { return m.kind == ActorKind::kPerson && !m.code.empty(); }

ActorMention Pointing(const ActorMention& antecedent, uint32_t token) {
  ActorMention m = antecedent;
  m.first = token;
  m.end = token + 1;
  m.entry = "coref:" + antecedent.entry;
  return m;
}

}  // namespace

void CoreferenceResolver::Resolve(const text::Sentence& sentence, std::vector<ActorMention>* mentions) {
  std::vector<ActorMention> out;
  out.reserve(mentions->size() + 2);
  size_t next = 0;  // next recognised mention to copy
  const auto& toks = sentence.tokens;
  auto first_person = [](const std::vector<ActorMention>& ms) -> const ActorMention* {
    for (const auto& m : ms) {
      if (IsPerson(m)) return &m;
    }
    return nullptr;
  };
  for (uint32_t i = 0; i < toks.size(); ++i) {
    while (next < mentions->size() && (*mentions)[next].first <= i) {
      ActorMention m = (*mentions)[next++];
      if (m.code.size() > 3 && m.code.compare(0, 3, "---") == 0) {
        // An agent without a country: the nearest earlier country in this sentence, else the last of the previous.
        const ActorMention* ante = nullptr;
        for (auto it = out.rbegin(); it != out.rend() && !ante; ++it) {
          if (IsCountryCode(it->code)) ante = &*it;
        }
        for (auto it = previous_.rbegin(); it != previous_.rend() && !ante; ++it) {
          if (IsCountryCode(it->code)) ante = &*it;
        }
        if (ante) {
          m.code = ante->code.substr(0, 3) + m.code.substr(3);
          m.entry += "+coref:" + ante->entry;
        }
      }
      out.push_back(std::move(m));
    }
    if (next > 0 && (*mentions)[next - 1].first < i && i < (*mentions)[next - 1].end) continue;  // inside a mention
    const std::string& w = toks[i].lower;
    if (w == "he" || w == "she") {
      const ActorMention* ante = first_person(out);
      if (!ante) ante = first_person(previous_);
      if (ante) out.push_back(Pointing(*ante, i));
    } else if (w == "him" || w == "her") {
      // "her" is also a possessive ("her ministry"): only before a verb-free end or punctuation.
      if (w == "her" && i + 1 < toks.size() && toks[i + 1].kind == text::TokenKind::kWord) continue;
      std::vector<const ActorMention*> persons;
      for (const auto& m : previous_) {
        if (IsPerson(m)) persons.push_back(&m);
      }
      for (const auto& m : out) {
        if (IsPerson(m)) persons.push_back(&m);
      }
      // Skip the nearest person (the likely subject) and take the one before with another code.
      if (persons.size() >= 2) {
        const ActorMention* nearest = persons.back();
        for (auto it = persons.rbegin() + 1; it != persons.rend(); ++it) {
          if ((*it)->code != nearest->code || (*it)->name != nearest->name) {
            out.push_back(Pointing(**it, i));
            break;
          }
        }
      }
    }
  }
  while (next < mentions->size()) out.push_back((*mentions)[next++]);
  *mentions = std::move(out);
  // Antecedents for the next sentence: this sentence's mentions, or the previous
  // ones if this sentence named nobody (a quotation, a background sentence).
  if (!mentions->empty()) previous_ = *mentions;
}

}  // namespace dyad::engine
