// Single-step, time-aware filtered evaluation (the protocol of Gastinger et
// al. 2023 that every number in the benchmark README follows):
//  - each fact (s, r, o, t) of the split gives two queries, (s, r, ?, t) and
//    (o, r + R, ?, t);
//  - before answering day t the model knows every fact before t, including
//    earlier days of the split being evaluated;
//  - other true answers of the same query on the same day are removed from the
//    ranking (time-aware filter), nothing else;
//  - ties get the average rank: 1 + #higher + #equal / 2.
#ifndef DYAD_FORECAST_EVALUATE_H_
#define DYAD_FORECAST_EVALUATE_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "forecast/forecaster.h"
#include "forecast/history.h"
#include "forecast/tkg.h"

namespace dyad::forecast {

struct EvalQuery {
  Query query;
  int32_t answer;
  std::vector<int32_t> filtered;  // other true objects of (s, r, ., t), answer excluded
};

// 2 * split.size() queries in time order (object query, then subject query,
// for each fact). `split` must be sorted by time.
std::vector<EvalQuery> BuildQueries(const std::vector<Quad>& split, int32_t num_relations);

// The fair rank of `answer` among `num_entities` entities, unlisted ones
// scoring below every candidate; entities in `filtered` take no part.
double FairRank(std::span<const Candidate> candidates, int32_t answer, std::span<const int32_t> filtered,
                int32_t num_entities);

struct Metrics {
  double mrr = 0, hits1 = 0, hits3 = 0, hits10 = 0;  // percent
  int64_t queries = 0;
};
Metrics Summarize(std::span<const double> ranks);

// Runs fn(i, worker) for i in [0, n) on `threads` threads (worker in [0, threads)).
// Deterministic as long as fn(i) writes only to slot i or to worker-private state.
void ParallelFor(int64_t n, int threads, const std::function<void(int64_t, int)>& fn);

// Walks `split` day by day: calls visit(history, first, last) for the queries
// [first, last) of each day (indices into `queries`, built by BuildQueries from
// the same split), then adds that day's facts to `history`. On return `history`
// contains the whole split.
void WalkSingleStep(History* history, const std::vector<Quad>& split, const std::vector<EvalQuery>& queries,
                    const std::function<void(const History&, size_t, size_t)>& visit);

struct EvalOptions {
  int threads = 2;  // worker threads for scoring queries
};

// Ranks of every query of `split` (see BuildQueries) under `model`. `history`
// must hold exactly the facts before the split; on return it also holds the split.
std::vector<double> EvaluateSplit(Forecaster& model, History* history, const std::vector<Quad>& split,
                                  const EvalOptions& options = {});

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_EVALUATE_H_
