// Evaluation of relation forecasts on dyad's own events: for forecast days
// spread over a period and the most active dyads, the set of relations
// forecast between the two actors over a horizon (probability >= threshold)
// is compared with the set that happened, micro-averaged over (day, dyad).
// A persistence baseline (the relations of the previous `horizon` days
// happen again) is scored beside it, so that the figures can be read.
#ifndef DYAD_FORECAST_STORE_EVAL_H_
#define DYAD_FORECAST_STORE_EVAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/scores.h"
#include "dyad/status.h"
#include "forecast/dyad_forecast.h"

namespace dyad::forecast {

struct RelationEvalOptions {
  int32_t first_day = 0;        // first forecast day (days since 1970-01-01)
  int32_t last_day = 0;         // last forecast day, inclusive
  int step_days = 7;            // days between forecast days
  int horizon_days = 7;
  int top_dyads = 20;           // the most active directed dyads before first_day are evaluated
  double threshold = 0.5;       // a relation is forecast when its probability reaches this
};

using SetScores = ::dyad::Prf;

struct RelationEvalResult {
  int64_t forecasts = 0;  // (day, dyad) pairs scored
  SetScores model;
  SetScores persistence;
};

// `events` hold relations at the level to evaluate (root or full code) and
// actors at the level of the dyads (e.g. countries). Errors: InvalidArgument
// for an empty period or a horizon below 1.
Result<RelationEvalResult> EvaluateRelationForecasts(const std::vector<ActorEvent>& events,
                                                     const RelationEvalOptions& options);

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_STORE_EVAL_H_
