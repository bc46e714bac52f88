// Forecasts for dyad's own events: which relations (CAMEO codes) are likely
// between two actors over the next days, with the past events and rules
// behind each probability. The event store feeds this with its rows:
//
//   std::vector<dyad::forecast::ActorEvent> events = ...;  // (source, code, target, day)
//   dyad::forecast::DyadForecastOptions o;  o.horizon_days = 7;
//   auto f = dyad::forecast::ForecastDyad(events, "ISR", "USA", Date::FromYmd(2024, 4, 1).days, o);
//
// Method: counted length-one rules (rules.h) are learned from every event
// before `day`; for each day of the horizon the state of every relation seen
// on the pair (days since, number of days) is aged and each rule b => h gives
// conf(b => h | state). Per day, rules combine by noisy-or; over the horizon,
// P(h at least once) = 1 - prod over days (1 - p_day(h)). Events after the
// rules' learning end are not assumed; no event in the horizon is invented.
#ifndef DYAD_FORECAST_DYAD_FORECAST_H_
#define DYAD_FORECAST_DYAD_FORECAST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::forecast {

struct ActorEvent {
  std::string source;    // actor code, e.g. "ISRGOV" or "ISR"
  std::string relation;  // event code, e.g. CAMEO "190"
  std::string target;
  int32_t day = 0;       // any day index (e.g. Date::days)
};

struct DyadForecastOptions {
  int horizon_days = 7;       // forecast days day, day+1, ..., day+horizon-1
  int max_relations = 10;     // most likely relations returned
  int max_evidence = 3;       // rules/past events cited per relation
  double min_probability = 1e-4;  // relations below are dropped
};

struct RelationForecast {
  std::string relation;
  bool reversed = false;      // true: the relation is expected from target to source
  double probability = 0;     // at least once within the horizon
  std::vector<std::string> evidence;  // "after 042 (source->target) last 2024-03-30, on 5 days: conf 0.31"
};

// Errors: InvalidArgument for horizon < 1 or empty actor names. Events on or
// after `day` are ignored (they are the future). An actor pair with no shared
// past gets an empty list.
Result<std::vector<RelationForecast>> ForecastDyad(const std::vector<ActorEvent>& events, std::string_view source,
                                                  std::string_view target, int32_t day,
                                                  const DyadForecastOptions& options = {});

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_DYAD_FORECAST_H_
