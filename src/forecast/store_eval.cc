#include "forecast/store_eval.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace dyad::forecast {
namespace {

using Dyad = std::pair<std::string, std::string>;

void ScoreSets(const std::set<std::string>& predicted, const std::set<std::string>& actual, SetScores* s) {
  for (const auto& r : predicted) {
    if (actual.count(r)) ++s->tp;
    else ++s->fp;
  }
  for (const auto& r : actual) {
    if (!predicted.count(r)) ++s->fn;
  }
}

}  // namespace

Result<RelationEvalResult> EvaluateRelationForecasts(const std::vector<ActorEvent>& events,
                                                     const RelationEvalOptions& o) {
  if (o.horizon_days < 1) return Status::InvalidArgument("horizon must be at least 1 day");
  if (o.step_days < 1) return Status::InvalidArgument("step must be at least 1 day");
  if (o.last_day < o.first_day) return Status::InvalidArgument("the evaluation period is empty");
  // The most active directed dyads before the first forecast day.
  std::map<Dyad, int64_t> activity;
  for (const auto& e : events) {
    if (e.day < o.first_day && !e.target.empty() && e.source != e.target) ++activity[{e.source, e.target}];
  }
  std::vector<std::pair<Dyad, int64_t>> ranked(activity.begin(), activity.end());
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (static_cast<int>(ranked.size()) > o.top_dyads) ranked.resize(o.top_dyads);
  // Relations by dyad and day, for what happened and for the baseline.
  std::map<Dyad, std::map<int32_t, std::set<std::string>>> by_dyad;
  for (const auto& e : events) by_dyad[{e.source, e.target}][e.day].insert(e.relation);
  auto relations_in = [&](const Dyad& d, int32_t from, int32_t to) {  // [from, to)
    std::set<std::string> out;
    auto it = by_dyad.find(d);
    if (it == by_dyad.end()) return out;
    for (auto day = it->second.lower_bound(from); day != it->second.end() && day->first < to; ++day) {
      out.insert(day->second.begin(), day->second.end());
    }
    return out;
  };
  RelationEvalResult r;
  DyadForecastOptions fo;
  fo.horizon_days = o.horizon_days;
  fo.max_relations = 1000;
  fo.max_evidence = 0;
  for (int32_t day = o.first_day; day <= o.last_day; day += o.step_days) {
    for (const auto& [dyad, n] : ranked) {
      auto f = ForecastDyad(events, dyad.first, dyad.second, day, fo);
      if (!f.ok()) return f.status();
      std::set<std::string> predicted;
      for (const auto& rel : *f) {
        if (!rel.reversed && rel.probability >= o.threshold) predicted.insert(rel.relation);
      }
      const std::set<std::string> actual = relations_in(dyad, day, day + o.horizon_days);
      ScoreSets(predicted, actual, &r.model);
      ScoreSets(relations_in(dyad, day - o.horizon_days, day), actual, &r.persistence);
      ++r.forecasts;
    }
  }
  return r;
}

}  // namespace dyad::forecast
