// The engine: one article in, its sentences and coded events out.
//
//   auto engine = dyad::Engine::Create({});          // shipped dictionaries
//   if (!engine.ok()) { ... engine.status() ... }
//   dyad::CodedArticle coded = engine.value()->Code(article);
//
// Stages: text (sentences, tokens with byte offsets) -> actors (dictionary
// recogniser, roles judged by the article's date) -> coder (event patterns,
// argument linking, modality) -> events with provenance.
//
// Thread-safety: Create() is not; Code() is const and may run on many threads.
#ifndef DYAD_ENGINE_H_
#define DYAD_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "dyad/store.h"

namespace dyad {

struct EngineOptions {
  // Where the dictionaries and models are. Empty: $DYAD_DATA, else the
  // installed share/dyad next to the executable, else the source tree's data/.
  std::string data_dir;
  // Code heading lines too (headlines often carry the event). Default false:
  // section headings ("Reactions abroad") are not events and headlines repeat
  // the body.
  bool code_headings = false;
  // Keep events flagged hypothetical (conditionals, questions) in the output.
  bool keep_hypothetical = true;
  // Keep "did not attack"-style events, flagged negated.
  bool keep_negated = false;
  // Resolve pronouns and agents without a country within the article
  // (src/engine/coreference.h).
  bool resolve_coreference = true;
  // Keep events without a target actor of every kind (coder::CoderOptions::
  // keep_untargeted; default false: statements, shows of force and appeals to a
  // named non-actor addressee only).
  bool keep_untargeted = false;
  // Link actors to events on the dependency parse (default) or, when false,
  // by word order only (no parser: faster, less accurate; docs/coder.md).
  bool dependency_linker = true;
  // Fill CodedArticle::explanation: for every sentence with a pattern match,
  // its tokens, actors, parse, and each coding step (slower; for --explain).
  bool explain = false;
};

struct CodedArticle {
  std::vector<SentenceRecord> sentences;
  std::vector<Event> events;
  std::string explanation;  // only with EngineOptions::explain
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  virtual ~Engine() = default;

  // Codes one article. Events carry the article's id, date and URL.
  virtual CodedArticle Code(const Article& article) const = 0;

  // Versions of the coder, dictionaries, ontology and model, for the store.
  virtual RunInfo versions() const = 0;
  virtual const std::string& data_dir() const = 0;
};

// Resolves the data directory as EngineOptions::data_dir documents.
Result<std::string> FindDataDir(const std::string& explicit_dir);

inline constexpr const char* kDyadVersion = "0.1.0";

}  // namespace dyad

#endif  // DYAD_ENGINE_H_
