// An incrementally maintained summary of the history per (subject, object)
// pair and per (relation, object), the raw material of rule application and
// of the ranker's features. Kept in sync with a History by Sync(), which
// reads only the facts added since the last call (or rebuilds when handed a
// different history).
//
// Recency-weighted counts are stored relative to the time of their last
// update, so they never overflow however long the history:
//   value(now) = sum over events at t' of 2^(-(now - t') / half_life).
#ifndef DYAD_FORECAST_PAIR_INDEX_H_
#define DYAD_FORECAST_PAIR_INDEX_H_

#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "forecast/history.h"

namespace dyad::forecast {

struct Decayed {
  double sum = 0;   // value at time `ref`
  int32_t ref = 0;
  void Add(int32_t t, double half_life) {
    if (sum != 0 && t != ref) sum *= std::exp2(-(t - ref) / half_life);
    sum += 1.0;
    ref = t;
  }
  double At(int32_t now, double half_life) const { return sum == 0 ? 0.0 : sum * std::exp2(-(now - ref) / half_life); }
};

inline constexpr std::array<double, 2> kRelHalfLives = {2, 16};

struct RelAgg {
  int32_t relation;  // [0, 2R)
  int32_t days;      // distinct days on which it held
  int32_t last;      // last day
  int32_t edges;
  std::array<double, kRelHalfLives.size()> decay;  // at time `last`
  double DecayAt(size_t k, int32_t now) const { return decay[k] * std::exp2(-(now - last) / kRelHalfLives[k]); }
};

inline constexpr std::array<double, 4> kPairHalfLives = {1, 4, 16, 64};

struct PairAgg {
  int32_t object = 0;
  int32_t edges = 0;
  int32_t days = 0;
  int32_t last = -1;
  std::array<double, kPairHalfLives.size()> decay{};  // at time `last`
  std::vector<RelAgg> rels;
  double DecayAt(size_t k, int32_t now) const { return decay[k] * std::exp2(-(now - last) / kPairHalfLives[k]); }
  const RelAgg* Rel(int32_t relation) const {
    for (const RelAgg& r : rels)
      if (r.relation == relation) return &r;
    return nullptr;
  }
};

class PairIndex {
 public:
  static constexpr double kRelObjectHalfLife = 16;  // days, for the recent object share of a relation
  static constexpr double kDegreeHalfLife = 4;      // days, for an entity's recent activity

  PairIndex(int32_t num_entities, int32_t num_relations);

  // Ingests the facts of `history` not seen yet. Not thread-safe.
  void Sync(const History& history);

  const std::vector<PairAgg>& Pairs(int32_t subject) const { return pairs_[subject]; }
  const PairAgg* Find(int32_t subject, int32_t object) const;
  // Recent share of `object` among the objects of `relation` (half-life kRelObjectHalfLife).
  double RecentObjectShare(int32_t relation, int32_t object, int32_t now) const;
  // Every object of `relation` with its recent share at `now`, unordered.
  void RecentObjects(int32_t relation, int32_t now, std::vector<std::pair<int32_t, double>>* out) const;
  double RecentDegree(int32_t entity, int32_t now) const { return degree_[entity].At(now, kDegreeHalfLife); }
  size_t synced() const { return synced_; }
  // Changes whenever the index is rebuilt from scratch (a different history).
  uint64_t generation() const { return generation_; }

 private:
  void Reset();
  void AddEdge(int32_t s, int32_t r, int32_t o, int32_t t);

  int32_t num_entities_, num_relations_;
  const History* source_ = nullptr;
  size_t synced_ = 0;
  uint64_t generation_ = 0;
  Quad last_seen_;
  std::vector<std::vector<PairAgg>> pairs_;
  std::vector<std::unordered_map<int32_t, int32_t>> pair_slot_;
  std::vector<std::unordered_map<int32_t, Decayed>> rel_object_;
  std::vector<Decayed> rel_total_;
  std::vector<Decayed> degree_;
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_PAIR_INDEX_H_
