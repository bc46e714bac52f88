// Marked sentences: inline actor markup, "[ISRGOV:p Netanyahu] met
// [USAGOV:p Blinken] in Tel Aviv.", turned into plain text, a tokenised
// Sentence and ActorMentions. Used by dictionary authors (`dyad coder try`),
// the golden tests and the benchmark to run the coder without the actor
// recogniser.
//
// Markup: [CODE words] with an optional kind suffix on the code: ":p" person,
// ":a" armed group, ":n" NGO, ":i" IGO, ":g" agent-only, ":c" country.
// Without a suffix, IGO* codes are IGOs, NGO* NGOs, ---* agent-only, the rest
// countries. Brackets do not nest.
#ifndef DYAD_CODER_MARKED_H_
#define DYAD_CODER_MARKED_H_

#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "text/text.h"

namespace dyad::coder {

struct MarkedSentence {
  std::string text;
  text::Sentence sentence;
  std::vector<actors::ActorMention> mentions;
  std::string error;  // non-empty when the markup is malformed
};

// The actor kind for a code and suffix letter (0 for none).
actors::ActorKind KindFor(const std::string& code, char suffix);

// Parses a marked sentence; `error` explains malformed markup.
MarkedSentence ParseMarked(std::string_view marked);

}  // namespace dyad::coder

#endif  // DYAD_CODER_MARKED_H_
