#include "forecast/pair_index.h"

namespace dyad::forecast {

PairIndex::PairIndex(int32_t num_entities, int32_t num_relations)
    : num_entities_(num_entities), num_relations_(num_relations) {
  Reset();
}

void PairIndex::Reset() {
  source_ = nullptr;
  synced_ = 0;
  ++generation_;
  pairs_.assign(num_entities_, {});
  pair_slot_.assign(num_entities_, {});
  rel_object_.assign(2 * num_relations_, {});
  rel_total_.assign(2 * num_relations_, {});
  degree_.assign(num_entities_, {});
}

void PairIndex::Sync(const History& history) {
  auto facts = history.Facts();
  // A different history, or one that is not an extension of what we saw: rebuild.
  if (source_ != &history || facts.size() < synced_ || (synced_ > 0 && !(facts[synced_ - 1] == last_seen_))) Reset();
  source_ = &history;
  for (size_t i = synced_; i < facts.size(); ++i) {
    const Quad& f = facts[i];
    AddEdge(f.subject, f.relation, f.object, f.time);
    AddEdge(f.object, f.relation + num_relations_, f.subject, f.time);
  }
  synced_ = facts.size();
  if (synced_ > 0) last_seen_ = facts[synced_ - 1];
}

void PairIndex::AddEdge(int32_t s, int32_t r, int32_t o, int32_t t) {
  auto [it, inserted] = pair_slot_[s].try_emplace(o, static_cast<int32_t>(pairs_[s].size()));
  if (inserted) {
    pairs_[s].emplace_back();
    pairs_[s].back().object = o;
  }
  PairAgg& p = pairs_[s][it->second];
  if (p.last >= 0 && t != p.last)
    for (size_t k = 0; k < kPairHalfLives.size(); ++k) p.decay[k] *= std::exp2(-(t - p.last) / kPairHalfLives[k]);
  for (double& d : p.decay) d += 1.0;
  if (t != p.last) ++p.days;
  ++p.edges;
  p.last = t;
  RelAgg* rel = nullptr;
  for (RelAgg& x : p.rels)
    if (x.relation == r) rel = &x;
  if (rel == nullptr) {
    p.rels.push_back({r, 0, -1, 0, {}});
    rel = &p.rels.back();
  }
  if (rel->last >= 0 && t != rel->last)
    for (size_t k = 0; k < kRelHalfLives.size(); ++k) rel->decay[k] *= std::exp2(-(t - rel->last) / kRelHalfLives[k]);
  for (double& d : rel->decay) d += 1.0;
  if (t != rel->last) ++rel->days;
  ++rel->edges;
  rel->last = t;
  rel_object_[r][o].Add(t, kRelObjectHalfLife);
  rel_total_[r].Add(t, kRelObjectHalfLife);
  // Count each fact once per entity for activity.
  degree_[s].Add(t, kDegreeHalfLife);
}

const PairAgg* PairIndex::Find(int32_t subject, int32_t object) const {
  auto it = pair_slot_[subject].find(object);
  return it == pair_slot_[subject].end() ? nullptr : &pairs_[subject][it->second];
}

double PairIndex::RecentObjectShare(int32_t relation, int32_t object, int32_t now) const {
  auto it = rel_object_[relation].find(object);
  if (it == rel_object_[relation].end()) return 0.0;
  double total = rel_total_[relation].At(now, kRelObjectHalfLife);
  return total > 0 ? it->second.At(now, kRelObjectHalfLife) / total : 0.0;
}

void PairIndex::RecentObjects(int32_t relation, int32_t now, std::vector<std::pair<int32_t, double>>* out) const {
  out->clear();
  double total = rel_total_[relation].At(now, kRelObjectHalfLife);
  if (total <= 0) return;
  for (const auto& [object, d] : rel_object_[relation]) out->emplace_back(object, d.At(now, kRelObjectHalfLife) / total);
}

}  // namespace dyad::forecast
