#include "syntax/parser.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "syntax/perceptron.h"

namespace dyad::syntax {

ParseState::ParseState(int n, int num_labels)
    : n_(n), num_labels_(num_labels), head_(n, -1), label_(n, -1), kids_(n + 1) {
  stack_.reserve(n);
}

void ParseState::Attach(int dep, int head, int label) {
  head_[dep] = head;
  label_[dep] = label;
  Kids& k = kids_[head];
  // In arc-hybrid, a new left dependent is always the leftmost so far and a
  // new right dependent always the rightmost.
  if (dep < head) {
    k.l2 = k.l1;
    k.l1 = dep;
    ++k.nl;
    k.lset |= uint64_t{1} << (label & 63);
  } else {
    k.r2 = k.r1;
    k.r1 = dep;
    ++k.nr;
    k.rset |= uint64_t{1} << (label & 63);
  }
}

void ParseState::Apply(int t) {
  if (t == 0) {
    stack_.push_back(b_++);
  } else if (t <= num_labels_) {
    int s0 = stack_.back();
    stack_.pop_back();
    Attach(s0, b_, t - 1);
  } else {
    int s0 = stack_.back();
    stack_.pop_back();
    Attach(s0, stack_.back(), t - 1 - num_labels_);
  }
}

namespace {

constexpr uint64_t kAbsent = 0x7f4a7c15u;
constexpr uint64_t kRootWord = 0x12345678u;

uint64_t DistanceBucket(int d) {
  if (d <= 0) return 0;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  if (d <= 14) return 7;
  return 8;
}

// Punctuation tokens strictly between a and b (a < b, b may be the root).
uint64_t PunctBetween(const std::vector<ParserToken>& toks, int a, int b) {
  if (a < 0 || b < 0 || b <= a + 1) return 0;
  if (b == static_cast<int>(toks.size())) return 4;  // the root
  uint32_t c = toks[b].punct_before - toks[a + 1].punct_before;
  return c > 3 ? 3 : c;
}

}  // namespace

void CountPunctuation(std::vector<ParserToken>& toks, uint32_t punct_utag) {
  uint32_t c = 0;
  for (ParserToken& t : toks) {
    t.punct_before = c;
    c += t.utag == punct_utag;
  }
}

void ParserFeatures(const ParseState& s, const std::vector<ParserToken>& toks, std::vector<uint64_t>& f) {
  // Written through a pointer into room made up front: vector::push_back
  // was not inlined here and cost a call per feature.
  const size_t start = f.size();
  f.resize(start + kMaxParserFeatures);
  uint64_t* out = f.data() + start;
  auto push = [&out](uint64_t h) { *out++ = h; };
  const int n = s.n();
  auto W = [&](int i) -> uint64_t { return i < 0 ? kAbsent : (i == n ? kRootWord : toks[i].word); };
  auto P = [&](int i) -> uint64_t { return i < 0 ? 1000 : (i == n ? 1001 : toks[i].tag); };
  auto U = [&](int i) -> uint64_t { return i < 0 ? 1000 : (i == n ? 1001 : toks[i].utag); };
  auto L = [&](int i) -> uint64_t { return i < 0 ? 1000 : static_cast<uint64_t>(s.labels()[i]); };
  static const ParseState::Kids kNoKids;
  auto K = [&](int i) -> const ParseState::Kids& { return i < 0 ? kNoKids : s.kids(i); };

  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int b0 = s.B(0), b1 = b0 >= 0 && b0 < n ? b0 + 1 : -1, b2 = b1 >= 0 && b1 < n ? b1 + 1 : -1;
  const ParseState::Kids &k0 = K(s0), &k1 = K(s1), &kb = K(b0);
  const int s0l = k0.l1, s0l2 = k0.l2, s0r = k0.r1, s0r2 = k0.r2;
  const int s1l = k1.l1, s1r = k1.r1, s1r2 = k1.r2;
  const int b0l = kb.l1, b0l2 = kb.l2;

  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), s2p = P(s2);
  const uint64_t b0w = W(b0), b0p = P(b0), b1w = W(b1), b1p = P(b1), b2w = W(b2), b2p = P(b2);
  const uint64_t s0wp = s0w * 1021 + s0p, s1wp = s1w * 1021 + s1p, b0wp = b0w * 1021 + b0p, b1wp = b1w * 1021 + b1p;
  const uint64_t d = (s0 >= 0 && b0 >= 0) ? (b0 == n ? 15 : DistanceBucket(b0 - s0)) : 0;
  const uint64_t d10 = (s0 >= 0 && s1 >= 0) ? DistanceBucket(s0 - s1) : 0;
  const uint64_t s0vl = static_cast<uint64_t>(k0.nl), s0vr = static_cast<uint64_t>(k0.nr);
  const uint64_t b0vl = static_cast<uint64_t>(kb.nl);

  uint64_t t = 0;
  // Single words.
  push(Feat(t++, s0w));
  push(Feat(t++, s0p));
  push(Feat(t++, s0wp));
  push(Feat(t++, s1w));
  push(Feat(t++, s1p));
  push(Feat(t++, s1wp));
  push(Feat(t++, b0w));
  push(Feat(t++, b0p));
  push(Feat(t++, b0wp));
  push(Feat(t++, b1w));
  push(Feat(t++, b1p));
  push(Feat(t++, b1wp));
  push(Feat(t++, b2w));
  push(Feat(t++, b2p));
  push(Feat(t++, s2p));
  push(Feat(t++, W(s2)));
  // Pairs.
  push(Feat(t++, s0wp, b0wp));
  push(Feat(t++, s0wp, b0w));
  push(Feat(t++, s0w, b0wp));
  push(Feat(t++, s0wp, b0p));
  push(Feat(t++, s0p, b0wp));
  push(Feat(t++, s0w, b0w));
  push(Feat(t++, s0p, b0p));
  push(Feat(t++, b0p, b1p));
  push(Feat(t++, s1wp, s0wp));
  push(Feat(t++, s1w, s0w));
  push(Feat(t++, s1p, s0p));
  push(Feat(t++, s1wp, s0p));
  push(Feat(t++, s1p, s0wp));
  push(Feat(t++, s0w, b1p));
  push(Feat(t++, b0w, b1p));
  // Triples of tags.
  push(Feat(t++, b0p, b1p, b2p));
  push(Feat(t++, s0p, b0p, b1p));
  push(Feat(t++, s1p, s0p, b0p));
  push(Feat(t++, s2p, s1p, s0p));
  push(Feat(t++, s0p, P(s0l), b0p));
  push(Feat(t++, s0p, P(s0r), b0p));
  push(Feat(t++, s0p, b0p, P(b0l)));
  push(Feat(t++, s1p, s0p, P(s0l)));
  push(Feat(t++, s1p, P(s1r), s0p));
  push(Feat(t++, s1p, s0p, P(s0r)));
  push(Feat(t++, s1p, P(s1l), s0p));
  push(Feat(t++, s1w, s0p, b0p));
  push(Feat(t++, s1p, s0w, b0p));
  push(Feat(t++, s1p, s0p, b0w));
  // Distance.
  push(Feat(t++, s0w, d));
  push(Feat(t++, s0p, d));
  push(Feat(t++, b0w, d));
  push(Feat(t++, b0p, d));
  push(Feat(t++, s0w, b0w, d));
  push(Feat(t++, s0p, b0p, d));
  push(Feat(t++, s1p, s0p, d10));
  push(Feat(t++, s1w, s0w, d10));
  push(Feat(t++, s1wp, s0p, d10));
  push(Feat(t++, s1p, s0wp, d10));
  // Valency.
  push(Feat(t++, s0w, s0vr));
  push(Feat(t++, s0p, s0vr));
  push(Feat(t++, s0w, s0vl));
  push(Feat(t++, s0p, s0vl));
  push(Feat(t++, b0w, b0vl));
  push(Feat(t++, b0p, b0vl));
  push(Feat(t++, s1p, static_cast<uint64_t>(k1.nr)));
  push(Feat(t++, s1p, static_cast<uint64_t>(k1.nl)));
  // Children.
  for (int c : {s0l, s0r, b0l, s1l, s1r}) {
    push(Feat(t++, W(c)));
    push(Feat(t++, P(c)));
    push(Feat(t++, L(c)));
  }
  for (int c : {s0l2, s0r2, b0l2, s1r2}) {
    push(Feat(t++, W(c)));
    push(Feat(t++, P(c)));
    push(Feat(t++, L(c)));
  }
  push(Feat(t++, s0p, L(s0l), L(s0l2)));
  push(Feat(t++, s0p, L(s0r), L(s0r2)));
  push(Feat(t++, b0p, L(b0l), L(b0l2)));
  push(Feat(t++, s0p, P(s0l), P(s0l2)));
  push(Feat(t++, s0p, P(s0r), P(s0r2)));
  push(Feat(t++, b0p, P(b0l), P(b0l2)));
  push(Feat(t++, s1p, L(s1r), s0p));
  push(Feat(t++, s0p, L(s0l), b0p));
  push(Feat(t++, s0p, L(s0r), b0p));
  // Label sets.
  push(Feat(t++, s0w, k0.rset));
  push(Feat(t++, s0p, k0.rset));
  push(Feat(t++, s0w, k0.lset));
  push(Feat(t++, s0p, k0.lset));
  push(Feat(t++, b0w, kb.lset));
  push(Feat(t++, b0p, kb.lset));
  push(Feat(t++, s1p, k1.rset));
  push(Feat(t++, s1p, k1.lset));
  // Punctuation between the candidates for an arc, and more lexical pairs.
  const uint64_t p0 = PunctBetween(toks, s0, b0), p10 = PunctBetween(toks, s1, s0);
  push(Feat(t++, s0p, b0p, p0));
  push(Feat(t++, s1p, s0p, p10));
  push(Feat(t++, s0w, b0p, b1p));
  push(Feat(t++, b0w, b1w));
  push(Feat(t++, b0wp, b1p));
  push(Feat(t++, s0p, b0wp, b1p));
  push(Feat(t++, s1w, b0w));
  // Lemmas, which pool a verb's or noun's inflected forms.
  auto M = [&](int i) -> uint64_t { return i < 0 ? kAbsent : (i == n ? kRootWord : toks[i].lemma); };
  const uint64_t s0m = M(s0), b0m = M(b0), s1m = M(s1);
  push(Feat(t++, s0m));
  push(Feat(t++, b0m));
  push(Feat(t++, s0m, b0m));
  push(Feat(t++, s1m, s0m));
  push(Feat(t++, s0m, b0p));
  push(Feat(t++, s0p, b0m));
  push(Feat(t++, s1m, s0p));
  push(Feat(t++, s1p, s0m));
  // Coarse tags.
  push(Feat(t++, U(s1), U(s0), U(b0)));
  push(Feat(t++, U(s0), U(b0), U(b1)));
  push(Feat(t++, U(s2), U(s1), U(s0)));
  assert(t <= kMaxParserFeatures);
  f.resize(static_cast<size_t>(out - f.data()));
}

void TransitionCosts(const ParseState& s, const std::vector<int>& gh, const std::vector<int>& gl, int root_label,
                     std::vector<int>& costs) {
  const int n = s.n();
  const int nl = static_cast<int>((costs.size() - 1) / 2);
  constexpr int kInvalid = std::numeric_limits<int>::max() / 4;
  std::fill(costs.begin(), costs.end(), kInvalid);
  const std::vector<int>& st = s.stack();
  const int b = s.buffer_front();
  const int s0 = s.S(0), s1 = s.S(1);
  auto in_buffer = [&](int x, int from) { return x >= from && x <= n; };
  // Gold dependents of s0 still in the buffer would be lost by popping s0.
  int s0_deps_in_buffer = 0;
  if (s0 >= 0) {
    for (int i = b; i < n; ++i) s0_deps_in_buffer += gh[i] == s0;
  }
  if (s.CanShift()) {
    int c = 0;
    for (size_t i = 0; i < st.size(); ++i) {
      c += gh[st[i]] == b;
      if (gh[b] == st[i] && st[i] != s0) ++c;
    }
    costs[0] = c;
  }
  if (s.CanLeft()) {
    int c = s0_deps_in_buffer;
    bool gold_arc = gh[s0] == b;
    if (!gold_arc && (in_buffer(gh[s0], b + 1) || (s1 >= 0 && gh[s0] == s1))) ++c;
    if (b == n) {
      costs[1 + root_label] = c;
    } else {
      for (int l = 0; l < nl; ++l) {
        if (l != root_label) costs[1 + l] = c + (gold_arc && gl[s0] != l ? 1 : 0);
      }
    }
  }
  if (s.CanRight()) {
    int c = s0_deps_in_buffer;
    bool gold_arc = gh[s0] == s1;
    if (in_buffer(gh[s0], b)) ++c;
    for (int l = 0; l < nl; ++l) {
      if (l != root_label) costs[1 + nl + l] = c + (gold_arc && gl[s0] != l ? 1 : 0);
    }
  }
}

std::vector<int> Projectivize(const std::vector<int>& heads_in) {
  std::vector<int> h = heads_in;
  const int n = static_cast<int>(h.size());
  // dominated(a, k): a dominates k (walking heads from k reaches a).
  auto dominates = [&](int a, int k) {
    for (int steps = 0; k != 0 && steps <= n; ++steps) {
      if (k == a) return true;
      k = h[k - 1];
    }
    return a == 0;
  };
  for (int round = 0; round < n * n + 1; ++round) {
    int best = -1, best_len = n + 1;
    for (int d = 1; d <= n; ++d) {
      int hd = h[d - 1];
      int lo = std::min(d, hd), hi = std::max(d, hd);
      if (hd == 0) lo = 0;
      bool nonproj = false;
      for (int k = lo + 1; k < hi && !nonproj; ++k) nonproj = !dominates(hd, k);
      if (nonproj && hi - lo < best_len) {
        best = d;
        best_len = hi - lo;
      }
    }
    if (best < 0) break;
    int hd = h[best - 1];
    if (hd == 0) break;  // cannot lift above the root
    h[best - 1] = h[hd - 1];
  }
  return h;
}

}  // namespace dyad::syntax
