#include "forecast/dyad_forecast.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "dyad/date.h"
#include "forecast/pair_index.h"
#include "forecast/rules.h"
#include "forecast/tkg.h"

namespace dyad::forecast {
namespace {

int32_t Intern(std::unordered_map<std::string, int32_t>* ids, std::vector<std::string>* names, const std::string& s) {
  auto [it, inserted] = ids->try_emplace(s, static_cast<int32_t>(names->size()));
  if (inserted) names->push_back(s);
  return it->second;
}

}  // namespace

Result<std::vector<RelationForecast>> ForecastDyad(const std::vector<ActorEvent>& events, std::string_view source,
                                                  std::string_view target, int32_t day,
                                                  const DyadForecastOptions& options) {
  if (options.horizon_days < 1) return Status::InvalidArgument("forecast horizon must be at least one day");
  if (source.empty() || target.empty()) return Status::InvalidArgument("forecast needs a source and a target actor");
  std::unordered_map<std::string, int32_t> actor_ids, relation_ids;
  std::vector<std::string> actors, relations;
  std::vector<Quad> facts;
  int32_t first_day = INT32_MAX;
  for (const ActorEvent& e : events)
    if (e.day < day) first_day = std::min(first_day, e.day);
  for (const ActorEvent& e : events) {
    if (e.day >= day || e.source.empty() || e.target.empty() || e.relation.empty()) continue;
    facts.push_back({Intern(&actor_ids, &actors, e.source), Intern(&relation_ids, &relations, e.relation),
                     Intern(&actor_ids, &actors, e.target), e.day - first_day});
  }
  std::vector<RelationForecast> result;
  auto s_it = actor_ids.find(std::string(source));
  auto o_it = actor_ids.find(std::string(target));
  if (facts.empty() || s_it == actor_ids.end() || o_it == actor_ids.end()) return result;
  std::stable_sort(facts.begin(), facts.end(), [](const Quad& a, const Quad& b) { return a.time < b.time; });
  const int32_t nr = static_cast<int32_t>(relations.size());
  const int32_t now = day - first_day;
  CountedRules rules = CountedRules::Learn(facts, nr, now - 1);
  History history(static_cast<int32_t>(actors.size()), nr);
  history.AddAll(facts);
  PairIndex index(static_cast<int32_t>(actors.size()), nr);
  index.Sync(history);
  const PairAgg* pair = index.Find(s_it->second, o_it->second);
  if (pair == nullptr) return result;

  auto rel_name = [&](int32_t r) { return relations[r % nr]; };
  for (int32_t h = 0; h < 2 * nr; ++h) {
    double miss_all = 1.0;
    std::vector<std::pair<double, std::string>> why;
    for (int d = 0; d < options.horizon_days; ++d) {
      double miss = 1.0;
      for (const RelAgg& b : pair->rels) {
        double c = rules.Confidence(b.relation, h, CountedRules::Cell(now + d - b.last, b.days));
        miss *= 1.0 - c;
        if (d == 0 && c > 0) {
          char buf[256];
          std::snprintf(buf, sizeof buf, "after %s (%s) last %s, on %d days: conf %.3f", rel_name(b.relation).c_str(),
                        b.relation < nr ? "source->target" : "target->source",
                        Date{b.last + first_day}.ToString().c_str(), b.days, c);
          why.emplace_back(c, buf);
        }
      }
      miss_all *= miss;
    }
    double p = 1.0 - miss_all;
    if (p < options.min_probability) continue;
    std::sort(why.begin(), why.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    RelationForecast f;
    f.relation = rel_name(h);
    f.reversed = h >= nr;
    f.probability = p;
    for (int i = 0; i < options.max_evidence && i < static_cast<int>(why.size()); ++i) f.evidence.push_back(why[i].second);
    result.push_back(std::move(f));
  }
  std::sort(result.begin(), result.end(), [](const RelationForecast& a, const RelationForecast& b) {
    return a.probability != b.probability ? a.probability > b.probability : a.relation < b.relation;
  });
  if (static_cast<int>(result.size()) > options.max_relations) result.resize(options.max_relations);
  return result;
}

}  // namespace dyad::forecast
