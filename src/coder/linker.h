// Argument linking: who did it to whom. Given a sentence's tokens, its actor
// mentions and the predicate matches, a Linker picks each event's source and
// target mentions. The interface is small on purpose so that a syntax-aware
// linker (subjects and objects from the dependency parse) can replace the
// word-order one without touching the dictionary, the matcher or the coder.
//
// WordOrderLinker rules (docs/coder.md):
//  - clauses: split at ; : ( ) and at subordinators and reporting verbs
//    ("said", "while", "but", "after", "that", "which", "who"...), so that
//    "X said Y attacked Z" codes Y -> Z;
//  - source: the nearest mention before the trigger in its clause that is not
//    inside a prepositional phrase ("in Gaza"); else the nearest such mention
//    before the trigger in the sentence (marked as not in clause);
//  - target: the mention in the pattern's TARGET slot, or, when the pattern has
//    no slot, the first mention after the trigger in the clause;
//  - passive ("was attacked by X"): source = the mention after "by", target =
//    the subject; no "by" agent means no source;
//  - "him"/"her"/"he"/"she" resolve to the nearest earlier person mention;
//  - "their <noun>" (e.g. "their meeting"): the clause's first two actors;
//  - coordination "X and Y", "X, Y and Z": one link per actor.
//
// Thread-safety: linkers are immutable; Link() is const and reentrant.
#ifndef DYAD_CODER_LINKER_H_
#define DYAD_CODER_LINKER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "coder/matcher.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace dyad::coder {

struct LinkInput {
  std::span<const text::Token> tokens;
  std::span<const TokenView> views;  // same length as tokens; flags used: kPastForm, kPunct
  std::span<const actors::ActorMention> mentions;
  std::span<const PredicateMatch> matches;
  // Tokens where an object ends although no kept predicate starts there (a
  // verb complement such as "supplying" in "denied supplying drones to X").
  std::span<const uint32_t> object_stops = {};
  // The sentence's dependency analysis (one entry per token), when the linker
  // asked for one (Linker::syntax_model() != nullptr); else null.
  const syntax::Analysis* parse = nullptr;
  // The CAMEO code each match will be coded with (after re-coding), same
  // length as matches, or empty when unknown.
  std::span<const std::string> codes = {};
};

struct Link {
  uint32_t match = 0;   // index into LinkInput::matches
  int32_t source = -1;  // index into LinkInput::mentions, -1 for none
  int32_t target = -1;
  bool passive = false;
  bool source_in_clause = false;  // false when the source came from outside the trigger's clause
  bool target_from_slot = false;
  bool target_is_place = false;   // the target is only where it happened ("in Gaza")
  bool resolved_pronoun = false;  // a pronoun or "their" gave the source or the target
  bool from_parse = false;        // the dependency tree gave the source (not word order)
  bool unasserted = false;        // the tree puts it under a negated governor ("has not confirmed that it ...")
  bool each_other = false;        // "accused each other of": coordinated sources act on each other
  std::string why;                // how the source and the target were chosen, for --explain
};

class Linker {
 public:
  virtual ~Linker() = default;
  // One or more links per match (coordination); a match whose source cannot
  // be found still yields one link with source -1.
  virtual std::vector<Link> LinkArguments(const LinkInput& in) const = 0;
  // The model whose analysis this linker wants in LinkInput::parse; null for none.
  virtual const syntax::Model* syntax_model() const { return nullptr; }
};

// The mentions coordinated with mention k by word order ("X and Y", "X, Y and
// Z"; a comma list needs its "and"), k included, in order.
std::vector<int32_t> AdjacentCoordination(const LinkInput& in, int32_t k);

// One link per (source, target) pair of an event: `sources` and `targets` are
// already expanded for coordination (-1 alone for none). Coordinated sources
// with no target, or with only a weak one (a place), act on each other
// ("X and Y held talks"). Pairs of one actor code with itself are skipped.
void EmitLinks(const LinkInput& in, const Link& base, const std::vector<int32_t>& sources,
               const std::vector<int32_t>& targets, bool target_weak, std::vector<Link>* out);

class WordOrderLinker final : public Linker {
 public:
  std::vector<Link> LinkArguments(const LinkInput& in) const override;
  // Clause id of each token (exposed for the coder's modality window and tests).
  static std::vector<uint16_t> Clauses(std::span<const text::Token> tokens);
};

// Links on the dependency tree (docs/coder.md, "Linking"): the source is the
// subject of the trigger verb, found through coordinated verbs, control and
// participial clauses, relative pronouns and passive agents ("by"); the target
// is the object, then a prepositional argument (with, against, on, to...), then
// the subject of a that-clause; actors inside a noun phrase are found through
// its modifiers ("the foreign ministers of Russia", "attacks on Saudi
// facilities"); coordination follows `conj`. A match the tree gives no source
// for falls back to the word-order rules (with lower confidence).
class DependencyLinker final : public Linker {
 public:
  explicit DependencyLinker(syntax::Model model);
  std::vector<Link> LinkArguments(const LinkInput& in) const override;
  const syntax::Model* syntax_model() const override { return &model_; }

 private:
  syntax::Model model_;
  WordOrderLinker fallback_;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_LINKER_H_
