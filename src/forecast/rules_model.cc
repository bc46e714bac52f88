#include "forecast/rules_model.h"

#include <algorithm>
#include <unordered_map>

#include "forecast/evaluate.h"

namespace dyad::forecast {

RulesForecaster::RulesForecaster(int32_t num_entities, int32_t num_relations, const CountedRules* rules)
    : num_relations_(num_relations), rules_(rules), index_(num_entities, num_relations) {}

void RulesForecaster::Score(const History& history, const Query& query, std::vector<Candidate>* out) const {
  ScoreWith(history, query, free_object_weight_, out);
}

void RulesForecaster::ScoreWith(const History& history, const Query& query, double w,
                                std::vector<Candidate>* out) const {
  out->clear();
  std::unordered_map<int32_t, size_t> slot;
  for (const PairAgg& p : index_.Pairs(query.subject)) {
    double miss = 1.0;
    for (const RelAgg& b : p.rels) {
      float c = rules_->Confidence(b.relation, query.relation, CountedRules::Cell(query.time - b.last, b.days));
      miss *= 1.0 - c;
    }
    if (miss < 1.0) {
      slot[p.object] = out->size();
      out->push_back({p.object, 1.0 - miss});
    }
  }
  if (w > 0) {
    double total = static_cast<double>(history.RelationCount(query.relation));
    for (auto [object, count] : history.ObjectCounts(query.relation)) {
      double xi = w * count / total;
      auto it = slot.find(object);
      if (it == slot.end()) {
        out->push_back({object, xi});
      } else {
        Candidate& c = (*out)[it->second];
        c.score = 1.0 - (1.0 - c.score) * (1.0 - xi);
      }
    }
  }
}

void RulesForecaster::TuneFreeObjectWeight(History* history, const std::vector<Quad>& valid,
                                           const std::vector<double>& grid, int threads) {
  threads = std::max(1, threads);
  std::vector<EvalQuery> queries = BuildQueries(valid, num_relations_);
  std::vector<double> sum(grid.size(), 0.0);
  std::vector<std::vector<double>> rr(queries.size(), std::vector<double>(grid.size()));
  std::vector<std::vector<Candidate>> buf(threads);
  WalkSingleStep(history, valid, queries, [&](const History& h, size_t first, size_t last) {
    if (first < last) BeginDay(h, queries[first].query.time);
    ParallelFor(static_cast<int64_t>(last - first), threads, [&](int64_t i, int w) {
      const EvalQuery& q = queries[first + i];
      for (size_t k = 0; k < grid.size(); ++k) {
        ScoreWith(h, q.query, grid[k], &buf[w]);
        rr[first + i][k] = 1.0 / FairRank(buf[w], q.answer, q.filtered, h.num_entities());
      }
    });
  });
  for (const auto& row : rr)
    for (size_t k = 0; k < grid.size(); ++k) sum[k] += row[k];
  size_t best = 0;
  for (size_t k = 1; k < grid.size(); ++k)
    if (sum[k] > sum[best]) best = k;
  free_object_weight_ = grid[best];
}

}  // namespace dyad::forecast
