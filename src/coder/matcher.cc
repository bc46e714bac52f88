#include "coder/matcher.h"

#include <algorithm>

namespace dyad::coder {
namespace {

constexpr uint32_t kTargetLead = 2;    // tokens allowed before the mention in a TARGET slot ("the", "both")
constexpr uint32_t kTargetPhrase = 4;  // longest non-actor phrase a TARGET slot takes

// The token before a past form that makes it passive ("was summoned", "were
// quickly imposed"), or -1: the object of a passive verb is its subject.
int32_t PassiveAux(std::span<const TokenView> toks, uint32_t anchor) {
  if (!(toks[anchor].flags & kPastForm)) return -1;
  for (int32_t j = static_cast<int32_t>(anchor) - 1, hops = 0; j >= 0 && hops < 3; --j, ++hops) {
    if (toks[j].flags & kBeAux) return j;
    if (toks[j].flags & kPunct) return -1;
  }
  return -1;
}

struct State {
  std::span<const TokenView> toks;
  std::span<const uint32_t> mention_end;
  const Pattern* pat;
  const EventDictionary* dict;
  PredicateMatch* out;
  uint32_t last_literal = 0;
};

bool ElementMatches(const State& s, const Element& e, uint32_t i) {
  const TokenView& t = s.toks[i];
  switch (e.kind) {
    case ElementKind::kWord: return t.lemma == e.word || t.form == e.word;
    case ElementKind::kExact: return t.form == e.word;
    case ElementKind::kClass:
      return (t.lemma != kNoWord && s.dict->ClassHas(e.cls, t.lemma)) ||
             (t.form != kNoWord && t.form != t.lemma && s.dict->ClassHas(e.cls, t.form));
    default: return false;
  }
}

// Matches elements [k, end) starting at token i; fills the match on success.
bool MatchFrom(State& s, size_t k, uint32_t i) {
  const auto& els = s.pat->elements;
  if (k == els.size()) {
    s.out->end = i;
    return true;
  }
  const Element& e = els[k];
  const uint32_t n = static_cast<uint32_t>(s.toks.size());
  if (e.kind == ElementKind::kGap) {
    for (uint32_t g = 0; g <= e.max_gap && i + g < n; ++g) {
      if (g > 0 && (s.toks[i + g - 1].flags & kHardBoundary)) break;
      if (MatchFrom(s, k + 1, i + g)) return true;
    }
    return false;
  }
  if (e.kind == ElementKind::kTarget) {
    // An actor mention, possibly after a determiner or two, is preferred.
    for (uint32_t lead = 0; lead <= kTargetLead && i + lead < n; ++lead) {
      if (lead > 0 && (s.toks[i + lead - 1].flags & (kPunct | kPreposition))) break;
      uint32_t m = s.mention_end[i + lead];
      if (m > i + lead) {
        s.out->target_first = static_cast<int32_t>(i + lead);
        s.out->target_end = static_cast<int32_t>(m);
        if (MatchFrom(s, k + 1, m)) return true;
      }
    }
    // Otherwise a short phrase without punctuation ("both sides", "him").
    for (uint32_t len = 1; !e.actor_only && len <= kTargetPhrase && i + len <= n; ++len) {
      if (s.toks[i + len - 1].flags & (kPunct | kPreposition | kNegator)) break;
      s.out->target_first = static_cast<int32_t>(i);
      s.out->target_end = static_cast<int32_t>(i + len);
      if (MatchFrom(s, k + 1, i + len)) return true;
    }
    s.out->target_first = s.out->target_end = -1;
    // "Iran's ambassador was summoned", "X was accused of": a passive verb's
    // object slot is empty (its subject, before the verb, is the one acted on).
    if (k > 0 && els[k - 1].kind != ElementKind::kGap && i == s.last_literal + 1 && s.last_literal == s.out->first &&
        PassiveAux(s.toks, s.out->first) >= 0)
      return MatchFrom(s, k + 1, i);
    return false;
  }
  if (i >= n || !ElementMatches(s, e, i)) return false;
  uint32_t saved = s.last_literal;
  s.last_literal = i;
  uint64_t bit = i - s.out->first < 64 ? uint64_t{1} << (i - s.out->first) : 0;
  s.out->literal_mask |= bit;
  if (MatchFrom(s, k + 1, i + 1)) return true;
  s.out->literal_mask &= ~bit;
  s.last_literal = saved;
  return false;
}

}  // namespace

std::vector<PredicateMatch> Matcher::Find(std::span<const TokenView> tokens,
                                          std::span<const uint32_t> mention_end) const {
  std::vector<PredicateMatch> out;
  const auto& pats = dict_->patterns();
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    const TokenView& t = tokens[i];
    if (t.lemma == kNoWord && t.form == kNoWord) continue;
    if (t.flags & kAfterDeterminer) continue;
    for (int pass = 0; pass < 2; ++pass) {
      WordId key = pass == 0 ? t.lemma : t.form;
      if (key == kNoWord || (pass == 1 && t.form == t.lemma)) continue;
      for (uint32_t pid : dict_->PatternsAnchoredAt(key)) {
        const Pattern& p = pats[pid];
        auto fresh = [&] {
          PredicateMatch x;
          x.pattern = pid;
          x.first = i;
          x.literal_mask = 1;
          x.mutual = p.mutual;
          return x;
        };
        PredicateMatch m = fresh();
        State s{tokens, mention_end, &p, dict_, &m, i};
        if (!ElementMatches(s, p.elements[0], i)) continue;
        if (MatchFrom(s, 1, i + 1)) {
          m.trigger_first = i;
          m.trigger_end = s.last_literal + 1;
          out.push_back(m);
          continue;
        }
        // "Sanctions were imposed on Russia" for "impose * sanction ...": a light
        // verb's noun stands before it as the passive subject.
        int32_t aux = PassiveAux(tokens, i);
        const auto& els = p.elements;
        if (aux < 0 || els.size() < 3 || els[1].kind != ElementKind::kGap ||
            (els[2].kind != ElementKind::kWord && els[2].kind != ElementKind::kClass))
          continue;
        for (int32_t j = aux - 1; j >= 0 && j >= aux - 3; --j) {
          if (tokens[j].flags & kPunct) break;
          if (!ElementMatches(s, els[2], static_cast<uint32_t>(j))) continue;
          PredicateMatch r = fresh();
          State rs{tokens, mention_end, &p, dict_, &r, i};
          if (!MatchFrom(rs, 3, i + 1)) break;
          // The match now starts at the noun (at most six tokens before the verb): the
          // rest's bits were relative to the verb, so only the noun and the verb are marked.
          r.first = static_cast<uint32_t>(j);
          r.literal_mask = 1 | (uint64_t{1} << (i - r.first));
          r.trigger_first = i;
          r.trigger_end = std::max(rs.last_literal, i) + 1;
          out.push_back(r);
          break;
        }
      }
    }
  }
  return out;
}

std::vector<PredicateMatch> Matcher::SelectMatches(std::vector<PredicateMatch> all) const {
  const auto& pats = dict_->patterns();
  std::sort(all.begin(), all.end(), [&](const PredicateMatch& a, const PredicateMatch& b) {
    int ca = pats[a.pattern].content, cb = pats[b.pattern].content;
    if (ca != cb) return ca > cb;
    int la = pats[a.pattern].literals, lb = pats[b.pattern].literals;
    if (la != lb) return la > lb;
    uint32_t sa = a.trigger_end - a.trigger_first, sb = b.trigger_end - b.trigger_first;
    if (sa != sb) return sa < sb;
    if (a.first != b.first) return a.first < b.first;
    return a.pattern < b.pattern;
  });
  std::vector<PredicateMatch> kept;
  for (const auto& m : all) {
    bool overlaps = false;
    for (const auto& k : kept)
      if (m.first < k.end && k.first < m.end) {
        overlaps = true;
        break;
      }
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const PredicateMatch& a, const PredicateMatch& b) { return a.first < b.first; });
  return kept;
}

}  // namespace dyad::coder
