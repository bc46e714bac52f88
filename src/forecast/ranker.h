// The combination model: a learned re-ranker over the evidence of the
// recurrency baseline, the counted rules and the free-object priors.
//
// Stage 1 gathers candidates (every entity the subject has met, the recently
// and historically most common objects of the query relation, and the
// neighbours of the subject's strongest neighbours) and orders them by the
// rules model's score. Stage 2 re-scores the first
// `top_k` with small neural networks over 37 features per candidate
// (recurrence counts, recency, recency-weighted counts at several
// half-lives, rule confidences, object shares, entity activity, and query
// features the network can condition on). It is trained on the validation
// split and optionally the last days of train (never on test), with a
// listwise softmax loss (other true answers of the same query are left out),
// deterministically for a given seed and thread count.
#ifndef DYAD_FORECAST_RANKER_H_
#define DYAD_FORECAST_RANKER_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "forecast/forecaster.h"
#include "forecast/pair_index.h"
#include "forecast/rules.h"

namespace dyad::forecast {

struct RankerOptions {
  int top_k = 96;                    // stage-1 candidates re-scored by the network
  int popular_k = 20;                // most common objects of the relation added as candidates (recent and all-time)
  int neighbours = 24;               // strongest recent neighbours kept per entity, for two-hop evidence
  int two_hop_via = 8;               // neighbours of the subject whose neighbours become candidates
  double two_hop_weight = 0.05;      // stage-1 mix of the two-hop path weight
  int hidden = 16;                   // hidden units
  int ensemble = 3;                  // networks trained with different seeds, scores summed
  int epochs = 8;
  int batch = 64;                    // queries per gradient step
  double learning_rate = 0.005;      // Adam
  double l2 = 1e-5;
  int64_t max_train_queries = 60000; // queries sampled per training segment (all when fewer)
  double heldout_fraction = 1.0 / 3; // last part of valid days held out to report a valid MRR
  double free_object_weight = 0.1;   // stage-1 mix of the free-object prior
  uint64_t seed = 1;
  int threads = 2;
};

// A scorer x -> w2 . relu(W1 x + b1) + ws . x on standardised features.
// A per-relation bias on the hidden units lets the relation gate which
// evidence counts (recurrence for some relations, priors for others).
struct RankerNet {
  int inputs = 0, hidden = 0, relations = 0;
  std::vector<float> mean, inv_std;  // standardisation, per input
  std::vector<float> params;         // W1 (hidden x inputs), b1, w2, ws, relation bias (relations x hidden)
  // scratch: inputs + hidden floats; relation in [0, relations)
  float Forward(const float* raw, int32_t relation, float* scratch) const;
};

class RankerForecaster : public Forecaster {
 public:
  static constexpr int kFeatures = 37;

  // `rules` must outlive the forecaster.
  RankerForecaster(int32_t num_entities, int32_t num_relations, const CountedRules* rules, RankerOptions options);

  std::string Name() const override { return "rules+recurrency ranker"; }
  void BeginDay(const History& history, int32_t time) override;
  void Score(const History& history, const Query& query, std::vector<Candidate>* out) const override;

  // Trains the network on `valid` (history holds the facts before it; on
  // return it also holds valid). Returns the MRR (percent) on the held-out
  // last days of valid of a network trained on the earlier days; the final
  // network is then trained on all of valid.
  struct FitReport {
    double heldout_mrr = 0;         // network trained on the early days, measured on the held-out days
    double heldout_stage1_mrr = 0;  // the stage-1 (rules) order on the same days
    double coverage = 0;            // share of sampled queries whose answer is among the re-scored candidates
    int64_t samples = 0;
  };
  // One stretch of days to learn from: queries of `split` answered with
  // `history` (the facts before it; on return it also holds the split) and
  // features read with `rules` (learned without the split).
  struct FitSegment {
    History* history;
    const std::vector<Quad>* split;
    const CountedRules* rules;
  };
  // Trains on every segment; the last one (valid) supplies the held-out days.
  // Leaves the forecaster using the last segment's rules.
  FitReport Fit(std::span<const FitSegment> segments);

  void set_rules(const CountedRules* rules) { rules_ = rules; }
  const std::vector<RankerNet>& nets() const { return nets_; }

 private:
  struct Row {
    int32_t entity;
    const PairAgg* pair;
    double stage1;
    double two_hop;  // sum over neighbours z of w(s, z) * w(z, o)
  };
  // Stage-1 candidates sorted best first (ties by entity id).
  void Stage1(const History& history, const Query& query, std::vector<Row>* rows) const;
  void Features(const History& history, const Query& query, const std::vector<Row>& rows, size_t n,
                float* out) const;

  // Appends the samples of `split` to the SampleSet behind `out_set`.
  void Collect(History* history, const std::vector<Quad>& split, uint64_t stream, bool heldout_part, void* out_set);

  int32_t num_entities_, num_relations_;
  const CountedRules* rules_;
  RankerOptions options_;
  PairIndex index_;
  std::vector<std::vector<int32_t>> popular_;  // per relation, for the current day
  // Per entity: strongest neighbours by recency-weighted count (half-life
  // kPairHalfLives[2]) with their share of the entity's total. Shares do not
  // change with time alone (every pair decays alike), so an entity is
  // recomputed only when it gains facts.
  std::vector<std::vector<std::pair<int32_t, float>>> neighbours_;
  std::vector<size_t> neighbours_edges_;  // History::OfSubject size at recomputation
  uint64_t neighbours_generation_ = 0;
  // Trains options_.ensemble networks (seeds differ) on the given samples of a SampleSet.
  std::vector<RankerNet> TrainEnsemble(const void* samples, const std::vector<size_t>& rows) const;

  std::vector<RankerNet> nets_;  // scores are summed
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_RANKER_H_
