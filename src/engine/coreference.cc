#include "engine/coreference.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <string_view>

namespace dyad::engine {
namespace {

using actors::ActorKind;
using actors::ActorMention;
using Antecedent = CoreferenceResolver::Antecedent;

// How many earlier sentences a short reference or pronoun looks back. Wire
// stories re-name their actors every few sentences; further back the nearest
// compatible actor is more often a new one than the one meant.
constexpr size_t kLookBack = 3;

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// A state's code starts the mention's code (not an IGO, NGO, international
// militant group, company or an agent still without its country).
bool HasCountry(const ActorMention& m) {
  const std::string& c = m.code;
  if (c.size() < 3 || !std::all_of(c.begin(), c.begin() + 3, [](char x) { return x >= 'A' && x <= 'Z'; })) {
    return false;
  }
  return !In(std::string_view(c).substr(0, 3), {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT", "UNK"});
}

bool Unresolved(const ActorMention& m) { return m.code.compare(0, 3, "---") == 0; }

std::string CountryOf(const ActorMention& m) { return HasCountry(m) ? m.code.substr(0, 3) : std::string(); }

// The first agent of the code ("PSEREBHMS" -> REB, "---CVL" -> CVL, "ISR" -> "").
std::string AgentOf(const ActorMention& m) {
  if (!HasCountry(m) && !Unresolved(m)) return {};
  return m.code.size() >= 6 ? m.code.substr(3, 3) : std::string();
}

bool IsArmedAgent(std::string_view agent) { return In(agent, {"REB", "INS", "UAF"}); }

// Non-state fighters: a named armed group, an international militant group
// (IMG...), or a country's rebels, insurgents or militias.
bool IsArmed(const ActorMention& m) {
  return m.kind == ActorKind::kArmedGroup || m.code.compare(0, 3, "IMG") == 0 ||
         (HasCountry(m) && IsArmedAgent(AgentOf(m)));
}

bool IsOrganisation(const ActorMention& m) {
  return m.kind == ActorKind::kArmedGroup || m.kind == ActorKind::kIgo || m.kind == ActorKind::kNgo ||
         m.code.compare(0, 3, "IMG") == 0;
}

bool IsIndefinite(const text::Sentence& s, uint32_t first) {
  if (first == 0) return false;
  // "thousands of protesters", "dozens of soldiers": a counted crowd is new, like "two soldiers".
  if (first >= 2 && s.tokens[first - 1].lower == "of" &&
      In(s.tokens[first - 2].lower, {"dozens", "hundreds", "thousands", "tens", "scores", "millions"})) {
    return true;
  }
  const text::Token& p = s.tokens[first - 1];
  return p.kind == text::TokenKind::kNumber ||
         In(p.lower, {"a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "five",
                      "dozens", "hundreds", "thousands"});
}

// "the group", "the alliance" resolved to an earlier actor (a pointer, like a pronoun, but a noun phrase).
bool IsShortNoun(const Antecedent& x) { return x.pronoun && x.words.size() == 2 && x.words[0] == "the"; }

bool IsPerson(const ActorMention& m) { return m.kind == ActorKind::kPerson && !m.code.empty() && !Unresolved(m); }

// "ministers" -> "minister", "forces" -> "force"; consistent on both sides is all that matters.
std::string Singular(std::string w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

bool IsCapitalizedWord(const text::Token& t) {
  return t.kind == text::TokenKind::kWord && !t.form.empty() &&
         ((t.form[0] >= 'A' && t.form[0] <= 'Z') || static_cast<unsigned char>(t.form[0]) >= 0x80);
}

bool IsCalendarOrFunctionWord(std::string_view lower) {
  return In(lower, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                    "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december", "the", "a", "an", "and", "or", "of", "on", "in", "said", "says",
                    "told", "was", "is", "has", "had", "will", "would", "who", "which", "that", "also"});
}

// Offices held by one person: "he" may point to them when no person is named.
bool IsSingleOffice(std::string_view w) {
  return In(w, {"minister", "president", "premier", "ambassador", "envoy", "spokesman", "spokeswoman",
                "spokesperson", "governor", "mayor", "leader", "king", "queen", "prince", "emir", "sultan",
                "chancellor", "secretary", "general", "commander", "prosecutor", "judge", "chief", "official",
                "diplomat", "negotiator", "senator", "lawmaker", "speaker", "aide", "adviser", "advisor",
                "monarch", "ruler", "officer", "activist", "dissident"});
}

// The words of a mention's span, singular, for "the minister" -> "... Foreign Minister X".
std::vector<std::string> SpanWords(const text::Sentence& s, const ActorMention& m) {
  std::vector<std::string> out;
  for (uint32_t t = m.first; t < m.end && t < s.tokens.size(); ++t) out.push_back(Singular(s.tokens[t].lower));
  return out;
}

std::string HeadWord(const text::Sentence& s, const ActorMention& m) {
  return m.end > 0 && m.end <= s.tokens.size() ? Singular(s.tokens[m.end - 1].lower) : std::string();
}

bool IsPlural(const text::Sentence& s, const ActorMention& m) {
  if (m.end == 0 || m.end > s.tokens.size()) return false;
  const std::string& w = s.tokens[m.end - 1].lower;
  return (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') || In(w, {"police", "people", "military"});
}

ActorMention Pointing(const ActorMention& antecedent, uint32_t first, uint32_t end) {
  ActorMention m = antecedent;
  m.first = first;
  m.end = end;
  m.entry = "coref:" + antecedent.entry;
  return m;
}

// "it" that stands for no actor: "it was unclear", "it seems", "it is time".
bool ImpersonalIt(const text::Sentence& s, uint32_t i) {
  bool be = false;
  uint32_t k = i + 1;
  for (; k < s.tokens.size(); ++k) {
    const std::string& w = s.tokens[k].lower;
    if (In(w, {"is", "was", "'s", "be", "been", "being"})) {
      be = true;
    } else if (!In(w, {"has", "had", "have", "will", "would", "could", "may", "might", "not", "n't", "also",
                       "still", "now", "should", "must"})) {
      break;
    }
  }
  if (k >= s.tokens.size()) return true;
  const std::string& w = s.tokens[k].lower;
  if (In(w, {"seems", "seemed", "appears", "appeared", "remains", "remained", "takes", "took", "means",
             "meant", "matters", "happened", "emerged", "follows", "comes", "came", "rained", ".", ","})) {
    return true;
  }
  return be && (In(w, {"unclear", "clear", "likely", "unlikely", "possible", "impossible", "expected",
                       "believed", "thought", "feared", "understood", "reported", "estimated", "time",
                       "the", "a", "an", "too", "difficult", "hard", "important", "necessary", "crucial",
                       "essential", "worth", "known", "true", "false", "said", "only", "just", "no", "up",
                       "there", "here", "what", "how", "why", "where", "when", "that", "this"}) ||
                s.tokens[k].kind != text::TokenKind::kWord);
}

// The subject of a clause comes right before "it"/"they" in these positions.
bool SubjectPosition(const text::Sentence& s, uint32_t i) {
  if (i == 0) return true;
  const std::string& p = s.tokens[i - 1].lower;
  if (In(p, {"that", "said", "says", "and", "but", "because", "as", "if", "when", "after", "before", "while",
             "since", "saying", "adding", ",", "so", "although", "though", "where", "added", "warned",
             "stated", "announced", "insisted", "claimed", "argued", "\"", "``", "''", ";", ":"}))
    return true;
  // "an air strike it carried out", "the attacks they launched": a relative clause with no "that",
  // after an act noun.
  if (i + 1 < s.tokens.size() && In(p, {"strike", "strikes", "attack", "attacks", "raid", "raids", "operation",
                                        "operations", "offensive", "bombing", "bombings", "assault", "killing",
                                        "killings", "deal", "agreement", "decision", "move", "steps", "measures"})) {
    const std::string& v = s.tokens[i + 1].lower;
    return (v.size() > 3 && v.compare(v.size() - 2, 2, "ed") == 0) ||
           In(v, {"made", "took", "led", "fought", "sent", "struck", "shot", "held", "began", "had", "has", "have"});
  }
  return false;
}

// "accusing it of", "urged them to": an object right after a verb.
bool ObjectPosition(const text::Sentence& s, uint32_t i) {
  if (i == 0) return false;
  const text::Token& p = s.tokens[i - 1];
  if (p.kind != text::TokenKind::kWord || p.lower.size() < 5) return false;
  std::string_view w = p.lower;
  return w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed" ||
         In(w, {"urge", "urges", "told", "tells", "asked", "asks", "warns", "accuse", "accuses", "blame",
                "blames", "condemn", "condemns", "sanction", "threaten", "threatens"});
}

// Past the look-back window, an actor is taken only when it stands out: its
// salience at least kMinSalience (the subject of the lead sentence named once
// scores 5, fading to 2.5 eight sentences on; another actor there 2) and
// kSalienceMargin times that of the next compatible actor. Two actors of
// similar weight resolve nothing.
constexpr double kMinSalience = 2.0;
constexpr double kSalienceMargin = 2.0;
// With no other compatible actor in the article: one mention within eight
// sentences, or two within twenty-four.
constexpr double kMinUniqueSalience = 0.5;
// A country's weight sums all its actors (state, forces, people, places), so
// its lead over the next country is steadier: a smaller margin does.
constexpr double kCountryMargin = 1.5;
// Sentences after which an actor's weight has halved.
constexpr double kSalienceHalfLife = 8.0;

// States on one island or an archipelago, which the news calls "the island"
// or "the island nation" (Taiwan, Cuba, Cyprus, Sri Lanka ...).
bool IsIslandState(std::string_view code) {
  return In(code, {"TWN", "CUB", "CYP", "LKA", "MDG", "MLT", "BHR", "JAM", "ISL", "SGP", "MUS", "BRB", "PRI",
                   "GRL", "NRU", "TTO", "JPN", "NZL", "PHL", "IDN", "MDV", "FJI"});
}

bool IsLocative(const text::Sentence& s, const ActorMention& m) {
  uint32_t t = m.first;
  if (t == 0 || t > s.tokens.size()) return false;  // a malformed span is no place
  if (s.tokens[t - 1].lower == "the") --t;
  return t > 0 &&
         In(s.tokens[t - 1].lower, {"in", "into", "across", "throughout", "near", "inside", "outside", "around"});
}

}  // namespace

double CoreferenceResolver::Salience(const Entity& e) const {
  // The lead sentence's subject is the article's topic; its other actors only set the scene.
  const double base = e.mentions + e.subjects + (e.lead ? 1.0 : 0.0) + (e.lead_subject ? 2.0 : 0.0);
  const double age = sentence_ > e.last_sentence ? static_cast<double>(sentence_ - e.last_sentence) : 0.0;
  return base / (1.0 + age / kSalienceHalfLife);
}

const Antecedent* CoreferenceResolver::Salient(const std::function<bool(const Entity&)>& ok) const {
  const Entity* best = nullptr;
  double best_score = 0, second = 0;
  for (const Entity& e : entities_) {
    if (!ok(e)) continue;
    const double score = Salience(e);
    if (score > best_score) {
      second = best_score;
      best_score = score;
      best = &e;
    } else if (score > second) {
      second = score;
    }
  }
  // The only compatible actor of the article needs less: "the group" when one group was ever named.
  if (!best || best_score < (second > 0 ? kMinSalience : kMinUniqueSalience) ||
      best_score < kSalienceMargin * second) {
    return nullptr;
  }
  return &best->last;
}

std::string CoreferenceResolver::DominantCountry(bool places_only) const {
  // Summed per country; at most kMaxEntities entities, so a small linear table does.
  std::vector<std::pair<std::string, double>> totals;
  for (const Entity& e : entities_) {
    const ActorMention& m = e.last.mention;
    if (!HasCountry(m)) continue;
    double w = 0;
    if (places_only) {
      if (m.kind != ActorKind::kCountry || m.code.size() != 3) continue;
      const double age = sentence_ > e.last_sentence ? static_cast<double>(sentence_ - e.last_sentence) : 0.0;
      w = e.places / (1.0 + age / kSalienceHalfLife);
    } else {
      w = Salience(e);
    }
    const std::string c = CountryOf(m);
    auto it = std::find_if(totals.begin(), totals.end(), [&](const auto& x) { return x.first == c; });
    if (it == totals.end()) {
      totals.emplace_back(c, w);
    } else {
      it->second += w;
    }
  }
  double best = 0, second = 0;
  std::string out;
  for (const auto& [c, w] : totals) {
    if (w > best) {
      second = best;
      best = w;
      out = c;
    } else if (w > second) {
      second = w;
    }
  }
  // A place named once in a locative is not yet the article's scene.
  const double min = places_only ? 1.5 : kMinSalience;
  return best >= min && best >= kCountryMargin * second ? out : std::string();
}

const Antecedent* CoreferenceResolver::MostSalientOf(const std::string& country) const {
  const Entity* best = nullptr;
  for (const Entity& e : entities_) {
    if (CountryOf(e.last.mention) == country && (!best || Salience(e) > Salience(*best))) best = &e;
  }
  return best ? &best->last : nullptr;
}

void CoreferenceResolver::Remember(const text::Sentence& sentence, const std::vector<Antecedent>& cur) {
  // The sentence's subject: its first actor, near the start ("On Friday, the army said").
  const Antecedent* subject = nullptr;
  for (const Antecedent& a : cur) {
    if (!subject || a.mention.first < subject->mention.first) subject = &a;
  }
  if (subject && subject->mention.first > 4) subject = nullptr;
  bool any = false;
  for (const Antecedent& a : cur) {
    const ActorMention& m = a.mention;
    if (m.code.empty() || Unresolved(m)) continue;
    any = true;
    std::string key = m.code;
    if (m.kind == ActorKind::kPerson || m.kind == ActorKind::kArmedGroup || m.kind == ActorKind::kIgo ||
        m.kind == ActorKind::kNgo) {
      key += "|" + m.name;
    }
    auto it = std::find_if(entities_.begin(), entities_.end(), [&](const Entity& e) { return e.key == key; });
    if (it == entities_.end()) {
      if (a.pronoun) continue;  // an actor is introduced by name
      if (entities_.size() >= kMaxEntities) {
        // Bounded: the least salient actor of a very long article is forgotten.
        it = std::min_element(entities_.begin(), entities_.end(),
                              [&](const Entity& x, const Entity& y) { return Salience(x) < Salience(y); });
        *it = Entity();
      } else {
        it = entities_.emplace(entities_.end());
      }
      it->key = key;
    }
    Entity& e = *it;
    ++e.mentions;
    if (&a == subject) ++e.subjects;
    if (!lead_seen_) {
      e.lead = true;
      e.lead_subject |= &a == subject;
    }
    e.last_sentence = sentence_;
    if (!a.pronoun) {
      e.last = a;
      if (m.kind == ActorKind::kCountry && m.code.size() == 3 && IsLocative(sentence, m)) ++e.places;
      for (const std::string& w : a.words) {
        if (e.words.size() < kMaxEntityWords && std::find(e.words.begin(), e.words.end(), w) == e.words.end()) {
          e.words.push_back(w);
        }
      }
    }
  }
  if (any) lead_seen_ = true;
}

// A name the dictionary lacks, next to a title with a country: "Ukrainian
// Foreign Minister Olha Petrenko" (the name joins the title's mention) or
// "Olha Petrenko, Ukraine's foreign minister," (the name gets a mention of
// its own). Both make the surname known for the rest of the article.
void CoreferenceResolver::TitledName(const text::Sentence& sentence, ActorMention* m, uint32_t limit,
                                     std::vector<Antecedent>* cur) {
  const auto& toks = sentence.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  if (m->kind == ActorKind::kPerson || AgentOf(*m).empty() || m->end == 0 || m->end > n || m->first >= m->end) return;
  bool office = false;
  for (uint32_t t = m->first; t < m->end; ++t) office |= IsSingleOffice(Singular(toks[t].lower));
  if (!office || IsPlural(sentence, *m)) return;
  auto name_word = [&](uint32_t t) { return IsCapitalizedWord(toks[t]) && !IsCalendarOrFunctionWord(toks[t].lower); };
  auto join = [&](uint32_t a, uint32_t b) {
    std::string name;
    for (uint32_t t = a; t < b; ++t) name += (t > a ? " " : "") + toks[t].form;
    return name;
  };
  // After the title: one capitalised word after a capitalised title ("Foreign Minister Kuleba"), two after a
  // lowercase one ("the foreign minister Dmytro Kuleba"), and no third capitalised word after them.
  uint32_t e = m->end;
  while (e < limit && e - m->end < 3 && name_word(e)) ++e;
  const bool titled = IsCapitalizedWord(toks[m->end - 1]);
  if (e > m->end && e - m->end >= (titled ? 1u : 2u) && (e == n || !IsCapitalizedWord(toks[e]))) {
    const std::string name = join(m->end, e);
    m->end = e;
    m->name = name;
    m->entry += "+name:" + name;
    if (HasCountry(*m)) {
      m->kind = ActorKind::kPerson;
      names_[toks[e - 1].lower] = *m;
    }
    return;
  }
  // Before it, as an apposition: "<Name Name>, [the] <title>".
  uint32_t comma = m->first;
  if (comma > 0 && In(toks[comma - 1].lower, {"the", "a", "an"})) --comma;
  if (comma >= 3 && toks[comma - 1].lower == "," && HasCountry(*m)) {
    const uint32_t name_end = comma - 1;
    uint32_t b = name_end;
    while (b > 0 && name_end - b < 3 && name_word(b - 1)) --b;
    const bool starts_clause = b == 0 || toks[b - 1].kind == text::TokenKind::kPunct ||
                               !IsCapitalizedWord(toks[b - 1]);
    bool free = true;
    for (const auto& x : *cur) free &= x.mention.end <= b || x.mention.first >= name_end;
    if (name_end - b >= 2 && starts_clause && free) {
      ActorMention p = *m;
      p.first = b;
      p.end = name_end;
      p.kind = ActorKind::kPerson;
      p.name = join(b, name_end);
      p.entry += "+name:" + p.name;
      names_[toks[name_end - 1].lower] = p;
      Antecedent a;
      a.words = SpanWords(sentence, p);
      a.mention = std::move(p);
      cur->push_back(std::move(a));
    }
  }
}

// "the Baltic state", "the island nation", "the oil-rich kingdom": "the", one describing word
// that is no actor mention of its own, then the noun at `i`.
bool DescribedState(const text::Sentence& sentence, const std::vector<ActorMention>& ms, uint32_t i) {
  const auto& toks = sentence.tokens;
  if (i < 2 || toks[i - 2].lower != "the" || toks[i - 1].kind != text::TokenKind::kWord) return false;
  for (const auto& m : ms)
    if (m.first <= i - 1 && i - 1 < m.end) return false;  // "the Israeli state" is Israel's own mention
  const std::string& w = toks[i - 1].lower;
  const bool suffix = (w.size() > 5 && (w.compare(w.size() - 5, 5, "-rich") == 0 || w.compare(w.size() - 5, 5, "-torn") == 0 ||
                                        w.compare(w.size() - 6 < w.size() ? w.size() - 6 : 0, 6, "-armed") == 0));
  return toks[i - 1].capitalized() || suffix ||
         In(w, {"island", "tiny", "small", "landlocked", "impoverished", "neighbouring", "neighboring", "communist",
                "secretive", "reclusive", "isolated", "gulf", "baltic", "himalayan", "alpine", "arctic"});
}

void CoreferenceResolver::Resolve(const text::Sentence& sentence, std::vector<ActorMention>* mentions) {
  const auto& toks = sentence.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  std::vector<ActorMention>& ms = *mentions;

  // Searches, nearest first: `cur` (this sentence so far) backwards, then the
  // earlier sentences backwards, at most kLookBack of them.
  std::vector<Antecedent> cur;
  auto search_current = [&](const std::function<bool(const Antecedent&)>& ok) -> const Antecedent* {
    for (auto it = cur.rbegin(); it != cur.rend(); ++it) {
      if (ok(*it)) return &*it;
    }
    return nullptr;
  };
  auto search_history = [&](const std::function<bool(const Antecedent&)>& ok, bool first_in_sentence)
      -> const Antecedent* {
    size_t seen = 0;
    for (auto s = history_.rbegin(); s != history_.rend() && seen < kLookBack; ++s, ++seen) {
      if (first_in_sentence) {
        for (const auto& a : *s) {
          if (ok(a)) return &a;
        }
      } else {
        for (auto it = s->rbegin(); it != s->rend(); ++it) {
          if (ok(*it)) return &*it;
        }
      }
    }
    return nullptr;
  };

  // Pass 1, within the recogniser's mentions: counterparts and titled names.
  for (size_t j = 0; j < ms.size(); ++j) {
    ActorMention& m = ms[j];
    // "his Ukrainian counterpart[, Dmytro Kuleba]"
    if (m.kind == ActorKind::kCountry && m.code.size() == 3 && m.end < n &&
        In(toks[m.end].lower, {"counterpart", "counterparts"})) {
      std::string agent;
      for (size_t k = j; k-- > 0 && agent.empty();) {
        if (HasCountry(ms[k]) && ms[k].code.compare(0, 3, m.code) != 0) agent = AgentOf(ms[k]);
      }
      if (agent.empty()) {
        const Antecedent* a = search_history(
            [&](const Antecedent& x) { return HasCountry(x.mention) && !AgentOf(x.mention).empty(); }, true);
        agent = a ? AgentOf(a->mention) : "GOV";
      }
      m.code += agent;
      m.end += 1;
      m.entry += "+counterpart";
      uint32_t at = m.end < n && toks[m.end].lower == "," ? m.end + 1 : m.end;
      if (j + 1 < ms.size() && ms[j + 1].first == at && ms[j + 1].kind == ActorKind::kPerson &&
          CountryOf(ms[j + 1]) == m.code.substr(0, 3)) {
        uint32_t first = m.first;
        m = ms[j + 1];
        m.first = first;
        ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(j) + 1);
      }
    }
  }

  // Quotation marks: "I"/"we" inside one are the speaker named outside it.
  std::vector<bool> quoted(n, false);
  {
    bool in = false;
    for (uint32_t t = 0; t < n; ++t) {
      if (toks[t].form == "\"" || toks[t].form == "``" || toks[t].form == "''") {
        in = !in;
        continue;
      }
      quoted[t] = in;
    }
  }
  auto speaker = [&]() -> const ActorMention* {
    for (const auto& m : ms) {
      if (m.first < n && !quoted[m.first] && !Unresolved(m)) return &m;
    }
    return nullptr;
  };

  auto add = [&](ActorMention m, bool pronoun) {
    Antecedent a;
    a.words = SpanWords(sentence, m);
    a.pronoun = pronoun;
    a.plural = IsPlural(sentence, m);
    a.mention = std::move(m);
    cur.push_back(std::move(a));
  };

  // Pass 2, token by token: short references by agent word, pronouns, short nouns, known surnames.
  std::vector<size_t> pending;  // indices into `cur` of agents left without a country
  std::vector<size_t> definite_pending;  // those of them after "the" ("the rebels", "the government")
  std::vector<std::pair<size_t, std::string>> late_names;  // titled names of those agents: index, surname
  size_t next = 0;
  for (uint32_t i = 0; i < n; ++i) {
    // Overlapping or malformed mentions (none from the recogniser) pass through untouched.
    while (next < ms.size() && (ms[next].first < i || ms[next].end <= ms[next].first || ms[next].end > n)) {
      add(ms[next++], false);
    }
    if (next < ms.size() && ms[next].first == i) {
      ActorMention m = ms[next++];
      const uint32_t end = m.end;
      if (Unresolved(m) && m.code.size() > 3) {
        const std::string agent = m.code.substr(3);
        const std::string head = HeadWord(sentence, m);
        auto same_head = [&](const Antecedent& a) {
          return !Unresolved(a.mention) && !a.pronoun &&
                 std::find(a.words.begin(), a.words.end(), head) != a.words.end();
        };
        auto armed = [&](const Antecedent& a) { return !a.pronoun && IsArmed(a.mention); };
        auto same_agent = [&](const Antecedent& a) {
          return !a.pronoun && HasCountry(a.mention) && AgentOf(a.mention) == agent.substr(0, 3);
        };
        // A short noun counts ("The island scrambled jets"); a bare pronoun does not.
        auto country = [&](const Antecedent& a) { return (!a.pronoun || IsShortNoun(a)) && HasCountry(a.mention); };
        const Antecedent* whole = nullptr;  // gives its whole code
        const ActorMention* place = nullptr;  // gives its country only
        bool absorb = false;                  // "supporters of Trump": one actor, the place's mention joins
        // "the government of Syrian President Bashar al-Assad", "supporters of Trump";
        // "civilians in the Tigrayan city of Axum" (not for troops, officials and spies, often abroad).
        // "Leaders of the Group of Seven", "foreign ministers of ASEAN": the body acts through them.
        // "Judges at the International Criminal Court", "prosecutors of the ICC": a court's own
        // judges and prosecutors are the court.
        const bool igo_court = next < ms.size() && agent.compare(0, 3, "JUD") == 0 &&
                               ms[next].code.find("JUD") != std::string::npos &&
                               (toks[end].lower == "of" || toks[end].lower == "at");
        const bool of_igo = end + 1 < n && (toks[end].lower == "of" || igo_court) && next < ms.size() &&
                            ms[next].code.compare(0, 3, "IGO") == 0 &&
                            (agent.compare(0, 3, "GOV") == 0 || igo_court) &&
                            (ms[next].first == end + 1 || (ms[next].first == end + 2 && toks[end + 1].lower == "the"));
        if (of_igo) {
          m.code = ms[next].code;
          m.kind = ms[next].kind;
          m.name = ms[next].name;
          m.end = ms[next].end;
          m.entry += "+of:" + ms[next].entry;
          ++next;
        } else if (end + 1 < n && toks[end].lower == "of" && next < ms.size() && HasCountry(ms[next]) &&
            (ms[next].first == end + 1 || (ms[next].first == end + 2 && toks[end + 1].lower == "the"))) {
          place = &ms[next];
          absorb = true;
        } else if (end + 1 < n && !In(agent, {"MIL", "GOV", "SPY"}) &&
                   In(toks[end].lower, {"in", "at", "of", "from", "near", "across", "around", "outside", "inside"}) &&
                   next < ms.size() && ms[next].kind == ActorKind::kCountry && ms[next].code.size() == 3 &&
                   ms[next].first <= end + 5) {
          bool clean = true;
          for (uint32_t t = end; t < ms[next].first; ++t) clean &= toks[t].kind == text::TokenKind::kWord;
          if (clean) place = &ms[next];
        }
        const bool foreign = m.first > 0 && In(toks[m.first - 1].lower, {"foreign", "other"});
        if (foreign) place = nullptr;
        // "a commander", "two soldiers": new referents, not someone named before.
        const bool indefinite = IsIndefinite(sentence, m.first);
        // "the junta", "the militants": a referent the reader already knows, maybe from far back.
        const bool definite = m.first > 0 && toks[m.first - 1].lower == "the";
        // Past the window: the same word and agent ("Niger's junta" ... "the junta"), or any armed group.
        auto salient_same_head = [&](const Entity& e) {
          return std::find(e.words.begin(), e.words.end(), head) != e.words.end() &&
                 AgentOf(e.last.mention) == agent.substr(0, 3);
        };
        // "Myanmar's military seized power ... The junta": a junta is the military in power, of the
        // article's dominant country when that country's military or government was named.
        auto junta_country = [&]() -> const Antecedent* {
          if (head != "junta") return nullptr;
          const std::string c = DominantCountry(false);
          for (const Entity& e : entities_)
            if (!c.empty() && CountryOf(e.last.mention) == c && In(AgentOf(e.last.mention), {"MIL", "GOV"}))
              return &e.last;
          return nullptr;
        };
        auto salient_armed = [&](const Entity& e) { return IsArmed(e.last.mention); };
        auto salient_same_agent = [&](const Entity& e) {
          return HasCountry(e.last.mention) && AgentOf(e.last.mention) == agent.substr(0, 3);
        };
        // Civilians hit by forces are seldom the forces' own ("Russian forces killed 12 civilians").
        auto country_for_victims = [&](const Antecedent& a) {
          return country(a) && !(In(agent, {"CVL", "REF"}) && (IsArmed(a.mention) ||
                                                                In(AgentOf(a.mention), {"MIL", "COP"})));
        };
        // "Hezbollah fired rockets after an Israeli strike killed one of its senior commanders":
        // "its"/"their" + agent word is the sentence's first actor (its subject), not the nearest.
        const Antecedent* possessor = nullptr;
        // "The African Union's envoy": the actor right before "'s" owns the agent.
        // "The European Union's top court": one or two lowercase modifiers may stand between.
        uint32_t poss = m.first;
        while (poss >= 2 && m.first - poss < 2 && toks[poss - 1].kind == text::TokenKind::kWord &&
               !toks[poss - 1].capitalized() && toks[poss - 1].lower != "'s" &&
               In(toks[poss - 1].lower, {"top", "highest", "main", "chief", "senior", "own", "new", "special",
                                         "leading", "former", "military", "human", "rights", "foreign"}))
          --poss;
        if (poss >= 2 && toks[poss - 1].lower == "'s")
          for (const auto& x : cur)
            if ((!x.pronoun || IsShortNoun(x)) && !Unresolved(x.mention) &&
                x.mention.end == poss - 1 && x.mention.kind != ActorKind::kPerson)
              possessor = &x;  // also a short noun: "the group's leader", "the country's army"
        for (uint32_t b = m.first, seen = 0; !possessor && b > 0 && seen < 3; --b, ++seen) {
          const std::string& w = toks[b - 1].lower;
          if (w == "its" || w == "their") {
            // "Nicaragua broke off relations with Israel, calling its government fascist": in a
            // participle clause after a comma, the owner is the main clause's last other actor.
            bool participle_clause = false;
            for (uint32_t q = b - 1; q > 1 && q + 6 > b; --q)
              if (toks[q - 1].lower == "," && toks[q].lower.size() > 4 &&
                  toks[q].lower.compare(toks[q].lower.size() - 3, 3, "ing") == 0)
                participle_clause = true;
            const Antecedent* first = nullptr;
            // A resolved pronoun or short noun counts: "The alliance said its troops".
            for (const auto& x : cur)
              if (!Unresolved(x.mention) && x.mention.kind != ActorKind::kPerson && x.mention.end <= m.first) {
                if (!first) first = &x;
                if (participle_clause && x.mention.end < b && &x != first) possessor = &x;
              }
            if (!possessor) possessor = first;
            // "Its foreign minister said ..." opening a sentence: the previous sentence's subject.
            if (!possessor && w == "its" && !history_.empty()) {
              const Antecedent* s0 = nullptr;
              for (const auto& x : history_.back())
                if (!x.pronoun && (!s0 || x.mention.first < s0->mention.first)) s0 = &x;
              if (s0 && s0->mention.first <= 4 && !s0->coordinated && !Unresolved(s0->mention) &&
                  s0->mention.kind != ActorKind::kPerson && !s0->plural)
                possessor = s0;
            }
            break;
          }
          if (w == "his" || w == "her") {
            // "called on his supporters", "her ministers": the person's, the last one named before.
            for (const auto& x : cur)
              if (!x.pronoun && x.mention.kind == ActorKind::kPerson && HasCountry(x.mention) &&
                  x.mention.end <= m.first)
                possessor = &x;
            break;
          }
          if (toks[b - 1].kind != text::TokenKind::kWord || toks[b - 1].capitalized()) break;
        }
        if (foreign) {
          // "foreign troops", "other governments" are by definition not the country in view.
        } else if (of_igo) {
          // resolved above: the body
        } else if (absorb) {
          m.end = place->end;
          ++next;
        } else if (possessor && (IsArmed(possessor->mention) || !HasCountry(possessor->mention))) {
          whole = possessor;
        } else if (possessor) {
          place = &possessor->mention;
        } else if ((whole = search_current(same_head)) ||
                   (IsArmedAgent(agent) &&
                    ((whole = search_current(armed)) || (!indefinite && (whole = search_history(armed, false))) ||
                     // "the militants", and counted ones ("killed 20 militants"): fighters of the
                     // article's salient group, even when new.
                     ((definite || IsPlural(sentence, m)) && (whole = Salient(salient_armed))))) ||
                   // "President Joe Biden ... The White House said the president": the person, not the building.
                   (IsSingleOffice(head) && !indefinite && (whole = search_history(same_head, false)) &&
                    whole->mention.kind == ActorKind::kPerson) ||
                   (whole = search_current(same_agent))) {
          // Fighters are a group's before they are a country's: "Israeli troops came under fire from
          // militants" after "Hamas ..." are Hamas, not Israeli.
        } else if (In(head, {"spokesman", "spokeswoman", "spokesperson"}) && !indefinite &&
                   (whole = search_history([](const Antecedent& x) {
                      return !x.pronoun && !Unresolved(x.mention) && x.mention.kind != ActorKind::kPerson &&
                             x.mention.code.size() > 3;
                    }, true))) {
          // "The Pentagon confirmed ... The spokesman said": the body's spokesman, its code.
        } else if (place) {
        } else if (const Antecedent* c = search_current(country_for_victims)) {
          place = &c->mention;
        } else if (!indefinite && (whole = search_history(same_head, false))) {
        } else if (definite && !IsPlural(sentence, m) && (whole = Salient(salient_same_head))) {
          // "Niger's junta said ..." five sentences back: the same word names the article's prominent
          // actor better than an actor that merely shares the agent nearby.
        } else if (const Antecedent* junta = definite ? junta_country() : nullptr) {
          place = &junta->mention;  // the salient military's or government's country; the agent stays GOV
        } else if (!indefinite && (whole = search_history(same_agent, false))) {
        } else if (definite && (whole = Salient(salient_same_agent))) {
          // "Israeli tanks rolled into Rafah ... (six sentences) The army said": the article's forces.
        }
        // Otherwise pass 3: a later actor of this sentence, else the country of the previous sentences.
        if (whole) {
          m.code = whole->mention.code;
          // The antecedent's name and kind only where it is the same actor, not just the same agent
          // ("the president" is not "the White House").
          if (same_head(*whole) || IsArmed(whole->mention) ||
              (whole->mention.kind == ActorKind::kPerson && IsSingleOffice(head) && !IsPlural(sentence, m))) {
            m.name = whole->mention.name;
            m.kind = whole->mention.kind;
          }
          m.entry += "+coref:" + whole->mention.entry;
        } else if (place) {
          m.code = CountryOf(*place) + m.code.substr(3);
          m.entry += "+coref:" + place->entry;
        }
      }
      // "the Palestinian group", "the Lebanese movement": the last group of that country.
      if (m.kind == ActorKind::kCountry && m.code.size() == 3 && m.first > 0 && toks[m.first - 1].lower == "the" &&
          m.end < n && In(toks[m.end].lower, {"group", "movement", "militia", "organisation", "organization", "faction"}) &&
          (next >= ms.size() || ms[next].first > m.end)) {
        auto group = [&](const Antecedent& x) {
          return !x.pronoun && IsOrganisation(x.mention) && CountryOf(x.mention) == m.code;
        };
        const Antecedent* g = search_current(group);
        if (!g) g = search_history(group, false);
        if (g) {
          const uint32_t first = m.first;
          m = Pointing(g->mention, first, m.end + 1);
        }
      }
      TitledName(sentence, &m, next < ms.size() ? ms[next].first : n, &cur);
      if (Unresolved(m) && m.entry.find("+name:") != std::string::npos) {
        late_names.emplace_back(cur.size(), toks[m.end - 1].lower);  // known once pass 3 finds the country
      }
      if (Unresolved(m) && !(m.first > 0 && In(toks[m.first - 1].lower, {"foreign", "other"}))) {
        if (m.first > 0 && toks[m.first - 1].lower == "the") definite_pending.push_back(cur.size());
        pending.push_back(cur.size());
      }
      i = m.end - 1;
      add(std::move(m), false);
      continue;
    }
    const std::string& w = toks[i].lower;
    const std::string& prev = i > 0 ? toks[i - 1].lower : std::string();
    if (w == "he" || w == "she") {
      // Nearest sentence first (this one, then each earlier one): its first person, else its first
      // singular office holder ("Iran's foreign minister arrived. He ..." is not a person named before).
      auto office = [&](const Antecedent& x) {
        return !x.pronoun && !x.mention.code.empty() && !x.plural &&
               std::any_of(x.words.begin(), x.words.end(), [](const std::string& y) { return IsSingleOffice(y); });
      };
      auto pick = [&](const std::vector<Antecedent>& sent) -> const Antecedent* {
        for (const auto& x : sent) {
          if (IsPerson(x.mention)) return &x;
        }
        for (const auto& x : sent) {
          if (office(x)) return &x;
        }
        return nullptr;
      };
      const Antecedent* a = pick(cur);
      size_t seen = 0;
      for (auto s = history_.rbegin(); s != history_.rend() && seen < kLookBack && !a; ++s, ++seen) a = pick(*s);
      if (a) {
        ActorMention p = Pointing(a->mention, i, i + 1);
        if (Unresolved(p)) pending.push_back(cur.size());
        add(std::move(p), true);
      }
    } else if (w == "him" || (w == "her" && !(i + 1 < n && toks[i + 1].kind == text::TokenKind::kWord))) {
      // "her" before a word is a possessive ("her ministry").
      std::vector<const ActorMention*> persons;
      size_t seen = 0;
      for (auto s = history_.rbegin(); s != history_.rend() && seen < 1; ++s, ++seen) {
        for (const auto& x : *s) {
          if (IsPerson(x.mention)) persons.push_back(&x.mention);
        }
      }
      for (const auto& x : cur) {
        if (IsPerson(x.mention)) persons.push_back(&x.mention);
      }
      // "issued a warrant for Putin, accusing him of": a person of this sentence after a
      // preposition is no subject, and is the one meant.
      const ActorMention* object_person = nullptr;
      for (const auto& x : cur)
        if (IsPerson(x.mention) && !x.pronoun && x.mention.first > 0 && x.mention.end <= i &&
            In(toks[x.mention.first - 1].lower, {"for", "with", "to", "against", "on", "at", "from", "of", "by"}))
          object_person = &x.mention;
      if (object_person) {
        add(Pointing(*object_person, i, i + 1), true);
      } else if (!persons.empty() &&
                 std::all_of(persons.begin(), persons.end(),
                             [&](const ActorMention* x) { return x->name == persons[0]->name; }) &&
                 std::none_of(cur.begin(), cur.end(), [&](const Antecedent& x) { return !x.pronoun && IsPerson(x.mention); })) {
        // "Castillo said he would rule by decree. Lawmakers removed him": the only person of the
        // sentence before (however often named), when this sentence names none.
        add(Pointing(*persons[0], i, i + 1), true);
      } else if (persons.size() >= 2) {
        // Skip the nearest person (the likely subject) and take the one before on another side
        // ("Zelensky met Trump and Vance. Trump accused him ..." is Zelensky, not Vance), else
        // another person of the same side.
        const ActorMention* nearest = persons.back();
        const ActorMention* pick = nullptr;
        for (auto it = persons.rbegin() + 1; it != persons.rend() && !pick; ++it)
          if ((*it)->code != nearest->code) pick = *it;
        for (auto it = persons.rbegin() + 1; it != persons.rend() && !pick; ++it)
          if ((*it)->name != nearest->name) pick = *it;
        if (pick) add(Pointing(*pick, i, i + 1), true);
      }
    } else if ((w == "it" || w == "they") && SubjectPosition(sentence, i) && !(w == "it" && ImpersonalIt(sentence, i))) {
      // A subject "it"/"they": the subject of this sentence ("Hamas said it ..."), else of the previous one.
      // A short noun resolved earlier in the sentence is its subject too: "The agency said it ...".
      auto actor = [&](const Antecedent& x) {
        return (!x.pronoun || IsShortNoun(x)) && !Unresolved(x.mention) && x.mention.kind != ActorKind::kPerson;
      };
      const Antecedent* a = nullptr;
      size_t first_actor = cur.size();
      for (size_t k = 0; k < cur.size(); ++k) {
        if (!cur[k].pronoun || IsShortNoun(cur[k])) {
          first_actor = k;
          break;
        }
      }
      // "..., and a Pentagon spokesman said it": the speaker right before the verb, when nothing
      // ("and", a comma) separates them; "X backed Y and said it" is X's.
      if (i >= 2 && In(toks[i - 1].lower, {"said", "says", "added", "warned", "stated", "announced", "insisted",
                                           "claimed", "argued"})) {
        for (size_t k = cur.size(); k-- > 0;) {
          if (cur[k].pronoun) continue;
          bool adjacent = cur[k].mention.end + 3 >= i - 1;
          for (uint32_t t = cur[k].mention.end; t < i - 1 && adjacent; ++t) {
            adjacent = !In(toks[t].lower, {"and", ",", "but", "or"});
          }
          if (adjacent) first_actor = k;
          break;
        }
      }
      // After "if", "when", "because" ... the clause's subject may be any actor named before: only one will do.
      const bool subordinate = i > 0 && In(toks[i - 1].lower, {"if", "when", "because", "as", "after", "before",
                                                               "while", "since", "although", "though", "where",
                                                               "unless", "until"});
      bool several = false;
      for (const auto& x : cur) {
        several |= first_actor < cur.size() && !x.pronoun && x.mention.code != cur[first_actor].mention.code;
      }
      if (first_actor < cur.size()) {
        if (actor(cur[first_actor]) && !(subordinate && several)) a = &cur[first_actor];
        // "Russia and China said they ...": several subjects, no single antecedent.
        uint32_t after = cur[first_actor].mention.end;
        if (after < n && In(toks[after].lower, {"and", ","}) && first_actor + 1 < cur.size()) a = nullptr;
      } else if (!history_.empty() && !(i >= 2 && toks[0].lower == "the")) {
        // Not after a subject that names no actor: "The group said it ..." with the group unknown.
        const auto& last = history_.back();
        if (!last.empty() && actor(last.front()) && !last.front().coordinated) a = &last.front();
      }
      // "it" is one actor; "they" are several people or a group ("Hamas ... they"), seldom a country.
      if (a && (w == "it" ? !a->plural : a->plural || a->mention.kind != ActorKind::kCountry)) {
        add(Pointing(a->mention, i, i + 1), true);
      }
    } else if ((w == "it" || w == "them") && ObjectPosition(sentence, i)) {
      // "ordered China to close its consulate, accusing it of spying": the first actor after the subject.
      const Antecedent* a = nullptr;
      bool subject_seen = false;
      for (const auto& x : cur) {
        if (x.pronoun || Unresolved(x.mention)) continue;
        if (!subject_seen) {
          subject_seen = true;
          continue;
        }
        if (x.mention.kind != ActorKind::kPerson && x.mention.code != cur.front().mention.code) {
          a = &x;
          break;
        }
      }
      if (a) add(Pointing(a->mention, i, i + 1), true);
    } else if (w == "our" && quoted[i] && i + 1 < n &&
               In(toks[i + 1].lower, {"country", "state", "nation", "territory", "homeland", "land"}) &&
               (next >= ms.size() || ms[next].first > i + 1)) {
      // "“Russia has attacked our state,” Zelensky said": the speaker's country.
      if (const ActorMention* sp = speaker(); sp && HasCountry(*sp)) {
        ActorMention m;
        m.first = i;
        m.end = i + 2;
        m.code = CountryOf(*sp);
        m.kind = ActorKind::kCountry;
        m.entry = "coref:" + sp->entry;
        add(std::move(m), true);
        i = i + 1;
      }
    } else if ((toks[i].form == "I" || w == "we") && quoted[i]) {
      if (const ActorMention* sp = speaker()) {
        add(Pointing(*sp, i, i + 1), true);
      } else if (const Antecedent* a = search_history([](const Antecedent& x) { return IsPerson(x.mention); }, true)) {
        add(Pointing(a->mention, i, i + 1), true);
      }
    } else if (i == 1 && prev == "the" && !history_.empty() &&
               In(w, {"strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids",
                      "bombing", "bombings", "offensive", "assault", "shelling", "bombardment", "barrage"}) &&
               (next >= ms.size() || ms[next].first > i + 1)) {
      // "Israeli jets struck a school in Gaza. The strike killed 30 people": an attack named again as the
      // subject of the next sentence is its doer's. The doer: the first armed actor (forces, a group) of the
      // previous sentence, else its first actor.
      const auto& last = history_.back();
      const Antecedent* a = nullptr;
      for (const auto& x : last) {
        if (!x.pronoun && !Unresolved(x.mention) && (IsArmed(x.mention) || AgentOf(x.mention) == "MIL")) {
          a = &x;
          break;
        }
      }
      for (const auto& x : last) {
        if (!a && !x.pronoun && !Unresolved(x.mention)) a = &x;
      }
      if (a) add(Pointing(a->mention, i - 1, i + 1), true);
    } else if (prev == "the" && In(w, {"capital", "enclave", "territory", "strip"}) &&
               !(i + 1 < n && In(toks[i + 1].lower, {"of", ",", "city"})) &&
               (next >= ms.size() || ms[next].first > i + 1)) {
      // "Sudan's army ... looting homes in the capital": the capital is the dominant country's; an enclave,
      // strip or territory is where the news happens, the country most named as a location. Not before a
      // name ("the capital Kyiv", "the capital, Kyiv") or "of". ("The island" is an island state, below.)
      const std::string c = DominantCountry(w != "capital");
      const Antecedent* a = c.empty() ? nullptr : search_history([&](const Antecedent& x) {
        return !x.pronoun && x.mention.kind == ActorKind::kCountry && x.mention.code == c;
      }, false);
      if (!a && !c.empty()) a = MostSalientOf(c);
      if (a) {
        ActorMention p = Pointing(a->mention, i - 1, i + 1);
        p.code = c;
        p.kind = ActorKind::kCountry;
        add(std::move(p), true);
      }
    } else if ((prev == "the" || DescribedState(sentence, ms, i)) &&
               In(w, {"group", "movement", "organisation", "organization", "bloc", "alliance", "country", "nation",
                      "kingdom", "coalition", "agency", "mission", "island", "state", "republic", "emirate"}) &&
               !(prev == "the" && In(w, {"state", "republic", "emirate"})) &&
               !(i + 1 < n && toks[i + 1].lower == "of")) {
      // ("the Baltic state", "the island nation", "the oil-rich kingdom": one describing word)
      const uint32_t the_at = prev == "the" ? i - 1 : i - 2;
      // Short nouns standing for the last actor of their kind.
      std::function<bool(const Antecedent&)> ok;
      // An IGO may be named only through its officer ("NATO Secretary General Jens Stoltenberg ... the alliance").
      auto igo = [](const ActorMention& m) { return m.code.compare(0, 3, "IGO") == 0; };
      if (In(w, {"group", "movement"})) {
        ok = [](const Antecedent& x) { return !x.pronoun && IsOrganisation(x.mention); };
      } else if (In(w, {"organisation", "organization"})) {
        ok = [igo](const Antecedent& x) {
          return !x.pronoun && (IsOrganisation(x.mention) || igo(x.mention) || x.mention.code.compare(0, 3, "NGO") == 0);
        };
      } else if (In(w, {"bloc", "alliance"})) {
        ok = [igo](const Antecedent& x) { return !x.pronoun && igo(x.mention); };
      } else if (In(w, {"agency", "mission"})) {
        // "The IAEA ... the agency", "UNIFIL ... the mission": a UN body, or one named with the word (other
        // IGOs seldom are: "CARICOM welcomed the plan. ... the mission" is the police mission).
        ok = [w](const Antecedent& x) {
          return !x.pronoun && !Unresolved(x.mention) && (x.mention.code.compare(0, 6, "IGOUNO") == 0 ||
                                                           std::find(x.words.begin(), x.words.end(), w) != x.words.end());
        };
      } else if (w == "coalition") {
        // "the Saudi-led coalition ... the coalition": only one named so.
        ok = [](const Antecedent& x) {
          return !x.pronoun && std::find(x.words.begin(), x.words.end(), "coalition") != x.words.end();
        };
      } else {
        ok = [](const Antecedent& x) { return !x.pronoun && HasCountry(x.mention); };
      }
      const Antecedent* a = nullptr;
      if (w == "island") {
        // "Taiwan said Chinese warplanes crossed the median line. The island scrambled jets": an island
        // state, the nearest within the window, else the article's salient one.
        ok = [](const Antecedent& x) { return !x.pronoun && IsIslandState(CountryOf(x.mention)); };
      }
      if (In(w, {"group", "movement"})) {
        // A group or movement is an armed group or an NGO before it is an IGO ("the UN said ... The group
        // said its fighters"): those first, in the sentence, the window and the article.
        auto non_igo = [igo](const Antecedent& x) { return !x.pronoun && IsOrganisation(x.mention) && !igo(x.mention); };
        a = search_current(non_igo);
        if (!a) a = search_history(non_igo, false);
        if (!a) a = Salient([&](const Entity& e) { return non_igo(e.last); });
      }
      // "China downgraded relations with the Baltic state": a described country is one named
      // before, not this sentence's own actor.
      if (!a && the_at == i - 1) a = search_current(ok);
      // "Jordan said its air force shot down Iranian drones. The kingdom ...": the previous subject.
      if (!a) a = search_history(ok, In(w, {"country", "nation", "kingdom", "state", "republic", "emirate"}));
      // Further back: the article's prominent actor of that kind, or for "the country" its dominant country.
      if (!a && In(w, {"country", "nation", "kingdom", "state", "republic", "emirate"})) {
        if (const std::string c = DominantCountry(false); !c.empty()) a = MostSalientOf(c);
      } else if (!a) {
        a = Salient([&](const Entity& e) { return ok(e.last); });
      }
      if (a) {
        ActorMention p = Pointing(a->mention, the_at, i + 1);
        if (p.kind == ActorKind::kPerson && (w == "bloc" || w == "alliance" || w == "organisation" ||
                                             w == "organization")) {
          p.kind = ActorKind::kIgo;  // the body, not its officer
        }
        if (In(w, {"country", "nation", "kingdom", "island", "state", "republic", "emirate"})) {
          p.code = CountryOf(a->mention);
          p.kind = ActorKind::kCountry;
        }
        add(std::move(p), true);
      }
    } else if (IsCapitalizedWord(toks[i]) && !names_.empty()) {
      // A surname introduced earlier with its title.
      auto it = names_.find(w);
      if (it != names_.end()) add(Pointing(it->second, i, i + 1), false);
    }
  }

  while (next < ms.size()) add(ms[next++], false);

  // Pass 3: agents still without a country take, best first: the place where this sentence's
  // event happens ("Protesters stormed government buildings in Yerevan", "clashed with police in
  // Tel Aviv"); the nearest country of the previous sentences ("Moldova protested. Foreign Minister
  // X said Moscow lied": not Moscow); any later actor of this sentence; as a last resort a
  // pronoun's ("I ordered the military to ...").
  auto locative = [&](const ActorMention& x) {
    for (uint32_t t = x.first > 3 ? x.first - 3 : 0; t < x.end && t < n; ++t) {
      if (In(toks[t].lower, {"in", "near", "at", "outside", "across", "around", "inside", "into"})) return true;
      // "evacuated from Kherson", "fled from Khartoum"; not "aid from the United States".
      if (toks[t].lower == "from" && t > 0 &&
          In(toks[t - 1].lower, {"evacuated", "fled", "displaced", "expelled", "deported", "escaped", "rescued",
                                 "driven", "forced", "uprooted"})) {
        return true;
      }
    }
    return false;
  };
  for (size_t k : pending) {
    ActorMention& m = cur[k].mention;
    if (!Unresolved(m)) continue;
    const std::string agent = m.code.substr(3, 3);
    const ActorMention* c = nullptr;
    // Troops, officials and spies are often abroad: the event's place says nothing of theirs.
    for (size_t l = k + 1; l < cur.size() && !c && !In(agent, {"MIL", "GOV", "SPY"}); ++l) {
      if (!cur[l].pronoun && HasCountry(cur[l].mention) && cur[l].mention.first >= m.end &&
          locative(cur[l].mention)) {
        c = &cur[l].mention;
      }
    }
    if (!c && In(agent, {"CVL", "REF"})) {
      // Victims: the first country of the previous sentences that is not the forces' ("Israeli jets struck a
      // school in Gaza City. The strike killed 30 people").
      if (const Antecedent* a = search_history([](const Antecedent& x) {
            return !x.pronoun && HasCountry(x.mention) && !IsArmed(x.mention) &&
                   !In(AgentOf(x.mention), {"MIL", "COP"});
          }, true)) {
        c = &a->mention;
      }
    }
    // The previous sentence's topic: its first country, when it is the sentence just before and its
    // subject alone ("Egypt and the UAE backed Haftar" has no single topic).
    bool clear_topic = false;
    if (!history_.empty() && history_sentence_ + 1 == sentence_) {
      for (const auto& x : history_.back()) {
        if (x.pronoun || !HasCountry(x.mention)) continue;
        clear_topic = !x.coordinated;
        break;
      }
    }
    if (!c && !clear_topic && std::find(definite_pending.begin(), definite_pending.end(), k) != definite_pending.end()) {
      // "the rebels", "the government" with no clear topic just before: the article's dominant country
      // ("Forces loyal to Haftar advanced on Tripoli ... Egypt and the UAE have backed Haftar. The rebels
      // shelled the airport" are Libya's, not Egypt's), when one stands out; else the rule below.
      if (const std::string d = DominantCountry(false); !d.empty()) {
        if (const Antecedent* a = MostSalientOf(d)) c = &a->mention;
      }
    }
    if (!c) {
      // The subject of the previous sentence is its topic: "Israel struck Gaza. Officials said ..." are Israel's.
      if (const Antecedent* a = search_history([](const Antecedent& x) { return !x.pronoun && HasCountry(x.mention); },
                                               true)) {
        c = &a->mention;
      }
    }
    for (size_t l = k + 1; l < cur.size() && !c; ++l) {
      if (!cur[l].pronoun && HasCountry(cur[l].mention)) c = &cur[l].mention;
    }
    for (size_t l = k; l-- > 0 && !c;) {
      if (HasCountry(cur[l].mention)) c = &cur[l].mention;
    }
    if (c) {
      m.code = CountryOf(*c) + m.code.substr(3);
      m.entry += "+coref:" + c->entry;
    }
  }

  for (const auto& [k, surname] : late_names) {
    ActorMention& m = cur[k].mention;
    if (Unresolved(m)) continue;
    m.kind = ActorKind::kPerson;
    names_[surname] = m;
  }

  // A name in apposition after its title: "Russia's ambassador in Washington, Anatoly Antonov,".
  std::vector<Antecedent> appositions;
  for (const Antecedent& a : cur) {
    const ActorMention& m = a.mention;
    if (a.pronoun || !HasCountry(m) || m.kind == ActorKind::kPerson || a.plural || m.end >= n) continue;
    if (std::none_of(a.words.begin(), a.words.end(), [](const std::string& x) { return IsSingleOffice(x); })) continue;
    uint32_t t = m.end;
    if (In(toks[t].lower, {"in", "to", "at", "of", "for"})) {
      uint32_t limit = t + 5;
      while (t < n && t < limit && toks[t].kind == text::TokenKind::kWord) ++t;
    }
    if (t >= n || toks[t].lower != ",") continue;
    uint32_t b = t + 1, e = b;
    while (e < n && e - b < 3 && IsCapitalizedWord(toks[e]) && !IsCalendarOrFunctionWord(toks[e].lower)) ++e;
    if (e - b < 2 || (e < n && toks[e].kind != text::TokenKind::kPunct)) continue;
    bool free = true;
    for (const Antecedent& x : cur) free &= x.mention.end <= b || x.mention.first >= e;
    if (!free) continue;
    Antecedent p;
    p.mention = m;
    p.mention.first = b;
    p.mention.end = e;
    p.mention.kind = ActorKind::kPerson;
    p.mention.name.clear();
    for (uint32_t u = b; u < e; ++u) p.mention.name += (u > b ? " " : "") + toks[u].form;
    p.mention.entry += "+name:" + p.mention.name;
    p.words = SpanWords(sentence, p.mention);
    names_[toks[e - 1].lower] = p.mention;
    appositions.push_back(std::move(p));
  }
  for (auto& p : appositions) cur.push_back(std::move(p));

  // "Russia and China ...", "Britain, France and Germany ...": no single antecedent for "it"/"they".
  for (size_t k = 0; k < cur.size(); ++k) {
    if (cur[k].pronoun) continue;
    const uint32_t e = cur[k].mention.end;
    for (size_t l = k + 1; l < cur.size(); ++l) {
      if (cur[l].pronoun) continue;
      cur[k].coordinated = e < n && In(toks[e].lower, {"and", "or", ","}) &&
                           (cur[l].mention.first == e + 1 ||
                            (cur[l].mention.first == e + 2 && toks[e + 1].lower == "the"));  // "and the UAE"
      break;
    }
  }
  ms.clear();
  for (const auto& a : cur) ms.push_back(a.mention);
  std::stable_sort(ms.begin(), ms.end(), [](const ActorMention& a, const ActorMention& b) { return a.first < b.first; });
  // A sentence that names nobody (a quotation, a background sentence) leaves the antecedents as they were.
  Remember(sentence, cur);
  if (!cur.empty()) {
    history_.push_back(std::move(cur));
    history_sentence_ = sentence_;
  }
  ++sentence_;
}

}  // namespace dyad::engine
