// A coded event and the actors in it: the record dyad produces and stores.
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"

namespace dyad {

// A byte range [begin, end) into the article text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One actor as coded: a CAMEO-style code ("ISRGOV", "USA", "IGOUNO") and the
// words in the article that gave it.
struct EventActor {
  std::string code;     // empty when the event has no such actor
  std::string country;  // the first three letters when they name a country or region, else empty
  std::string agent;    // agent part ("GOV", "MIL"), may be empty
  std::string name;     // a readable name from the dictionary ("Benjamin Netanyahu", "Israel")
  std::string entry;    // the dictionary entry that matched, for provenance
  Span span;            // surface span in the article text
  std::string text;     // the surface words, copied for convenience
};

enum class QuadClass : uint8_t {
  kVerbalCooperation = 1,
  kMaterialCooperation = 2,
  kVerbalConflict = 3,
  kMaterialConflict = 4,
};

// When the reported act happens relative to the report: "attacked" / "has
// attacked" past, "is attacking" / "attacks" present, "will attack" / "vowed to
// attack" future (the coder re-codes future acts as intents or threats);
// unknown for events stored before dyad recorded it.
enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };
inline const char* TenseName(Tense t) {
  switch (t) {
    case Tense::kUnknown: return "";
    case Tense::kPast: return "past";
    case Tense::kPresent: return "present";
    case Tense::kFuture: return "future";
  }
  return "";
}

struct Event {
  std::string article_id;
  std::string article_url;      // the article's URL, for exports; may be empty
  std::string article_source;   // the article's source (outlet), for exports; may be empty
  Date date;
  uint32_t sentence_index = 0;  // 0-based index of the sentence in the article
  Span sentence;                // the sentence in the article text
  std::string sentence_text;    // a copy of it

  EventActor source;
  EventActor target;

  std::string code;         // full CAMEO code, e.g. "0233"
  std::string root;         // two-digit root, e.g. "02"
  std::string plover_type;  // e.g. "AID"
  std::string plover_mode;  // may be empty
  double goldstein = 0.0;
  QuadClass quad_class = QuadClass::kVerbalCooperation;

  bool negated = false;       // "did not attack": kept only where the coder says so
  bool hypothetical = false;  // conditionals, questions, intentions that are not events
  Tense tense = Tense::kUnknown;
  double confidence = 0.0;    // 0..1

  Span trigger;            // the words that evoked the event ("appealed for ... aid")
  std::string trigger_text;
  std::string pattern;     // the dictionary pattern that fired, e.g. "appeal for aid -> 0233"
  uint32_t mentions = 1;   // how many times the same (source, target, code) occurred in the sentence
};

// A stable id for an event: the same article, sentence, actors and code give
// the same id in any run (16 lowercase hex digits).
std::string EventId(const Event& e);

std::string_view QuadClassName(QuadClass q);  // "Verbal Cooperation" ...

}  // namespace dyad

#endif  // DYAD_EVENT_H_
