// The interface every forecasting model implements, and the query it answers.
#ifndef DYAD_FORECAST_FORECASTER_H_
#define DYAD_FORECAST_FORECASTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "forecast/history.h"

namespace dyad::forecast {

// (subject, relation, ?, time), relation in [0, 2R): asking (?, r, o, t) is
// asking (o, r + R, ?, t).
struct Query {
  int32_t subject;
  int32_t relation;
  int32_t time;
};

struct Candidate {
  int32_t entity;
  double score;
};

class Forecaster {
 public:
  virtual ~Forecaster() = default;
  virtual std::string Name() const = 0;
  // Called before the queries of day `time` are scored, with no Score running
  // and `history` holding exactly the facts before `time`; models may update
  // their own indexes and caches here. The history may be a different object
  // from one call to the next (tuning walks copies).
  virtual void BeginDay(const History& history, int32_t time) {}
  // Fills `out` (cleared first) with candidate objects for `query` and their
  // scores, higher is likelier, each entity at most once, in any order. Every
  // entity not listed ranks below every listed one, all tied. `history` holds
  // exactly the facts before query.time. Must be safe to call concurrently.
  virtual void Score(const History& history, const Query& query, std::vector<Candidate>* out) const = 0;
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_FORECASTER_H_
