// Training a syntax Model from CoNLL-U treebanks.
//
// Steps: tag and relation tables from the training set; the lemmatizer; the
// two-pass tagger; jackknifed tags for the training set (each fold tagged by
// a tagger trained on the other folds) so that the parser learns from tags
// as noisy as those it will see; the parser, with a dynamic oracle, keeping
// the epoch that scores best on the dev set. Deterministic for given options
// and data, whatever the thread count.
#ifndef DYAD_SYNTAX_TRAIN_H_
#define DYAD_SYNTAX_TRAIN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/status.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace dyad::syntax {

struct TrainOptions {
  int tagger_epochs = 8;       // passes over the training set for each tagger
  int parser_epochs = 15;      // passes for the parser; the best on dev is kept
  int folds = 4;               // jackknife folds for the parser's training tags (<2: gold tags)
  int parser_models = 1;       // parsers trained side by side (own shuffles), weights averaged
  int explore_from = 2;        // epoch (1-based) from which wrong predictions are followed
  double explore_p = 0.9;      // probability of following a wrong prediction then
  double headline_rate = 0.05; // share of training sentences also seen in headline case
  int parser_min_count = 2;    // words rarer than this in training are unknown to the parser
  // Weights smaller than these are dropped from the saved model (not during
  // training): a smaller, faster model for a little accuracy.
  float tagger_prune = 0.0f;
  float parser_prune = 0.0f;
  uint64_t seed = 1;           // shuffling and exploration
  int threads = 2;             // jackknife folds trained in parallel
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

// `dev` may be empty (then the last parser epoch is kept). Errors: InvalidArgument
// if `train` has no usable sentence.
Result<Model> Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev, const TrainOptions& options);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_TRAIN_H_
