// Actors: the dictionary of who can act (countries, IGOs, NGOs, armed groups,
// persons with date-bounded roles, agent words) and the recogniser that finds
// them in a tokenised sentence.
//
// Contract used by the coder and the engine (other stages depend only on this):
//   auto dict = ActorDictionary::LoadDir("data/actors");   // Result<ActorDictionary>
//   ActorRecognizer rec(*dict);
//   std::vector<ActorMention> m = rec.Recognize(sentence, article_date);
//
// Longest match wins; matching is tolerant of case and punctuation ("U.S." ==
// "US", "Hamas" == "HAMAS"); a person's role applies only within its dates as
// judged by the article's date (outside them the person is <country>ELI); a
// nationality composed with an agent word gives the country plus agent code
// ("Israeli troops" -> ISRMIL). Rules and figures: docs/actors.md; data format
// and code conventions: data/actors/README.md.
//
// Complexity: Recognize is linear in the sentence's tokens (one hash lookup per
// token piece along the trie); loading is linear in the dictionary's size.
//
// Thread-safety: a loaded dictionary and a recogniser are immutable and may be
// shared by threads.
#ifndef DYAD_ACTORS_ACTORS_H_
#define DYAD_ACTORS_ACTORS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"
#include "text/text.h"

namespace dyad::actors {

enum class ActorKind : uint8_t {
  kCountry,     // a state, by name, demonym, capital or seat of power; with or without agent
  kIgo,         // intergovernmental organisation (IGOUNO, IGOEU ...)
  kNgo,         // non-governmental organisation (NGOHRW ...)
  kArmedGroup,  // non-state armed group (PSEREBHMS, LBNREB; see data/actors/README.md for codes)
  kPerson,      // a named person whose role on the date gives the code
  kAgentOnly,   // an agent word with no nationality ("the rebels", "the minister")
};

struct ActorMention {
  uint32_t first = 0;  // token index range [first, end) in the sentence
  uint32_t end = 0;
  std::string code;    // full CAMEO-style code: "ISRGOV", "USA", "IGOUNO", "---REB" for agent-only
  std::string name;    // readable name from the dictionary: "Benjamin Netanyahu", "Israel"
  std::string entry;   // provenance: "file:line" of the dictionary entry (or entries, '+'-joined)
  ActorKind kind = ActorKind::kCountry;
};

class ActorDictionary {
 public:
  // Loads every dictionary file of `dir` (data/actors). Errors name the file and line.
  // Files: VERSION, countries.tsv, agents.tsv, organizations.tsv, persons.tsv,
  // roles.tsv (format in data/actors/README.md). Takes a few milliseconds.
  static Result<ActorDictionary> LoadDir(const std::string& dir);

  // The same from contents held in memory (file name -> text), for tests and
  // fuzzing; errors name "<origin>/<file>:<line>". A missing file is NotFound.
  static Result<ActorDictionary> LoadFromMemory(const std::map<std::string, std::string>& files,
                                                const std::string& origin = "memory");

  ActorDictionary();
  ActorDictionary(ActorDictionary&&) noexcept;
  ActorDictionary& operator=(ActorDictionary&&) noexcept;
  ~ActorDictionary();

  const std::string& version() const;  // from data/actors/VERSION
  size_t size() const;                 // number of alias entries (phrase, meaning) loaded

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  static Result<ActorDictionary> Load(const std::function<Result<std::string>(const std::string&)>& source,
                                      const std::string& dir);
  std::unique_ptr<Impl> impl_;
};

class ActorRecognizer {
 public:
  explicit ActorRecognizer(const ActorDictionary& dict);  // dict must outlive the recogniser
  // Mentions in token order, non-overlapping; `date` (the article's) picks the
  // roles of persons and the codes of organisations that changed over time.
  std::vector<ActorMention> Recognize(const text::Sentence& sentence, Date date) const;

 private:
  const ActorDictionary* dict_;
};

}  // namespace dyad::actors

#endif  // DYAD_ACTORS_ACTORS_H_
