// The known past of a temporal knowledge graph, indexed for forecasting.
// Every fact (s, r, o, t) is stored twice: as is and as its inverse
// (o, r + R, s, t), so that object and subject prediction are the same problem.
//
// Facts must be added in non-decreasing time order (the single-step protocol
// reveals the graph one day at a time). Reads are thread-safe when no Add runs.
#ifndef DYAD_FORECAST_HISTORY_H_
#define DYAD_FORECAST_HISTORY_H_

#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "forecast/tkg.h"

namespace dyad::forecast {

struct Edge {
  int32_t relation;  // [0, 2R)
  int32_t object;
  int32_t time;
};

struct TimedObject {
  int32_t object;
  int32_t time;
};

class History {
 public:
  History(int32_t num_entities, int32_t num_relations);

  // Adds `q` (relation in [0, R)) and its inverse. q.time must be >= every time added before.
  void Add(const Quad& q);
  void AddAll(const std::vector<Quad>& quads) {
    for (const Quad& q : quads) Add(q);
  }

  int32_t num_entities() const { return num_entities_; }
  int32_t num_relations() const { return num_relations_; }  // R; relations in edges range over 2R
  int64_t num_edges() const { return num_edges_; }           // counts inverses
  int32_t last_time() const { return last_time_; }           // -1 when empty
  // Every fact added, in order (relations in [0, R), no inverses).
  std::span<const Quad> Facts() const { return facts_; }

  // Every edge leaving `subject`, oldest first.
  std::span<const Edge> OfSubject(int32_t subject) const { return by_subject_[subject]; }
  // Every (object, time) of (subject, relation, ., .), oldest first.
  std::span<const TimedObject> OfSubjectRelation(int32_t subject, int32_t relation) const;
  // Distinct objects of `relation` with their edge counts, in first-seen order.
  std::span<const std::pair<int32_t, int32_t>> ObjectCounts(int32_t relation) const { return rel_objects_[relation]; }
  int64_t RelationCount(int32_t relation) const { return rel_count_[relation]; }
  int32_t ObjectCount(int32_t relation, int32_t object) const {
    auto it = rel_object_index_[relation].find(object);
    return it == rel_object_index_[relation].end() ? 0 : rel_objects_[relation][it->second].second;
  }
  int32_t RelationMinTime(int32_t relation) const { return rel_min_time_[relation]; }  // -1 when unseen
  int32_t RelationMaxTime(int32_t relation) const { return rel_max_time_[relation]; }

 private:
  void AddEdge(int32_t s, int32_t r, int32_t o, int32_t t);
  static uint64_t Key(int32_t s, int32_t r) { return (static_cast<uint64_t>(s) << 32) | static_cast<uint32_t>(r); }

  int32_t num_entities_;
  int32_t num_relations_;
  int64_t num_edges_ = 0;
  int32_t last_time_ = -1;
  std::vector<Quad> facts_;
  std::vector<std::vector<Edge>> by_subject_;
  std::unordered_map<uint64_t, std::vector<TimedObject>> by_subject_relation_;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> rel_objects_;
  std::vector<std::unordered_map<int32_t, int32_t>> rel_object_index_;
  std::vector<int64_t> rel_count_;
  std::vector<int32_t> rel_min_time_, rel_max_time_;
};

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_HISTORY_H_
