// Forecasting with counted rules (rules.h): for a query (s, r, ?, t) every
// object o that s has met scores the noisy-or of the confidences of all the
// rules b => r whose body holds on (s, o), each read in the cell of b's
// current recency and count on the pair. Objects never met are reached by
// length-one rules with a free object, r(X, c): the share of c among the
// objects of r, mixed in with a weight tuned on valid:
//   score(o) = 1 - (1 - noisy_or(o)) * (1 - w * xi(o)).
#ifndef DYAD_FORECAST_RULES_MODEL_H_
#define DYAD_FORECAST_RULES_MODEL_H_

#include <memory>
#include <string>
#include <vector>

#include "forecast/forecaster.h"
#include "forecast/pair_index.h"
#include "forecast/rules.h"

namespace dyad::forecast {

class RulesForecaster : public Forecaster {
 public:
  // `rules` must outlive the forecaster.
  RulesForecaster(int32_t num_entities, int32_t num_relations, const CountedRules* rules);

  std::string Name() const override { return "counted rules"; }
  void BeginDay(const History& history, int32_t time) override { index_.Sync(history); }
  void Score(const History& history, const Query& query, std::vector<Candidate>* out) const override;

  // Picks the free-object weight on valid from `grid`. `history` as in EvaluateSplit.
  void TuneFreeObjectWeight(History* history, const std::vector<Quad>& valid, const std::vector<double>& grid,
                            int threads);
  double free_object_weight() const { return free_object_weight_; }
  void set_free_object_weight(double w) { free_object_weight_ = w; }
  void set_rules(const CountedRules* rules) { rules_ = rules; }

 private:
  void ScoreWith(const History& history, const Query& query, double w, std::vector<Candidate>* out) const;

  int32_t num_relations_;
  const CountedRules* rules_;
  PairIndex index_;
  double free_object_weight_ = 0.1;
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_RULES_MODEL_H_
