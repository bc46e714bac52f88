#include "coder/linker.h"

#include "coder/cues.h"

#include <algorithm>
#include <utility>

namespace dyad::coder {
namespace {

using namespace cues;  // NOLINT: file-local, a .cc file

// Adverbs and negators that may stand between an auxiliary and its verb.
bool SkippableAdverb(std::string_view w) { return Adverb(w) || Negator(w); }


struct Ctx {
  const LinkInput& in;
  std::vector<uint16_t> clause;
  std::vector<int32_t> mention_at;  // token -> mention covering it, or -1

  std::string_view lower(uint32_t i) const { return in.tokens[i].lower; }
  const actors::ActorMention& m(int32_t k) const { return in.mentions[k]; }
  bool AfterPreposition(int32_t k) const {
    uint32_t f = m(k).first;
    while (f > 0 && In(lower(f - 1), {"the", "a", "an"})) --f;  // "near the German embassy"
    return f > 0 && SourcePreposition(lower(f - 1));
  }
  bool IsPerson(int32_t k) const { return m(k).kind == actors::ActorKind::kPerson; }
};

// Nearest mention ending at or before `before`, not after a preposition; in
// the same clause as token `anchor` when `same_clause`. Also reports a he/she
// pronoun nearer than any mention.
int32_t NearestBefore(const Ctx& c, uint32_t before, uint32_t anchor, bool same_clause, bool* pronoun) {
  *pronoun = false;
  for (int32_t i = static_cast<int32_t>(before) - 1; i >= 0; --i) {
    // A parenthesis (", whose jets shot down drones,") has a later clause id than the clause
    // it interrupts: skip it; an earlier clause ends the search.
    if (same_clause && c.clause[i] > c.clause[anchor]) continue;
    if (same_clause && c.clause[i] != c.clause[anchor]) break;
    int32_t k = c.mention_at[i];
    if (k >= 0) {
      if (!c.AfterPreposition(k)) return k;
      i = static_cast<int32_t>(c.m(k).first);  // skip the rest of this mention
      continue;
    }
    std::string_view w = c.lower(i);
    if (same_clause && (w == "he" || w == "she")) {
      // A subject pronoun usually continues the sentence's first-named person.
      for (int32_t j = 0; j < i; ++j) {
        int32_t p = c.mention_at[j];
        if (p >= 0 && c.IsPerson(p)) {
          *pronoun = true;
          return p;
        }
      }
      return -1;
    }
  }
  return -1;
}

// True when nothing but pronouns, auxiliaries and adverbs stands between the
// clause start and the trigger ("said it would release", ", killing 40"), so
// the subject may be sought outside the clause; a noun subject ("an offensive
// would threaten") is not an actor and must not be replaced by one.
bool SubjectlessClause(const Ctx& c, uint32_t anchor) {
  for (int32_t i = static_cast<int32_t>(anchor) - 1; i >= 0 && c.clause[i] == c.clause[anchor]; --i) {
    std::string_view w = c.lower(i);
    if (c.in.tokens[i].kind == text::TokenKind::kPunct) continue;
    if (SkippableAdverb(w) || BeForm(w)) continue;
    if (In(w, {"it", "they", "he", "she", "we", "i", "that", "which", "who", "and", "but", "then", "would", "will",
               "could", "can", "may", "might", "should", "must", "has", "have", "had", "did", "does", "do", "to",
               "also", "later", "'ll", "wo", "ca", "n't", "not", "ready", "willing", "prepared", "able", "going",
               "set", "due", "expected", "likely", "determined"}))
      continue;
    return false;
  }
  return true;
}

bool IsPassive(const Ctx& c, const PredicateMatch& pm) {
  if (!(c.in.views[pm.trigger_first].flags & kPastForm)) return false;
  // A participle that ends its sentence after a noun is a headline passive:
  // "Key Delhi blast suspect arrested".
  if (pm.trigger_end == pm.trigger_first + 1 && pm.trigger_first > 0 &&
      (pm.trigger_end == c.in.tokens.size() ||
       (pm.trigger_end + 1 == c.in.tokens.size() && c.in.tokens[pm.trigger_end].kind == text::TokenKind::kPunct)) &&
      c.in.tokens[pm.trigger_first - 1].kind == text::TokenKind::kWord && !BeForm(c.lower(pm.trigger_first - 1)) &&
      c.mention_at[pm.trigger_first - 1] < 0)  // "as Russian forces withdrew." is active
    return true;
  // Reduced passives: "settlers accused of violence", "a convoy hit by a missile".
  uint32_t next = pm.trigger_first + 1;
  if (next < c.in.tokens.size() && (c.lower(next) == "of" || c.lower(next) == "by") && pm.trigger_first > 0 &&
      c.in.tokens[pm.trigger_first - 1].kind != text::TokenKind::kPunct && !BeForm(c.lower(pm.trigger_first - 1)) &&
      c.mention_at[next] < 0) {
    if (c.lower(next) == "of") return true;
    // "by" must introduce an actor ("hit by a missile" is not coded; "spoke by phone" is active).
    uint32_t j = next + 1;
    if (j < c.in.tokens.size() && In(c.lower(j), {"the", "a", "an"})) ++j;
    if (j < c.in.tokens.size() && c.mention_at[j] >= 0) return true;
  }
  int32_t i = static_cast<int32_t>(pm.trigger_first) - 1;
  for (int hops = 0; i >= 0 && hops < 3; --i, ++hops) {
    std::string_view w = c.lower(i);
    if (BeForm(w)) return true;
    if (!SkippableAdverb(w)) return false;
  }
  return false;
}

// Source and target are one side: the same code, or a country's people named by
// a demonym ("Thousands of Palestinians protested along the Gaza border") and
// their own country's bare name, which there is where they are, not whom they act on.
bool OneSide(const actors::ActorMention& a, const actors::ActorMention& b) {
  if (a.code == b.code) return true;
  auto people_of = [](const actors::ActorMention& p, const actors::ActorMention& c) {
    return p.entry.find("demonym:people") != std::string::npos && c.code.size() == 3 &&
           p.code.compare(0, 3, c.code) == 0;
  };
  return people_of(a, b) || people_of(b, a);
}

}  // namespace

std::vector<uint16_t> WordOrderLinker::Clauses(std::span<const text::Token> tokens) {
  std::vector<uint16_t> clause(tokens.size(), 0);
  uint16_t id = 0, next_id = 0;
  bool open_next = false;
  // ", who landed in Tel Aviv ," is a parenthesis: after its closing comma the
  // main clause resumes ("Biden, who landed ..., met Netanyahu").
  int32_t resume = -1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view w = tokens[i].lower;
    bool punct_break = w == ";" || w == ":" || w == "(" || w == ")" || w == "\"";
    if (resume >= 0 && w == ",") {
      id = static_cast<uint16_t>(resume);
      resume = -1;
      clause[i] = id;
      continue;
    }
    if (open_next || punct_break || (i > 0 && OpensClause(w))) {
      if (i > 0 && tokens[i - 1].lower == "," && (w == "who" || w == "which" || w == "whose") && resume < 0) resume = id;
      if (next_id < UINT16_MAX) ++next_id;
      id = next_id;
      open_next = false;
    }
    clause[i] = id;
    if (ReportingVerb(w)) open_next = true;
  }
  return clause;
}

std::vector<Link> WordOrderLinker::LinkArguments(const LinkInput& in) const {
  Ctx c{in, Clauses(in.tokens), std::vector<int32_t>(in.tokens.size(), -1)};
  for (size_t k = 0; k < in.mentions.size(); ++k)
    for (uint32_t i = in.mentions[k].first; i < in.mentions[k].end && i < in.tokens.size(); ++i)
      c.mention_at[i] = static_cast<int32_t>(k);

  std::vector<Link> out;
  std::vector<int32_t> source_of(in.matches.size(), -1);
  std::vector<bool> starts_trigger(in.tokens.size(), false);
  for (const auto& m : in.matches)
    if (m.trigger_first < starts_trigger.size()) starts_trigger[m.trigger_first] = true;
  for (uint32_t t : in.object_stops)
    if (t < starts_trigger.size()) starts_trigger[t] = true;
  for (uint32_t mi = 0; mi < in.matches.size(); ++mi) {
    const PredicateMatch& pm = in.matches[mi];
    const uint32_t anchor = pm.trigger_first;
    Link base;
    base.match = mi;
    int32_t src = -1, tgt = -1;
    bool pronoun = false, target_is_place = false, participle = false;

    if (c.lower(anchor) == "their" || (anchor > 0 && c.lower(anchor - 1) == "their")) {
      // "their meeting": the clause's first actor and the next one.
      for (uint32_t i = 0; i < anchor; ++i) {
        if (c.clause[i] != c.clause[anchor] || c.mention_at[i] < 0) continue;
        if (src < 0) {
          src = c.mention_at[i];
          i = c.m(src).end - 1;
        } else {
          tgt = c.mention_at[i];
          break;
        }
      }
      base.resolved_pronoun = true;
      base.source_in_clause = src >= 0;
      if (src >= 0 && tgt >= 0) {
        // "their meeting" is mutual: each took part.
        for (auto [s1, t1] : {std::pair{src, tgt}, std::pair{tgt, src}}) {
          Link l = base;
          l.source = s1;
          l.target = t1;
          out.push_back(l);
        }
      }
      continue;
    } else if (IsPassive(c, pm)) {
      base.passive = true;
      tgt = NearestBefore(c, anchor, anchor, true, &pronoun);
      if (tgt < 0) tgt = NearestBefore(c, anchor, anchor, false, &pronoun);
      for (uint32_t i = pm.trigger_end; i < in.tokens.size() && c.clause[i] == c.clause[anchor]; ++i) {
        if (c.lower(i) != "by") continue;
        for (uint32_t j = i + 1; j < in.tokens.size() && j <= i + 3; ++j)
          if (c.mention_at[j] >= 0) {
            src = c.mention_at[j];
            break;
          }
        break;
      }
      base.source_in_clause = src >= 0;
      base.resolved_pronoun = pronoun;
    } else {
      // "X attacked Y and shelled Z": a verb right after a conjunction shares
      // the subject of the previous event verb.
      int32_t j = static_cast<int32_t>(anchor) - 1;
      while (j >= 0 && SkippableAdverb(c.lower(j))) --j;
      if (mi > 0 && j >= 0 && In(c.lower(j), {"and", "but", "then"}) && source_of[mi - 1] >= 0 &&
          in.matches[mi - 1].trigger_end <= static_cast<uint32_t>(j)) {
        src = source_of[mi - 1];
        base.source_in_clause = true;
      } else if (j >= 0 && c.lower(j) == "," && c.lower(anchor).size() > 4 &&
                 c.lower(anchor).compare(c.lower(anchor).size() - 3, 3, "ing") == 0) {
        // ", accusing it of spying": a participle clause shares the subject of its sentence.
        for (int32_t i = j - 1; i >= 0; --i) {
          int32_t k = c.mention_at[i];
          if (k >= 0 && !c.AfterPreposition(k) && c.clause[i] == c.clause[j]) src = k;
        }
        if (src < 0) src = NearestBefore(c, anchor, anchor, false, &pronoun);
        base.source_in_clause = src >= 0;
        participle = true;
      } else if (j >= 0 && c.lower(j) == "to") {
        // An infinitive ("Israel would enter Rafah to destroy ...", "Qatar and Egypt
        // continue to mediate") takes the subject of its clause, not the nearest
        // actor, which is usually the object of the governing verb.
        for (int32_t i = j - 1; i >= 0 && c.clause[i] == c.clause[anchor]; --i) {
          int32_t k = c.mention_at[i];
          if (k >= 0 && !c.AfterPreposition(k)) src = k;
        }
        if (src < 0) src = NearestBefore(c, anchor, anchor, true, &pronoun);
        base.source_in_clause = src >= 0;
        if (src < 0 && SubjectlessClause(c, anchor)) src = NearestBefore(c, anchor, anchor, false, &pronoun);
      } else {
        src = NearestBefore(c, anchor, anchor, true, &pronoun);
        base.source_in_clause = src >= 0;
        if (src < 0 && SubjectlessClause(c, anchor)) src = NearestBefore(c, anchor, anchor, false, &pronoun);
        // "Protesters set fire to the parliament" ('@protester set fire to'): a pattern that opens
        // with an actor word names its doer.
        if (src < 0 && c.mention_at[anchor] >= 0 && c.m(c.mention_at[anchor]).first == anchor &&
            c.m(c.mention_at[anchor]).end < pm.trigger_end) {
          src = c.mention_at[anchor];
          base.source_in_clause = true;
        }
      }
      base.resolved_pronoun = pronoun;
      if (pm.target_first >= 0) {
        base.target_from_slot = true;
        for (int32_t i = pm.target_first; i < pm.target_end; ++i)
          if (c.mention_at[i] >= 0 && c.mention_at[i] != src) {
            tgt = c.mention_at[i];
            break;
          }
        if (tgt < 0) {
          for (int32_t i = pm.target_first; i < pm.target_end; ++i) {
            std::string_view w = c.lower(i);
            if (participle && (w == "it" || w == "them")) {
              // ", accusing them of ...": the object of the main verb.
              for (int32_t j2 = static_cast<int32_t>(anchor) - 1; j2 >= 0; --j2) {
                int32_t p = c.mention_at[j2];
                if (p >= 0 && p != src) {
                  tgt = p;
                  base.resolved_pronoun = true;
                  break;
                }
              }
              break;
            }
            if (w != "him" && w != "her") continue;
            uint32_t from = src >= 0 ? c.m(src).first : anchor;
            for (int32_t j = static_cast<int32_t>(from) - 1; j >= 0; --j) {
              int32_t p = c.mention_at[j];
              if (p >= 0 && p != src && c.IsPerson(p)) {
                tgt = p;
                base.resolved_pronoun = true;
                break;
              }
            }
            break;
          }
        }
      } else {
        // The first mention after the trigger word in its clause; a place
        // ("in Gaza") only when nothing else is there.
        int32_t locative = -1, predicate_actor = -1;
        // "demanded that Britain release", "warned that North Korea would": the
        // subject of a that-clause right after the trigger is the target.
        uint32_t that = pm.trigger_end;
        if (that < in.tokens.size() && c.lower(that) == "that") {
          for (uint32_t j = that + 1; j < in.tokens.size() && j <= that + 2; ++j)
            if (c.mention_at[j] >= 0 && c.mention_at[j] != src) {
              tgt = c.mention_at[j];
              break;
            }
        }
        for (uint32_t i = anchor + 1; tgt < 0 && i < in.tokens.size() && c.clause[i] == c.clause[anchor]; ++i) {
          // The object ends where another predicate starts: "condemned the launch and called on X",
          // "approved a plan to send a delegation to Cairo".
          if (i >= pm.trigger_end && c.mention_at[i] < 0) {
            std::string_view w = c.lower(i);
            bool next_is_actor = i + 1 < in.tokens.size() && c.mention_at[i + 1] >= 0;
            // "tortured and killed civilians": a verb joined right after shares the object.
            const bool joined = i == pm.trigger_end + 1 && c.lower(i - 1) == "and";
            if (starts_trigger[i] && !joined) break;
            if (w == "to" && !next_is_actor && i + 1 < in.tokens.size() &&
                in.tokens[i + 1].kind == text::TokenKind::kWord && !In(c.lower(i + 1), {"the", "a", "an", "its", "their", "his", "her"}))
              break;
          }
          int32_t k = c.mention_at[i];
          if (k < 0 || k == src) continue;
          if (c.m(k).first != i) continue;
          // "send ground forces into": a mention holding a word of the pattern is part of the predicate.
          bool in_predicate = false;
          for (uint32_t t = c.m(k).first; t < c.m(k).end; ++t)
            in_predicate |= pm.IsLiteral(t) ||
                            (c.m(k).kind == actors::ActorKind::kAgentOnly && t > pm.trigger_first && t < pm.trigger_end);
          if (in_predicate) {
            if (predicate_actor < 0) predicate_actor = k;
            continue;
          }
          // "..., South Korea's military said": the speaker, not the target.
          if (c.m(k).end < in.tokens.size() && ReportingVerb(c.lower(c.m(k).end))) continue;
          uint32_t before = c.m(k).first;
          while (before > 0 && In(c.lower(before - 1), {"the", "a", "an"})) --before;
          if (before > 0 && Locative(c.lower(before - 1))) {
            if (locative < 0) locative = k;
            continue;
          }
          tgt = k;
          break;
        }
        // Fallbacks, best first: an actor named in the predicate ("clashed with police"),
        // a place, an agent word inside the predicate ("joint military exercises").
        bool weak_predicate = predicate_actor >= 0 && c.m(predicate_actor).kind == actors::ActorKind::kAgentOnly;
        if (tgt < 0 && predicate_actor >= 0 && !weak_predicate) tgt = predicate_actor;
        if (tgt < 0 && locative >= 0) {
          tgt = locative;
          target_is_place = true;
        }
        if (tgt < 0 && weak_predicate) {
          tgt = predicate_actor;
          target_is_place = true;  // as weak as a place: coordinated sources act on each other instead
        }
      }
    }

    source_of[mi] = src;
    base.why = "word order";
    std::vector<int32_t> sources = src >= 0 ? AdjacentCoordination(in, src) : std::vector<int32_t>{-1};
    if (pm.mutual) tgt = -1;
    // An agent word that is the predicate's object ("pledging 300 troops") is no target;
    // after "with"/"against"/"at" it is the opponent ("clashed with riot police").
    if (sources.size() < 2 && tgt >= 0 && target_is_place && c.m(tgt).kind == actors::ActorKind::kAgentOnly &&
        pm.trigger_first < c.m(tgt).first && c.m(tgt).first < pm.trigger_end &&
        !In(c.lower(c.m(tgt).first - 1), {"with", "against", "at", "on", "upon"}))
      tgt = -1;
    std::vector<int32_t> targets = tgt >= 0 ? AdjacentCoordination(in, tgt) : std::vector<int32_t>{-1};
    EmitLinks(in, base, sources, targets, target_is_place, &out);
  }
  return out;
}

std::vector<int32_t> AdjacentCoordination(const LinkInput& in, int32_t k) {
  auto lower = [&](uint32_t i) -> std::string_view { return in.tokens[i].lower; };
  auto m = [&](int32_t i) -> const actors::ActorMention& { return in.mentions[i]; };
  auto speaker = [&](int32_t k) { return m(k).end < in.tokens.size() && ReportingVerb(lower(m(k).end)); };
  auto joined = [&](int32_t a, int32_t b) {
    if (speaker(a) || speaker(b)) return false;
    // "including 13 Israelis, and Israel freed ...": a people and their own state are two clauses' actors.
    if (m(a).code != m(b).code && OneSide(m(a), m(b))) return false;
    uint32_t from = m(a).end, to = m(b).first;
    if (to <= from || to - from > 4) return false;
    // "Israel and the United States", "Gallant and three Hamas leaders": a determiner or a
    // number opens the second conjunct.
    auto opener = [&](uint32_t i) {
      return In(lower(i), {"the", "a", "an", "several", "some", "other", "many", "two", "three", "four", "five",
                           "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"}) ||
             in.tokens[i].kind == text::TokenKind::kNumber;
    };
    while (to - from > 1 && opener(to - 1)) --to;
    if (to - from == 1) return lower(from) == "and" || lower(from) == ",";
    // ", and" closes a list of three or more ("Britain, France, and Germany"); after a single
    // actor it starts a new clause ("... in Amman, and police fired tear gas").
    return to - from == 2 && lower(from) == "," && lower(from + 1) == "and" && a > 0 &&
           m(a - 1).end + 1 == m(a).first && lower(m(a - 1).end) == ",";
  };
  auto by_and = [&](int32_t a, int32_t b) {  // the joint holds "and", not just a comma
    for (uint32_t i = m(a).end; i < m(b).first; ++i)
      if (lower(i) == "and") return true;
    return false;
  };
  int32_t lo = k, hi = k;
  const int32_t n = static_cast<int32_t>(in.mentions.size());
  while (lo > 0 && joined(lo - 1, lo)) --lo;
  while (hi + 1 < n && joined(hi, hi + 1)) ++hi;
  // A list joined by commas only ("Ukraine, Chancellor Scholz") is apposition,
  // not coordination: it needs an "and" at its end.
  if (hi > lo && !by_and(hi - 1, hi)) return {k};
  std::vector<int32_t> out;
  for (int32_t i = lo; i <= hi; ++i) out.push_back(i);
  // "struck the defence ministry in Damascus and government forces in Sweida": a place after
  // the last conjunct ("in <place>") does not end the list; the place itself is no conjunct.
  if (hi == k && hi + 2 < n && m(hi).end + 1 == m(hi + 1).first &&
      In(lower(m(hi).end), {"in", "at", "near", "outside"}) && m(hi + 1).code.size() == 3 &&
      m(hi + 1).end + 1 == m(hi + 2).first && lower(m(hi + 1).end) == "and" && !speaker(hi + 2) &&
      m(hi + 2).code.size() > 3)
    out.push_back(hi + 2);
  return out;
}

void EmitLinks(const LinkInput& in, const Link& base, const std::vector<int32_t>& sources,
               const std::vector<int32_t>& targets, bool target_weak, std::vector<Link>* out) {
  // Passive agents ("imposed by the EU and Britain") did it together, not to each other;
  // "Russia and China vetoed the resolution" is two vetoes, not one against the other:
  // only meetings, cooperation, agreements and fighting are done to each other. Praise,
  // recognition, aid or pledges of aid by several actors are each actor's own ("Britain and
  // Germany expressed support" is not support for each other), and so are visits, hosting
  // and mediation ("U.S. and Saudi mediators hosted the talks").
  std::string_view code = base.match < in.codes.size() ? std::string_view(in.codes[base.match]) : std::string_view();
  std::string_view root = code.substr(0, 2), three = code.substr(0, 3);
  bool mutual_kind = code.empty() || base.each_other || (base.match < in.matches.size() && in.matches[base.match].mutual) ||
                     In(root, {"06", "19"}) ||
                     In(three, {"019", "030", "031", "032", "035", "036", "037", "040", "041", "044", "046", "050", "057", "087"});
  if (sources.size() >= 2 && !mutual_kind && (targets.empty() || targets.front() < 0 || target_weak)) {
    for (int32_t s : sources) {
      Link l = base;
      l.source = s;
      l.target = -1;
      out->push_back(l);
    }
    return;
  }
  if (sources.size() >= 2 && !base.passive && (targets.empty() || targets.front() < 0 || target_weak)) {
    // "X and Y held talks", "the army and the RSF fought in Khartoum": each acts on the other.
    for (int32_t s : sources)
      for (int32_t t : sources) {
        if (s == t || in.mentions[s].code == in.mentions[t].code) continue;
        Link l = base;
        l.source = s;
        l.target = t;
        out->push_back(l);
      }
    return;
  }
  for (int32_t s : sources) {
    bool emitted = false;
    for (int32_t t : targets) {
      if (s >= 0 && (s == t || (t >= 0 && OneSide(in.mentions[s], in.mentions[t])))) continue;
      Link l = base;
      l.source = s;
      l.target = t;
      l.target_is_place = target_weak && t >= 0;
      out->push_back(l);
      emitted = true;
    }
    // "North Korea carried out a nuclear test at Punggye-ri": a target that is the source
    // itself is none; the act stays (not for a TARGET slot pattern: "stopped a Russian
    // attack on Kyiv" names whom it was for).
    if (!emitted && base.match < in.matches.size() && in.matches[base.match].target_first < 0) {
      Link l = base;
      l.source = s;
      l.target = -1;
      out->push_back(l);
    }
  }
}

}  // namespace dyad::coder
