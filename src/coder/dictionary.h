// The event dictionary: word patterns that evoke CAMEO event codes, the verb
// forms needed to lemmatise them, and the modality tables (future/intent and
// refusal re-codings). Format: docs/coder.md; shipped files: data/coder/.
//
//   Result<EventDictionary> d = EventDictionary::LoadDir("data/coder");
//
// A dictionary directory holds:
//   events.txt      patterns, word classes, `future`, `intent`, `reject`, `refuser`,
//                   `appeal`, `appealer`, `demand`, `demander` directives; first line "#dyad-event-dictionary 1"
//   verb_forms.txt  irregular forms "lemma form form ..."; first line "#dyad-verb-forms 1"
// Every error names file:line. Patterns are checked against an ontology by
// the Coder (a code the ontology lacks is an error there).
//
// Thread-safety: immutable after loading; share freely.
#ifndef DYAD_CODER_DICTIONARY_H_
#define DYAD_CODER_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"

namespace dyad::coder {

inline constexpr std::string_view kEventsFormatLine = "#dyad-event-dictionary 1";
inline constexpr std::string_view kVerbFormsFormatLine = "#dyad-verb-forms 1";

// Interned word id; 0 means "not a dictionary word".
using WordId = uint32_t;
inline constexpr WordId kNoWord = 0;

enum class ElementKind : uint8_t {
  kWord,    // one token whose lemma (or exact lowercase form) is `word`
  kExact,   // "=will": one token whose lowercase form is exactly `word`
  kClass,   // "@aid": one token whose lemma is any member of the class
  kGap,     // "*" or "*N": 0..max_gap tokens
  kTarget,  // "TARGET": where the target sits (an actor mention or a short phrase)
};

// Element::actor_only: "ACTOR" is a TARGET that must be an actor mention ("met
// ACTOR" fires on "met Blinken", not on "met expectations").

struct Element {
  ElementKind kind = ElementKind::kWord;
  WordId word = kNoWord;  // kWord, kExact
  uint32_t cls = 0;       // kClass: index into EventDictionary::classes()
  uint8_t max_gap = 0;    // kGap
  bool actor_only = false;  // kTarget written "ACTOR"
};

struct Pattern {
  std::vector<Element> elements;  // the first is a word or a class (the anchor)
  std::string code;               // CAMEO code; empty for a stop pattern ("release * video  -"), which wins
                                  // like any pattern but codes nothing
  std::string text;               // the pattern as written, for provenance
  std::string source;             // "events.txt:123"
  int literals = 0;               // number of word/class elements
  int content = 0;                // literals that are not prepositions or particles: the specificity
  bool mutual = false;            // written "<>" at the end: coordinated sources act on each other
                                  // ("X and Y traded accusations"); the object is never the target
};

// A re-coding rule: codes starting with `prefix` become `code` (longest prefix wins).
struct Recode {
  std::string prefix;
  std::string code;
};

class EventDictionary {
 public:
  static Result<EventDictionary> LoadDir(const std::string& dir);
  // From strings (tests, fuzzing); names are used in error messages.
  static Result<EventDictionary> Parse(std::string_view events, const std::string& events_name,
                                       std::string_view verb_forms, const std::string& verb_forms_name);

  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Pattern ids whose anchor can be `lemma` (empty when none).
  const std::vector<uint32_t>& PatternsAnchoredAt(WordId lemma) const;
  bool ClassHas(uint32_t cls, WordId w) const;

  // The lemma id of a lowercase token form: irregular forms first, then
  // -s/-es/-ies/-ed/-d/-ied/-ing with undoubling and -e restoration (each
  // accepted only if it is a dictionary word), then the form itself if it is a
  // dictionary word. kNoWord if none.
  WordId LemmaOf(std::string_view lower) const;
  // The id of an exact word, kNoWord if the dictionary never mentions it.
  WordId WordOf(std::string_view lower) const;
  // True if `lower` is an inflected form (not the lemma itself): -ed/-en forms
  // and irregular past forms. Used for passive detection.
  bool IsPastForm(std::string_view lower) const;
  const std::string& Word(WordId id) const { return words_[id]; }

  // Modality tables.
  const std::vector<Recode>& future() const { return future_; }
  const std::vector<Recode>& reject() const { return reject_; }
  // "urged Iran to resume talks" (appeal, 02x) and "demanded that Russia withdraw"
  // (demand, 10x): the code of what is asked for becomes the code of the request.
  const std::vector<Recode>& appeal() const { return appeal_; }
  const std::vector<Recode>& demand() const { return demand_; }
  bool IsIntentVerb(WordId lemma) const { return intent_.count(lemma) > 0; }
  bool IsRefuserVerb(WordId lemma) const { return refuser_.count(lemma) > 0; }
  bool IsAppealVerb(WordId lemma) const { return lemma != kNoWord && appealer_.count(lemma) > 0; }
  bool IsDemandVerb(WordId lemma) const { return lemma != kNoWord && demander_.count(lemma) > 0; }
  // Applies the longest matching prefix of `table` to `code`; empty if none.
  static std::string Apply(const std::vector<Recode>& table, std::string_view code);

  const std::string& version() const { return version_; }
  size_t size() const { return patterns_.size(); }

 private:
  WordId Intern(std::string_view w, bool lemma = true);
  Status ParseEvents(std::string_view text, const std::string& name);
  Status ParseVerbForms(std::string_view text, const std::string& name);

  std::vector<std::string> words_{""};
  std::vector<bool> is_lemma_{false};  // words a token may lemmatise to (not "=exact"-only words)
  std::unordered_map<std::string, WordId> word_ids_;
  std::unordered_map<std::string, WordId> irregular_;  // form -> lemma
  std::unordered_set<std::string> past_forms_;         // irregular past forms
  std::vector<std::vector<WordId>> class_members_;     // sorted
  std::unordered_map<std::string, uint32_t> class_ids_;
  std::vector<Pattern> patterns_;
  std::unordered_map<WordId, std::vector<uint32_t>> by_anchor_;
  std::vector<Recode> future_, reject_, appeal_, demand_;
  std::unordered_set<WordId> intent_, refuser_, appealer_, demander_;
  std::string version_;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_DICTIONARY_H_
