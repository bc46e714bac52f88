// Coreference within one article, between the actor recogniser and the coder:
//   - subject pronouns ("he", "she") become the most salient person: the first
//     person named earlier in the same sentence, else the first person of the
//     previous sentence;
//   - object pronouns ("him", "her") become the person before the nearest one
//     (the nearest is usually the subject of the verb that governs the pronoun:
//     "Blinken warned him" is not Blinken);
//   - an agent without a country ("the protesters", "the army": ---CVL, ---MIL)
//     takes the country of the nearest earlier mention that has one, in the
//     same sentence or the one before ("In Lebanon, police fired ..." -> LBNCOP).
// Resolved mentions keep the surface span of the pronoun or agent and record
// the antecedent in `entry` ("coref:" + the antecedent's entry).
//
// Not thread-safe: one resolver per article, fed its sentences in order.
#ifndef DYAD_ENGINE_COREFERENCE_H_
#define DYAD_ENGINE_COREFERENCE_H_

#include <vector>

#include "actors/actors.h"
#include "text/text.h"

namespace dyad::engine {

class CoreferenceResolver {
 public:
  // Rewrites `mentions` (sorted by token) of the next sentence in place and
  // adds mentions for resolved pronouns.
  void Resolve(const text::Sentence& sentence, std::vector<actors::ActorMention>* mentions);

 private:
  // What the previous sentence offers as antecedents.
  std::vector<actors::ActorMention> previous_;
};

}  // namespace dyad::engine

#endif  // DYAD_ENGINE_COREFERENCE_H_
