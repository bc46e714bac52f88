#include "forecast/history.h"

#include <cassert>

namespace dyad::forecast {

History::History(int32_t num_entities, int32_t num_relations)
    : num_entities_(num_entities),
      num_relations_(num_relations),
      by_subject_(num_entities),
      rel_objects_(2 * num_relations),
      rel_object_index_(2 * num_relations),
      rel_count_(2 * num_relations, 0),
      rel_min_time_(2 * num_relations, -1),
      rel_max_time_(2 * num_relations, -1) {}

void History::Add(const Quad& q) {
  assert(q.time >= last_time_);
  assert(q.relation >= 0 && q.relation < num_relations_);
  last_time_ = q.time;
  facts_.push_back(q);
  AddEdge(q.subject, q.relation, q.object, q.time);
  AddEdge(q.object, q.relation + num_relations_, q.subject, q.time);
}

void History::AddEdge(int32_t s, int32_t r, int32_t o, int32_t t) {
  ++num_edges_;
  by_subject_[s].push_back({r, o, t});
  by_subject_relation_[Key(s, r)].push_back({o, t});
  auto [it, inserted] = rel_object_index_[r].try_emplace(o, static_cast<int32_t>(rel_objects_[r].size()));
  if (inserted) rel_objects_[r].emplace_back(o, 0);
  ++rel_objects_[r][it->second].second;
  ++rel_count_[r];
  if (rel_min_time_[r] < 0) rel_min_time_[r] = t;
  rel_max_time_[r] = t;
}

std::span<const TimedObject> History::OfSubjectRelation(int32_t subject, int32_t relation) const {
  auto it = by_subject_relation_.find(Key(subject, relation));
  if (it == by_subject_relation_.end()) return {};
  return it->second;
}

}  // namespace dyad::forecast
