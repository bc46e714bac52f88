// Counted temporal rules of length one, learned from the history.
//
// A cyclic rule  b(X, Y, t') => h(X, Y, t), t' < t  says "if X did b to Y
// before, X does h to Y today". Its confidence is not one number but a table
// over the state of the body on the pair: how many days ago b last held
// (recency bucket) and on how many distinct days it held so far (count
// bucket). Each cell is a probability counted over every (pair, day) of the
// learning period:
//   conf(b => h | cell) = #(pair, day) in cell with h(X, Y, day)
//                         / #(pair, day) in cell,
// smoothed towards the rule's pooled confidence. With b = h this is the
// recurrency of a fact; with b = h's inverse it is reciprocity; the others
// are learned correlations between relations. Relations range over 2R
// (inverse relations included), so rules cover both query directions.
#ifndef DYAD_FORECAST_RULES_H_
#define DYAD_FORECAST_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/status.h"
#include "forecast/tkg.h"

namespace dyad::forecast {

struct RuleLearnOptions {
  double smoothing = 4.0;         // pseudo-counts pulling a cell towards the rule's pooled confidence
  double pooled_smoothing = 4.0;  // pseudo-counts pulling a rule's pooled confidence towards 0
};

class CountedRules {
 public:
  static constexpr int kRecencyBuckets = 9;  // 1, 2, 3, 4-5, 6-8, 9-14, 15-30, 31-60, 61+ days
  static constexpr int kCountBuckets = 6;    // 1, 2, 3-4, 5-8, 9-16, 17+ days
  static constexpr int kCells = kRecencyBuckets * kCountBuckets;

  // Learns from `facts` (relations in [0, R), any order), counting days up to
  // `last_day` inclusive (normally the last day of `facts`).
  static CountedRules Learn(const std::vector<Quad>& facts, int32_t num_relations, int32_t last_day,
                            const RuleLearnOptions& options = {});

  static int RecencyBucket(int32_t days_ago);  // days_ago >= 1
  static int CountBucket(int32_t days);        // days >= 1
  static int Cell(int32_t days_ago, int32_t days) { return RecencyBucket(days_ago) * kCountBuckets + CountBucket(days); }

  // Probability that h holds on a pair today given b's state on it.
  float Confidence(int32_t body, int32_t head, int cell) const {
    return conf_[(static_cast<size_t>(head) * nr2_ + body) * kCells + cell];
  }
  // Body support: (pair, day) observations in the cell, for explanations.
  double Support(int32_t body, int cell) const { return support_[static_cast<size_t>(body) * kCells + cell]; }
  // Of the (pair, day) facts of `head`: the share whose pair had met before,
  // and whose very fact had held before (smoothed; 0.5 for unseen relations).
  double PairKnownShare(int32_t head) const { return (head_pair_known_[head] + 1) / (head_total_[head] + 2); }
  double FactKnownShare(int32_t head) const { return (head_fact_known_[head] + 1) / (head_total_[head] + 2); }
  int32_t num_relations2() const { return nr2_; }
  bool empty() const { return conf_.empty(); }

  // The `k` most confident rules (pooled over cells, body != head) as text
  // lines "conf  body => head", for inspection.
  std::vector<std::string> TopRules(int k, const std::vector<std::string>& relation_names) const;

 private:
  int32_t nr2_ = 0;
  std::vector<float> conf_;      // [head][body][cell]: one query relation reads one block
  std::vector<float> pooled_;    // [body][head]
  std::vector<double> support_;  // [body][cell]
  std::vector<double> head_total_, head_pair_known_, head_fact_known_;  // [head]
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_RULES_H_
