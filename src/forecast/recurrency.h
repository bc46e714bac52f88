// The recurrency baseline of Gastinger et al., "History repeats itself: a
// baseline for temporal knowledge graph forecasting" (IJCAI 2024).
//
// For a query (s, r, ?, t) it mixes two scores, with parameters per relation:
//   psi(o) = sum over past (s, r, o, t') of 2^(lambda * (t' - t)) / Z, the
//            recency-weighted recurrence of the exact fact, where Z is the same
//            sum over every time step from the first to the last edge of r seen
//            (as in the reference implementation; it sets the scale against xi);
//   xi(o)  = share of the edges of r whose object is o (all history);
//   score  = alpha * psi + (1 - alpha) * xi.
// Times inside the formula are in the dataset's raw units (hours for ICEWS18),
// so that published lambda values mean the same thing.
#ifndef DYAD_FORECAST_RECURRENCY_H_
#define DYAD_FORECAST_RECURRENCY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "forecast/forecaster.h"

namespace dyad::forecast {

struct RecurrencyParams {
  double lambda = 1.0001;   // decay per raw time unit; the paper's default for untuned relations
  double alpha = 0.99999;   // weight of psi against xi; the paper's default
};

struct RecurrencyTuneOptions {
  // The paper's grids.
  std::vector<double> lambdas = {0, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.5, 0.9, 1.0001};
  std::vector<double> alphas = {0, 0.00001, 0.0001, 0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 1};
  int threads = 2;
};

class RecurrencyBaseline : public Forecaster {
 public:
  // `num_relations` is R (parameters are kept for 2R); `time_step` as in TkgDataset.
  RecurrencyBaseline(int32_t num_relations, int32_t time_step);

  std::string Name() const override { return "recurrency baseline"; }
  void Score(const History& history, const Query& query, std::vector<Candidate>* out) const override;

  // Per relation (2R of them): lambda maximising valid MRR with alpha = 1, then
  // alpha with that lambda; first best in grid order wins; relations without
  // valid queries keep the defaults. `history` must hold exactly the facts
  // before `valid`; on return it also holds `valid`.
  void Tune(History* history, const std::vector<Quad>& valid, const RecurrencyTuneOptions& options = {});

  const RecurrencyParams& params(int32_t relation) const { return params_[relation]; }
  void set_params(int32_t relation, RecurrencyParams p) { params_[relation] = p; }

 private:
  // Fills psi into `out` for the query's (subject, relation) objects; returns false when none.
  void ScorePsi(const History& history, const Query& query, double lambda, std::vector<Candidate>* out) const;

  int32_t num_relations_;
  int32_t time_step_;
  std::vector<RecurrencyParams> params_;
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_RECURRENCY_H_
