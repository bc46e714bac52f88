#include "forecast/evaluate.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <thread>
#include <unordered_map>

namespace dyad::forecast {

std::vector<EvalQuery> BuildQueries(const std::vector<Quad>& split, int32_t num_relations) {
  std::vector<EvalQuery> queries;
  queries.reserve(2 * split.size());
  size_t begin = 0;
  while (begin < split.size()) {
    size_t end = begin;
    while (end < split.size() && split[end].time == split[begin].time) ++end;
    // All true objects of each (subject, relation) on this day, both directions.
    std::unordered_map<uint64_t, std::vector<int32_t>> answers;
    auto key = [](int32_t s, int32_t r) { return (static_cast<uint64_t>(s) << 32) | static_cast<uint32_t>(r); };
    for (size_t i = begin; i < end; ++i) {
      const Quad& f = split[i];
      answers[key(f.subject, f.relation)].push_back(f.object);
      answers[key(f.object, f.relation + num_relations)].push_back(f.subject);
    }
    for (auto& [k, v] : answers) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    for (size_t i = begin; i < end; ++i) {
      const Quad& f = split[i];
      for (int dir = 0; dir < 2; ++dir) {
        EvalQuery q;
        q.query = dir == 0 ? Query{f.subject, f.relation, f.time} : Query{f.object, f.relation + num_relations, f.time};
        q.answer = dir == 0 ? f.object : f.subject;
        for (int32_t e : answers[key(q.query.subject, q.query.relation)])
          if (e != q.answer) q.filtered.push_back(e);
        queries.push_back(std::move(q));
      }
    }
    begin = end;
  }
  return queries;
}

double FairRank(std::span<const Candidate> candidates, int32_t answer, std::span<const int32_t> filtered,
                int32_t num_entities) {
  // `filtered` is tiny (a handful of same-day answers): linear scans beat hashing.
  auto is_filtered = [&](int32_t e) { return std::find(filtered.begin(), filtered.end(), e) != filtered.end(); };
  bool answer_listed = false;
  double answer_score = 0;
  for (const Candidate& c : candidates) {
    if (c.entity == answer) {
      answer_listed = true;
      answer_score = c.score;
      break;
    }
  }
  int64_t higher = 0, equal = 0, listed_kept = 0, filtered_listed = 0;
  for (const Candidate& c : candidates) {
    if (c.entity == answer) continue;
    if (is_filtered(c.entity)) {
      ++filtered_listed;
      continue;
    }
    ++listed_kept;
    if (!answer_listed || c.score > answer_score) {
      ++higher;
    } else if (c.score == answer_score) {
      ++equal;
    }
  }
  if (!answer_listed) {
    int64_t filtered_unlisted = 0;
    for (int32_t e : filtered) filtered_unlisted += e != answer;
    filtered_unlisted -= filtered_listed;
    equal = static_cast<int64_t>(num_entities) - 1 - listed_kept - filtered_listed - filtered_unlisted;
  }
  return 1.0 + static_cast<double>(higher) + static_cast<double>(equal) / 2.0;
}

Metrics Summarize(std::span<const double> ranks) {
  Metrics m;
  m.queries = static_cast<int64_t>(ranks.size());
  if (ranks.empty()) return m;
  for (double r : ranks) {
    m.mrr += 1.0 / r;
    m.hits1 += r <= 1.0;
    m.hits3 += r <= 3.0;
    m.hits10 += r <= 10.0;
  }
  double scale = 100.0 / static_cast<double>(ranks.size());
  m.mrr *= scale;
  m.hits1 *= scale;
  m.hits3 *= scale;
  m.hits10 *= scale;
  return m;
}

void ParallelFor(int64_t n, int threads, const std::function<void(int64_t, int)>& fn) {
  if (threads <= 1 || n < 2) {
    for (int64_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  // Interleaved striping balances days whose queries differ in cost.
  std::vector<std::thread> pool;
  for (int w = 0; w < threads; ++w)
    pool.emplace_back([&, w] {
      for (int64_t i = w; i < n; i += threads) fn(i, w);
    });
  for (auto& t : pool) t.join();
}

void WalkSingleStep(History* history, const std::vector<Quad>& split, const std::vector<EvalQuery>& queries,
                    const std::function<void(const History&, size_t, size_t)>& visit) {
  size_t q = 0, f = 0;
  while (f < split.size()) {
    int32_t t = split[f].time;
    size_t q_end = q;
    while (q_end < queries.size() && queries[q_end].query.time == t) ++q_end;
    visit(*history, q, q_end);
    while (f < split.size() && split[f].time == t) history->Add(split[f++]);
    q = q_end;
  }
}

std::vector<double> EvaluateSplit(Forecaster& model, History* history, const std::vector<Quad>& split,
                                  const EvalOptions& options) {
  std::vector<EvalQuery> queries = BuildQueries(split, history->num_relations());
  std::vector<double> ranks(queries.size(), 0.0);
  int threads = std::max(1, options.threads);
  std::vector<std::vector<Candidate>> buffers(threads);
  WalkSingleStep(history, split, queries, [&](const History& h, size_t first, size_t last) {
    if (first < last) model.BeginDay(h, queries[first].query.time);
    ParallelFor(static_cast<int64_t>(last - first), threads, [&](int64_t i, int w) {
      const EvalQuery& q = queries[first + i];
      model.Score(h, q.query, &buffers[w]);
      ranks[first + i] = FairRank(buffers[w], q.answer, q.filtered, h.num_entities());
    });
  });
  return ranks;
}

}  // namespace dyad::forecast
