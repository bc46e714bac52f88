// Labelled dependency parsing with the arc-hybrid transition system, the
// artificial root placed at the end of the buffer (so that exactly one word
// is attached to it, and only once the stack holds that word alone).
//
//   SHIFT      move the buffer front onto the stack
//   LEFT(l)    attach stack top s0 to the buffer front b0, pop s0
//   RIGHT(l)   attach stack top s0 to s1, pop s0
//
// Any sequence of valid transitions ends in a tree: one root, no cycles,
// every word attached. Parsing is greedy and linear in sentence length.
// Training uses the dynamic oracle of Goldberg & Nivre (2013) with
// exploration, on projectivised gold trees.
#ifndef DYAD_SYNTAX_PARSER_H_
#define DYAD_SYNTAX_PARSER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "syntax/perceptron.h"

namespace dyad::syntax {

// The word atom of words outside the parser's vocabulary.
inline constexpr uint64_t kUnknownWord = 0x2545F4914F6CDD1DULL;

// What the parser sees of a word.
struct ParserToken {
  uint64_t word = 0;  // lowercase form hash
  uint64_t lemma = 0; // lowercase lemma hash
  uint32_t tag = 0;   // tagger class (UPOS+XPOS) + 1: keeps AUX apart from VERB
  uint32_t utag = 0;  // UPOS id + 1
  uint32_t punct_before = 0;  // punctuation tokens before this one
};

// Fills punct_before from the UPOS ids (`punct_utag` is PUNCT's utag).
void CountPunctuation(std::vector<ParserToken>& toks, uint32_t punct_utag);

class ParseState {
 public:
  ParseState(int n, int num_labels);
  int n() const { return n_; }
  bool Terminal() const { return stack_.empty() && b_ == n_; }
  // Transition ids: 0 SHIFT, 1 + l LEFT(l), 1 + L + l RIGHT(l).
  bool CanShift() const { return b_ < n_; }
  bool CanLeft() const { return !stack_.empty() && (b_ < n_ || stack_.size() == 1); }
  bool CanRight() const { return stack_.size() >= 2; }
  void Apply(int transition);

  const std::vector<int>& heads() const { return head_; }   // -1 unattached; n = root
  const std::vector<int>& labels() const { return label_; }

  int S(int i) const { return static_cast<int>(stack_.size()) > i ? stack_[stack_.size() - 1 - i] : -1; }
  int B(int i) const { return b_ + i <= n_ ? b_ + i : -1; }   // n_ is the root
  const std::vector<int>& stack() const { return stack_; }
  int buffer_front() const { return b_; }

  // Children bookkeeping for features (-1 absent).
  struct Kids {
    int l1 = -1, l2 = -1, r1 = -1, r2 = -1;
    int nl = 0, nr = 0;
    uint64_t lset = 0, rset = 0;  // label bitsets (label id mod 64)
  };
  const Kids& kids(int i) const { return kids_[i]; }

 private:
  void Attach(int dep, int head, int label);
  int n_;
  int num_labels_;
  std::vector<int> stack_;
  int b_ = 0;
  std::vector<int> head_, label_;
  std::vector<Kids> kids_;  // n_ + 1 entries (root last)
};

// Features of a state, at most kMaxParserFeatures; appends to `out`.
inline constexpr size_t kMaxParserFeatures = 128;
void ParserFeatures(const ParseState& s, const std::vector<ParserToken>& toks, std::vector<uint64_t>& out);

// Costs of every transition under the dynamic oracle (huge for invalid ones).
// `gold_head` uses n for the root; the gold tree must be projective.
void TransitionCosts(const ParseState& s, const std::vector<int>& gold_head, const std::vector<int>& gold_label,
                     int root_label, std::vector<int>& costs);

// Projectivises a tree by lifting the shortest non-projective arc to the
// head's head until none is left. Heads are 0 = root, 1-based.
std::vector<int> Projectivize(const std::vector<int>& heads);

// Greedy parse. Returns heads (0 = root, 1-based) and label ids.
template <typename Scorer>
void ParseGreedy(const Scorer& scorer, const std::vector<ParserToken>& toks, int num_labels, int root_label,
                 std::vector<int>& heads, std::vector<int>& labels) {
  const int n = static_cast<int>(toks.size());
  ParseState s(n, num_labels);
  std::vector<uint64_t> feats;
  std::vector<float> scores(scorer.num_classes());
  while (!s.Terminal()) {
    // Forced moves need no scoring: an empty stack must shift, and the last
    // word left must attach to the root.
    if (s.stack().empty()) {
      s.Apply(0);
      continue;
    }
    if (s.buffer_front() == n && s.stack().size() == 1) {
      s.Apply(1 + root_label);
      continue;
    }
    feats.clear();
    ParserFeatures(s, toks, feats);
    scorer.Score(feats.data(), feats.size(), scores.data());
    // The first best of the valid transitions, in transition order: the
    // invalid ones are set to -inf, below any score.
    constexpr float kInvalid = -std::numeric_limits<float>::infinity();
    float* sc = scores.data();
    const int nt = 1 + 2 * num_labels;
    if (!s.CanShift()) sc[0] = kInvalid;
    if (!s.CanLeft()) {
      std::fill(sc + 1, sc + 1 + num_labels, kInvalid);
    } else if (s.buffer_front() == n) {
      const float root = sc[1 + root_label];
      std::fill(sc + 1, sc + 1 + num_labels, kInvalid);
      sc[1 + root_label] = root;
    } else {
      sc[1 + root_label] = kInvalid;
    }
    if (!s.CanRight()) {
      std::fill(sc + 1 + num_labels, sc + nt, kInvalid);
    } else {
      sc[1 + num_labels + root_label] = kInvalid;
    }
    const int best = FirstArgMax(sc, nt);
    s.Apply(best);
  }
  heads.resize(n);
  labels.resize(n);
  for (int i = 0; i < n; ++i) {
    heads[i] = s.heads()[i] == n ? 0 : s.heads()[i] + 1;
    labels[i] = s.labels()[i];
  }
}

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_PARSER_H_
