// The event coder: from a tokenised sentence and its actor mentions to coded
// events (CAMEO code, PLOVER type/mode, Goldstein, QuadClass, source, target,
// trigger, flags, confidence, provenance).
//
//   Result<coder::Coder> c = coder::Coder::Load("data", {});
//   for (size_t i = 0; i < sentences.size(); ++i)
//     for (Event& e : c->CodeSentence(article.text, sentences[i], i, recognizer.Recognize(sentences[i], date), date))
//       ...  // e.article_id is left empty: the engine fills it
//
// Pipeline inside: lemmatise tokens against the dictionary -> match patterns
// (Matcher) -> keep the most specific non-overlapping matches -> modality
// (negation, future/intent re-coding, refusals, hypotheticals) -> argument
// linking (Linker) -> events, one per (source, target, code) with a mention count.
// There is no fallback code: no pattern match, no event.
//
// Thread-safety: a Coder is immutable after Load(); CodeSentence() is const and
// may be called from many threads at once.
#ifndef DYAD_CODER_CODER_H_
#define DYAD_CODER_CODER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "coder/dictionary.h"
#include "coder/linker.h"
#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "ontology/ontology.h"
#include "text/text.h"

namespace dyad::coder {

inline constexpr std::string_view kCoderVersion = "dyad-coder 0.2 (dictionary patterns, dependency linker)";

enum class LinkerKind {
  kDependency,  // sources and targets from the dependency parse (needs data_dir/syntax/en_ewt.dyadsyn)
  kWordOrder,   // word-order rules only: no parser, faster, less accurate
};

struct CoderOptions {
  // How Load() links actors to events. Default: on the dependency parse.
  LinkerKind linker = LinkerKind::kDependency;
  // Emit "did not attack"-style events with negated = true. Default false: they
  // are dropped (refusals such as "refused to meet" are re-coded, not negated).
  bool keep_negated = false;
  // Emit conditionals, questions, modal and infinitive-only events with
  // hypothetical = true. Default true: the store can filter them.
  bool keep_hypothetical = true;
  // Drop events whose target actor is unknown. Default false, but see
  // keep_untargeted: most events without a target are dropped anyway.
  bool require_target = false;
  // Keep every event without a target actor. Default false: only statements
  // (01x), shows of force (15x) and events whose pattern names an addressee
  // that is no actor ("called on both sides to ...") are kept without one; on
  // the gold dev split 94% of events have a target, and events we found none
  // for were right 38% of the time (docs/coder.md, "Events without a target").
  bool keep_untargeted = false;
  // Drop events below this confidence. Default 0: keep all.
  double min_confidence = 0.0;
};

// What the coder did with one sentence, for `--explain`: the parse it read and
// one line per step (each pattern matched, re-coded or dropped, and how each
// event's source and target were chosen).
struct Trace {
  syntax::Analysis parse;  // empty when the sentence needed no parse
  std::vector<std::string> steps;
};

// A readable account of one sentence: its tokens with lemma, tag, head and
// relation, the actor mention each token belongs to, then the trace's steps.
std::string FormatTrace(const text::Sentence& sentence, const std::vector<actors::ActorMention>& mentions,
                        const Trace& trace);

class Coder {
 public:
  // Loads data_dir/ontology/cameo.tsv, data_dir/coder/{events,verb_forms}.txt
  // and, for the dependency linker, data_dir/syntax/en_ewt.dyadsyn.
  static Result<Coder> Load(const std::string& data_dir, CoderOptions options = {});
  // Checks that every code the dictionary can produce is in the ontology
  // (Corruption naming the pattern's file:line otherwise). A null linker means
  // the WordOrderLinker.
  static Result<Coder> Create(ontology::Ontology onto, EventDictionary dict, CoderOptions options = {},
                              std::unique_ptr<Linker> linker = nullptr);

  Coder(Coder&&) noexcept;
  Coder& operator=(Coder&&) noexcept;
  ~Coder();

  // `earlier`: the events already coded from the article's earlier sentences, in article order, or null. With
  // them, "The OAS condemned the raid" takes as target whoever carried out the raid reported
  // just before.
  std::vector<Event> CodeSentence(std::string_view article_text, const text::Sentence& sentence,
                                  uint32_t sentence_index, const std::vector<actors::ActorMention>& mentions,
                                  Date date, Trace* trace = nullptr, const std::vector<Event>* earlier = nullptr) const;

  std::string_view version() const { return kCoderVersion; }
  const std::string& dictionary_version() const;
  const std::string& ontology_version() const;
  const ontology::Ontology& ontology() const;
  const EventDictionary& dictionary() const;

  struct Impl;

 private:
  explicit Coder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Splits an actor code into country and agent parts ("ISRGOV" -> "ISR", "GOV";
// "IGOUNO" -> "", ""; "---REB" -> "", "REB") following the mention's kind.
void SplitActorCode(const actors::ActorMention& m, std::string* country, std::string* agent);

}  // namespace dyad::coder

#endif  // DYAD_CODER_CODER_H_
