// Evaluation of the event coder against gold sentences.
//
// Gold file: JSON Lines, one sentence a line:
//   {"id": "g0001", "date": "2024-03-22", "text": "...", "context": "previous sentence (optional)",
//    "events": [{"source": "USAGOV", "target": "ISRGOV", "code": "130"}],
//    "tags": ["passive"], "split": "dev"}
// An empty "target" means the event has none.
//
// Scores (micro-averaged over events; a sentence's events are a multiset):
//   root      (root code, source country, target country): the first three
//             letters of each actor code stand for its country or group kind;
//   full      (full code, full source code, full target code);
//   actors    (full source code, full target code), codes ignored.
// Predicted events flagged hypothetical or negated are not events and are not counted.
#ifndef DYAD_EVALUATION_CODER_EVAL_H_
#define DYAD_EVALUATION_CODER_EVAL_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/scores.h"
#include "dyad/date.h"
#include "dyad/engine.h"
#include "dyad/status.h"

namespace dyad::evaluation {

struct GoldEvent {
  std::string source, target, code;
};

struct GoldSentence {
  int line = 0;  // 1-based line in the gold file
  std::string id;
  Date date;
  std::string text;
  std::string context;
  std::vector<GoldEvent> events;
  std::vector<std::string> tags;
  std::string split;
};

// Errors name the file and line.
Result<std::vector<GoldSentence>> LoadGold(const std::string& path);

using Prf = ::dyad::Prf;

struct SentenceResult {
  const GoldSentence* gold = nullptr;
  std::vector<GoldEvent> predicted;
  Prf root, full, actors;
  std::string explanation;  // the engine's account, when it was created with explain
};

struct EvalReport {
  size_t sentences = 0;
  size_t gold_events = 0;
  size_t predicted_events = 0;
  Prf root, full, actors;
  std::map<std::string, Prf> root_by_gold_root;  // "13" -> scores at the root level, by root
  std::map<std::string, Prf> root_by_tag;        // "passive" -> scores at the root level
  // "gold -> predicted" descriptions of disagreements, most frequent first.
  std::vector<std::pair<std::string, int64_t>> confusions;
  std::vector<SentenceResult> details;
};

struct EvalOptions {
  std::string split;  // a split of the gold file ("dev", "test", "holdout" ... "holdout6"), several
                      // separated by commas ("dev,test"), or empty for all
  double min_confidence = 0;  // events below it are not counted as predicted
  size_t top_confusions = 15;
};

// True when `split` is one of the comma-separated `splits` (or `splits` is empty: every split).
bool InSplits(std::string_view splits, std::string_view split);

EvalReport Evaluate(const Engine& engine, const std::vector<GoldSentence>& gold, const EvalOptions& options);

}  // namespace dyad::evaluation

#endif  // DYAD_EVALUATION_CODER_EVAL_H_
