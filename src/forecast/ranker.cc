#include "forecast/ranker.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "forecast/evaluate.h"

namespace dyad::forecast {
namespace {

constexpr double kTopOffset = 1e6;  // puts re-scored candidates above the stage-1 rest

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

float RankerNet::Forward(const float* raw, int32_t relation, float* scratch) const {
  float* x = scratch;
  float* z = scratch + inputs;
  for (int i = 0; i < inputs; ++i) x[i] = (raw[i] - mean[i]) * inv_std[i];
  const float* w1 = params.data();
  const float* b1 = w1 + hidden * inputs;
  const float* w2 = b1 + hidden;
  const float* ws = w2 + hidden;
  const float* rb = ws + inputs + static_cast<size_t>(relation) * hidden;
  // W1 is stored input-major so that the inner loops run over hidden units (vectorisable).
  for (int j = 0; j < hidden; ++j) z[j] = b1[j] + rb[j];
  for (int i = 0; i < inputs; ++i) {
    const float xi = x[i];
    const float* col = w1 + static_cast<size_t>(i) * hidden;
    for (int j = 0; j < hidden; ++j) z[j] += col[j] * xi;
  }
  float y = 0;
  for (int j = 0; j < hidden; ++j) {
    z[j] = z[j] > 0 ? z[j] : 0;
    y += w2[j] * z[j];
  }
  for (int i = 0; i < inputs; ++i) y += ws[i] * x[i];
  return y;
}

RankerForecaster::RankerForecaster(int32_t num_entities, int32_t num_relations, const CountedRules* rules,
                                   RankerOptions options)
    : num_entities_(num_entities),
      num_relations_(num_relations),
      rules_(rules),
      options_(options),
      index_(num_entities, num_relations),
      popular_(2 * num_relations) {}

void RankerForecaster::BeginDay(const History& history, int32_t time) {
  index_.Sync(history);
  if (neighbours_.size() != static_cast<size_t>(num_entities_) || index_.generation() != neighbours_generation_) {
    neighbours_.assign(num_entities_, {});
    neighbours_edges_.assign(num_entities_, 0);
  }
  neighbours_generation_ = index_.generation();
  const size_t m = static_cast<size_t>(std::max(0, options_.neighbours));
  std::vector<std::pair<int32_t, float>> all;
  for (int32_t e = 0; e < num_entities_; ++e) {
    size_t edges = history.OfSubject(e).size();
    if (edges == neighbours_edges_[e]) continue;
    neighbours_edges_[e] = edges;
    all.clear();
    double total = 0;
    for (const PairAgg& p : index_.Pairs(e)) {
      double w = p.DecayAt(2, time);
      total += w;
      all.emplace_back(p.object, static_cast<float>(w));
    }
    size_t k = std::min(m, all.size());
    std::partial_sort(all.begin(), all.begin() + k, all.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    auto& list = neighbours_[e];
    list.assign(all.begin(), all.begin() + k);
    for (auto& [o, w] : list) w = total > 0 ? static_cast<float>(w / total) : 0.0f;
  }
  std::vector<std::pair<int32_t, double>> objects;
  const size_t k = static_cast<size_t>(std::max(0, options_.popular_k));
  auto better = [](const std::pair<int32_t, double>& a, const std::pair<int32_t, double>& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  for (int32_t r = 0; r < 2 * num_relations_; ++r) {
    auto& list = popular_[r];
    list.clear();
    index_.RecentObjects(r, time, &objects);
    size_t n = std::min(k, objects.size());
    std::partial_sort(objects.begin(), objects.begin() + n, objects.end(), better);
    for (size_t i = 0; i < n; ++i) list.push_back(objects[i].first);
    objects.clear();
    for (auto [o, c] : history.ObjectCounts(r)) objects.emplace_back(o, static_cast<double>(c));
    n = std::min(k, objects.size());
    std::partial_sort(objects.begin(), objects.begin() + n, objects.end(), better);
    for (size_t i = 0; i < n; ++i)
      if (std::find(list.begin(), list.end(), objects[i].first) == list.end()) list.push_back(objects[i].first);
  }
}

void RankerForecaster::Stage1(const History& history, const Query& query, std::vector<Row>* rows) const {
  rows->clear();
  const double total = static_cast<double>(std::max<int64_t>(1, history.RelationCount(query.relation)));
  const double w = options_.free_object_weight;
  auto prior = [&](int32_t o) { return w * history.ObjectCount(query.relation, o) / total; };
  // Two-hop path weights s -> z -> o over the strongest neighbours.
  std::unordered_map<int32_t, double> two_hop;
  const auto& via = neighbours_[query.subject];
  for (const auto& [z, wz] : via)
    for (const auto& [o, wo] : neighbours_[z])
      if (o != query.subject) two_hop[o] += static_cast<double>(wz) * wo;
  auto hop = [&](int32_t o) {
    auto it = two_hop.find(o);
    return it == two_hop.end() ? 0.0 : it->second;
  };
  for (const PairAgg& p : index_.Pairs(query.subject)) {
    double miss = 1.0;
    for (const RelAgg& b : p.rels)
      miss *= 1.0 - rules_->Confidence(b.relation, query.relation, CountedRules::Cell(query.time - b.last, b.days));
    rows->push_back({p.object, &p, 1.0 - miss * (1.0 - prior(p.object)), hop(p.object)});
  }
  // Entities the subject never met: common objects of the relation, and the
  // neighbours of its strongest neighbours.
  std::unordered_map<int32_t, bool> added;
  auto add_unmet = [&](int32_t o) {
    if (o == query.subject || index_.Find(query.subject, o) != nullptr || !added.emplace(o, true).second) return;
    double h = hop(o);
    rows->push_back({o, nullptr, 1.0 - (1.0 - prior(o)) * (1.0 - options_.two_hop_weight * h), h});
  };
  for (int32_t o : popular_[query.relation]) add_unmet(o);
  for (size_t i = 0; i < via.size() && static_cast<int>(i) < options_.two_hop_via; ++i)
    for (const auto& [o, wo] : neighbours_[via[i].first]) add_unmet(o);
  std::sort(rows->begin(), rows->end(), [](const Row& a, const Row& b) {
    return a.stage1 != b.stage1 ? a.stage1 > b.stage1 : a.entity < b.entity;
  });
}

void RankerForecaster::Features(const History& history, const Query& query, const std::vector<Row>& rows, size_t n,
                                float* out) const {
  const int32_t t = query.time;
  const int32_t r = query.relation;
  const int32_t r_inv = r < num_relations_ ? r + num_relations_ : r - num_relations_;
  const double total = static_cast<double>(std::max<int64_t>(1, history.RelationCount(r)));
  // Query features, shared by all candidates.
  int exact_objects = 0;
  int32_t last_exact = -1;
  for (const PairAgg& p : index_.Pairs(query.subject))
    if (const RelAgg* ra = p.Rel(r)) {
      ++exact_objects;
      last_exact = std::max(last_exact, ra->last);
    }
  const float q_last_exact = last_exact < 0 ? 0.0f : 1.0f / static_cast<float>(t - last_exact);
  // Ranks among the re-scored candidates by pair recency, exact and pair recency-weighted counts.
  std::vector<float> key_last(n), key_exact(n), key_pair(n);
  for (size_t c = 0; c < n; ++c) {
    const PairAgg* pa = rows[c].pair;
    const RelAgg* ra = pa != nullptr ? pa->Rel(r) : nullptr;
    key_last[c] = pa != nullptr ? static_cast<float>(pa->last) : -1e9f;
    key_exact[c] = ra != nullptr ? static_cast<float>(ra->DecayAt(1, t)) : 0.0f;
    key_pair[c] = pa != nullptr ? static_cast<float>(pa->DecayAt(2, t)) : 0.0f;
  }
  std::unordered_map<int32_t, double> subject_share;
  for (const auto& [z, w] : neighbours_[query.subject]) subject_share[z] = w;
  auto rank_of = [n](const std::vector<float>& key, size_t c) {
    size_t above = 0;
    for (size_t j = 0; j < n; ++j) above += key[j] > key[c];
    return std::log1p(static_cast<float>(above));
  };
  const float q_exact = std::log1p(static_cast<float>(exact_objects));
  const float q_pairs = std::log1p(static_cast<float>(index_.Pairs(query.subject).size()));
  const float q_activity = std::log1p(static_cast<float>(index_.RecentDegree(query.subject, t)));
  const float q_relation = std::log1p(static_cast<float>(total)) / 10.0f;
  const float q_pair_known = static_cast<float>(rules_->PairKnownShare(r));
  const float q_fact_known = static_cast<float>(rules_->FactKnownShare(r));
  for (size_t c = 0; c < n; ++c) {
    float* x = out + c * kFeatures;
    std::fill(x, x + kFeatures, 0.0f);
    const Row& row = rows[c];
    const PairAgg* pa = row.pair;
    if (pa != nullptr) {
      const RelAgg* ra = pa->Rel(r);
      if (ra != nullptr) {
        x[0] = 1;
        x[1] = std::log1p(static_cast<float>(ra->days));
        x[2] = 1.0f / static_cast<float>(t - ra->last);
        x[3] = std::log1p(static_cast<float>(t - ra->last)) / 6.0f;
      } else {
        x[3] = 1.0f;
      }
      double miss_other = 1.0, max_other = 0, sum_other = 0, conf_rec = 0;
      for (const RelAgg& b : pa->rels) {
        double conf = rules_->Confidence(b.relation, r, CountedRules::Cell(t - b.last, b.days));
        if (b.relation == r) {
          conf_rec = conf;
        } else {
          miss_other *= 1.0 - conf;
          max_other = std::max(max_other, conf);
          sum_other += conf;
        }
      }
      x[4] = static_cast<float>(conf_rec);
      x[5] = static_cast<float>(1.0 - miss_other);
      x[6] = static_cast<float>(max_other);
      x[7] = static_cast<float>(std::log1p(sum_other));
      x[8] = static_cast<float>(1.0 - (1.0 - conf_rec) * miss_other);
      x[9] = 1;
      x[10] = std::log1p(static_cast<float>(pa->days));
      x[11] = 1.0f / static_cast<float>(t - pa->last);
      for (size_t k = 0; k < kPairHalfLives.size(); ++k) x[12 + k] = static_cast<float>(std::log1p(pa->DecayAt(k, t)));
      x[19] = std::log1p(static_cast<float>(pa->rels.size()));
      if (const RelAgg* inv = pa->Rel(r_inv)) x[20] = 1.0f / static_cast<float>(t - inv->last);
    } else {
      x[3] = 1.0f;
    }
    x[16] = static_cast<float>(std::log(history.ObjectCount(r, row.entity) / total + 1e-7));
    x[17] = static_cast<float>(std::log(index_.RecentObjectShare(r, row.entity, t) + 1e-7));
    x[18] = static_cast<float>(std::log1p(index_.RecentDegree(row.entity, t)));
    x[21] = q_exact;
    x[22] = q_pairs;
    x[23] = q_activity;
    x[24] = q_relation;
    x[25] = std::log1p(static_cast<float>(c));
    x[26] = q_pair_known;
    x[27] = q_fact_known;
    if (pa != nullptr)
      if (const RelAgg* ra = pa->Rel(r)) {
        x[28] = static_cast<float>(std::log1p(ra->DecayAt(0, t)));
        x[29] = static_cast<float>(std::log1p(ra->DecayAt(1, t)));
      }
    x[30] = q_last_exact;
    x[31] = rank_of(key_last, c);
    x[32] = rank_of(key_exact, c);
    x[33] = rank_of(key_pair, c);
    // Shared strong neighbours of subject and candidate, and the two-hop path weight.
    double shared = 0;
    int shared_n = 0;
    for (const auto& [z, wo] : neighbours_[row.entity]) {
      auto it = subject_share.find(z);
      if (it != subject_share.end()) {
        shared += it->second * wo;
        ++shared_n;
      }
    }
    x[34] = static_cast<float>(std::log1p(100.0 * shared));
    x[35] = static_cast<float>(std::log1p(100.0 * row.two_hop));
    x[36] = std::log1p(static_cast<float>(shared_n));
  }
}

void RankerForecaster::Score(const History& history, const Query& query, std::vector<Candidate>* out) const {
  out->clear();
  std::vector<Row> rows;
  Stage1(history, query, &rows);
  size_t n = std::min(rows.size(), static_cast<size_t>(options_.top_k));
  std::vector<float> feats(n * kFeatures);
  Features(history, query, rows, n, feats.data());
  std::vector<float> scratch(kFeatures + options_.hidden);
  out->reserve(rows.size());
  for (size_t c = 0; c < rows.size(); ++c) {
    double s = rows[c].stage1;
    if (c < n) {
      s = kTopOffset;
      for (const RankerNet& net : nets_) s += net.Forward(&feats[c * kFeatures], query.relation, scratch.data());
    }
    out->push_back({rows[c].entity, s});
  }
}

namespace {

struct Sample {
  int64_t offset = 0;      // first feature row
  int32_t n = 0;           // candidate rows
  int32_t answer = -1;     // row of the answer, -1 when outside the re-scored set
  double outside_rank = 0; // the answer's rank when answer == -1
  int32_t time = 0;
  bool heldout_part = false;  // from the segment whose last days are held out
  int32_t relation = 0;
};

struct SampleSet {
  std::vector<Sample> samples;
  std::vector<float> features;   // rows of kFeatures
  std::vector<uint8_t> filtered; // per row: another true answer, left out of loss and rank
};

// Rank of the answer of `s` under the mean score of `nets`.
double SampleRank(const std::vector<RankerNet>& nets, const SampleSet& set, const Sample& s, int features,
                  std::vector<float>* y, std::vector<float>* scratch) {
  if (s.answer < 0) return s.outside_rank;
  y->assign(s.n, 0.0f);
  for (const RankerNet& net : nets)
    for (int c = 0; c < s.n; ++c)
      (*y)[c] += net.Forward(&set.features[(s.offset + c) * features], s.relation, scratch->data());
  double higher = 0, equal = 0;
  float ya = (*y)[s.answer];
  for (int c = 0; c < s.n; ++c) {
    if (c == s.answer || set.filtered[s.offset + c]) continue;
    higher += (*y)[c] > ya;
    equal += (*y)[c] == ya;
  }
  return 1.0 + higher + equal / 2.0;
}

void TrainNet(RankerNet* net, const SampleSet& set, const std::vector<size_t>& train, const RankerOptions& o,
              int features, int relations) {
  const int H = o.hidden, D = features;
  net->inputs = D;
  net->hidden = H;
  net->relations = relations;
  // Standardise on the training rows.
  net->mean.assign(D, 0.0f);
  net->inv_std.assign(D, 1.0f);
  std::vector<double> sum(D, 0.0), sq(D, 0.0);
  double rows = 0;
  for (size_t i : train) {
    const Sample& s = set.samples[i];
    for (int c = 0; c < s.n; ++c) {
      const float* x = &set.features[(s.offset + c) * D];
      for (int k = 0; k < D; ++k) {
        sum[k] += x[k];
        sq[k] += static_cast<double>(x[k]) * x[k];
      }
      rows += 1;
    }
  }
  if (rows > 0)
    for (int k = 0; k < D; ++k) {
      double m = sum[k] / rows, v = sq[k] / rows - m * m;
      net->mean[k] = static_cast<float>(m);
      net->inv_std[k] = static_cast<float>(v > 1e-12 ? 1.0 / std::sqrt(v) : 1.0);
    }
  const size_t P = static_cast<size_t>(H) * D + 2 * H + D + static_cast<size_t>(relations) * H;
  net->params.assign(P, 0.0f);
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<float> init(0.0f, 1.0f / std::sqrt(static_cast<float>(D)));
  for (size_t k = 0; k < static_cast<size_t>(H) * D; ++k) net->params[k] = init(rng);
  float* w2_init = net->params.data() + static_cast<size_t>(H) * D + H;
  for (int j = 0; j < H; ++j) w2_init[j] = init(rng) * 0.1f;

  std::vector<size_t> order;
  for (size_t i : train)
    if (set.samples[i].answer >= 0) order.push_back(i);
  std::vector<double> m(P, 0.0), v(P, 0.0);
  const int threads = std::max(1, o.threads);
  std::vector<std::vector<float>> grads(threads, std::vector<float>(P));
  int64_t step = 0;
  const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t start = 0; start < order.size(); start += o.batch) {
      size_t end = std::min(order.size(), start + static_cast<size_t>(o.batch));
      for (auto& g : grads) std::fill(g.begin(), g.end(), 0.0f);
      // Each worker sums the gradients of a fixed stripe of the batch: deterministic.
      ParallelFor(threads, threads, [&](int64_t w, int) {
        std::vector<float> y, dz(H);
        std::vector<float> zs;  // hidden activations per row
        std::vector<float> xs;
        auto& g = grads[w];
        const float* W1 = net->params.data();
        const float* B1 = W1 + static_cast<size_t>(H) * D;
        const float* W2 = B1 + H;
        const float* WS = W2 + H;
        for (size_t q = start + w; q < end; q += threads) {
          const Sample& s = set.samples[order[q]];
          const float* RB = WS + D + static_cast<size_t>(s.relation) * H;
          y.assign(s.n, 0.0f);
          zs.assign(static_cast<size_t>(s.n) * H, 0.0f);
          xs.assign(static_cast<size_t>(s.n) * D, 0.0f);
          for (int c = 0; c < s.n; ++c) {
            const float* raw = &set.features[(s.offset + c) * D];
            float* xc = &xs[static_cast<size_t>(c) * D];
            for (int k = 0; k < D; ++k) xc[k] = (raw[k] - net->mean[k]) * net->inv_std[k];
            float* zc = &zs[static_cast<size_t>(c) * H];
            for (int j = 0; j < H; ++j) zc[j] = B1[j] + RB[j];
            for (int k = 0; k < D; ++k) {
              const float xk = xc[k];
              const float* col = W1 + static_cast<size_t>(k) * H;
              for (int j = 0; j < H; ++j) zc[j] += col[j] * xk;
            }
            float out = 0;
            for (int j = 0; j < H; ++j) {
              zc[j] = zc[j] > 0 ? zc[j] : 0;
              out += W2[j] * zc[j];
            }
            for (int k = 0; k < D; ++k) out += WS[k] * xc[k];
            y[c] = out;
          }
          float ymax = -1e30f;
          for (int c = 0; c < s.n; ++c)
            if (c == s.answer || !set.filtered[s.offset + c]) ymax = std::max(ymax, y[c]);
          double zsum = 0;
          for (int c = 0; c < s.n; ++c)
            if (c == s.answer || !set.filtered[s.offset + c]) zsum += std::exp(y[c] - ymax);
          for (int c = 0; c < s.n; ++c) {
            if (c != s.answer && set.filtered[s.offset + c]) continue;
            double gc = std::exp(y[c] - ymax) / zsum - (c == s.answer ? 1.0 : 0.0);
            if (gc == 0) continue;
            const float* xc = &xs[static_cast<size_t>(c) * D];
            const float* zc = &zs[static_cast<size_t>(c) * H];
            float* gW1 = g.data();
            float* gB1 = gW1 + static_cast<size_t>(H) * D;
            float* gW2 = gB1 + H;
            float* gWS = gW2 + H;
            float* gRB = gWS + D + static_cast<size_t>(s.relation) * H;
            const float gf = static_cast<float>(gc);
            for (int k = 0; k < D; ++k) gWS[k] += gf * xc[k];
            for (int j = 0; j < H; ++j) {
              gW2[j] += gf * zc[j];
              dz[j] = zc[j] > 0 ? gf * W2[j] : 0.0f;
              gB1[j] += dz[j];
              gRB[j] += dz[j];
            }
            for (int k = 0; k < D; ++k) {
              const float xk = xc[k];
              float* col = gW1 + static_cast<size_t>(k) * H;
              for (int j = 0; j < H; ++j) col[j] += dz[j] * xk;
            }
          }
        }
      });
      ++step;
      const double scale = 1.0 / static_cast<double>(end - start);
      const double lr = o.learning_rate * std::sqrt(1 - std::pow(b2, step)) / (1 - std::pow(b1, step));
      for (size_t k = 0; k < P; ++k) {
        double gk = o.l2 * net->params[k];
        for (int w = 0; w < threads; ++w) gk += grads[w][k] * scale;
        m[k] = b1 * m[k] + (1 - b1) * gk;
        v[k] = b2 * v[k] + (1 - b2) * gk * gk;
        net->params[k] -= static_cast<float>(lr * m[k] / (std::sqrt(v[k]) + eps));
      }
    }
  }
}

}  // namespace

void RankerForecaster::Collect(History* history, const std::vector<Quad>& valid, uint64_t stream, bool heldout_part,
                               void* out_set) {
  SampleSet& set = *static_cast<SampleSet*>(out_set);
  const int threads = std::max(1, options_.threads);
  std::vector<EvalQuery> queries = BuildQueries(valid, num_relations_);
  const double keep =
      queries.size() <= static_cast<size_t>(options_.max_train_queries)
          ? 1.0
          : static_cast<double>(options_.max_train_queries) / static_cast<double>(queries.size());
  std::vector<uint8_t> chosen(queries.size());
  for (size_t i = 0; i < queries.size(); ++i)
    chosen[i] = static_cast<double>(SplitMix((options_.seed * 0x100000001b3ULL + stream) * 0x9e3779b97f4a7c15ULL + i) >> 11) * 0x1.0p-53 < keep;

  // Per query: features of its re-scored candidates, collected day by day.
  struct Collected {
    std::vector<float> features;
    std::vector<uint8_t> filtered;
    Sample sample;
    bool used = false;
  };
  std::vector<Collected> collected(queries.size());
  WalkSingleStep(history, valid, queries, [&](const History& h, size_t first, size_t last) {
    if (first < last) BeginDay(h, queries[first].query.time);
    ParallelFor(static_cast<int64_t>(last - first), threads, [&](int64_t i, int) {
      const size_t qi = first + i;
      if (!chosen[qi]) return;
      const EvalQuery& q = queries[qi];
      std::vector<Row> rows;
      Stage1(h, q.query, &rows);
      size_t n = std::min(rows.size(), static_cast<size_t>(options_.top_k));
      Collected& col = collected[qi];
      col.used = true;
      col.sample.time = q.query.time;
      col.sample.relation = q.query.relation;
      col.sample.n = static_cast<int32_t>(n);
      col.features.resize(n * kFeatures);
      Features(h, q.query, rows, n, col.features.data());
      col.filtered.resize(n);
      for (size_t c = 0; c < n; ++c) {
        col.filtered[c] = std::find(q.filtered.begin(), q.filtered.end(), rows[c].entity) != q.filtered.end();
        if (rows[c].entity == q.answer) col.sample.answer = static_cast<int32_t>(c);
      }
      if (col.sample.answer < 0) {
        // Outside the re-scored set: every kept re-scored candidate is above it.
        double above = 0;
        for (size_t c = 0; c < n; ++c) above += !col.filtered[c];
        std::vector<Candidate> rest;
        for (size_t c = n; c < rows.size(); ++c) rest.push_back({rows[c].entity, rows[c].stage1});
        std::vector<int32_t> filtered_rest;
        for (int32_t e : q.filtered)
          if (std::find_if(rows.begin(), rows.begin() + n, [e](const Row& r) { return r.entity == e; }) ==
              rows.begin() + n)
            filtered_rest.push_back(e);
        col.sample.outside_rank =
            above + FairRank(rest, q.answer, filtered_rest, h.num_entities() - static_cast<int32_t>(n));
      }
    });
    // Append the day in query order (deterministic) and free its buffers.
    for (size_t qi = first; qi < last; ++qi) {
      Collected& col = collected[qi];
      if (!col.used) continue;
      col.sample.offset = static_cast<int64_t>(set.filtered.size());
      col.sample.heldout_part = heldout_part;
      set.samples.push_back(col.sample);
      set.features.insert(set.features.end(), col.features.begin(), col.features.end());
      set.filtered.insert(set.filtered.end(), col.filtered.begin(), col.filtered.end());
      col = Collected();
    }
  });
}

std::vector<RankerNet> RankerForecaster::TrainEnsemble(const void* samples, const std::vector<size_t>& rows) const {
  const SampleSet& set = *static_cast<const SampleSet*>(samples);
  std::vector<RankerNet> nets(std::max(1, options_.ensemble));
  for (size_t k = 0; k < nets.size(); ++k) {
    RankerOptions o = options_;
    o.seed = options_.seed + 7919 * k;
    TrainNet(&nets[k], set, rows, o, kFeatures, 2 * num_relations_);
  }
  return nets;
}

RankerForecaster::FitReport RankerForecaster::Fit(std::span<const FitSegment> segments) {
  const int threads = std::max(1, options_.threads);
  SampleSet set;
  for (size_t k = 0; k < segments.size(); ++k) {
    rules_ = segments[k].rules;
    Collect(segments[k].history, *segments[k].split, k, k + 1 == segments.size(), &set);
  }
  const std::vector<Quad>& valid = *segments.back().split;
  FitReport report;
  report.samples = static_cast<int64_t>(set.samples.size());
  if (set.samples.empty()) return report;
  for (const Sample& s : set.samples) report.coverage += s.answer >= 0;
  report.coverage /= static_cast<double>(set.samples.size());
  // Hold out the last days of valid to measure, then train on everything.
  const int32_t first_day = valid.front().time, last_day = valid.back().time;
  const int32_t split_day =
      last_day - static_cast<int32_t>(std::floor((last_day - first_day + 1) * options_.heldout_fraction)) + 1;
  std::vector<size_t> early, late, all(set.samples.size());
  std::iota(all.begin(), all.end(), 0);
  for (size_t i = 0; i < set.samples.size(); ++i)
    (set.samples[i].heldout_part && set.samples[i].time >= split_day ? late : early).push_back(i);
  if (!early.empty() && !late.empty()) {
    std::vector<RankerNet> probe = TrainEnsemble(&set, early);
    std::vector<double> ranks(late.size());
    ParallelFor(static_cast<int64_t>(late.size()), threads, [&](int64_t i, int) {
      std::vector<float> y, scratch(kFeatures + options_.hidden);
      ranks[i] = SampleRank(probe, set, set.samples[late[i]], kFeatures, &y, &scratch);
    });
    report.heldout_mrr = Summarize(ranks).mrr;
    // Stage-1 order: the row index (rows are sorted by stage-1 score).
    for (size_t i = 0; i < late.size(); ++i) {
      const Sample& s = set.samples[late[i]];
      if (s.answer < 0) continue;
      double above = 0;
      for (int c = 0; c < s.answer; ++c) above += !set.filtered[s.offset + c];
      ranks[i] = 1.0 + above;
    }
    report.heldout_stage1_mrr = Summarize(ranks).mrr;
  }
  nets_ = TrainEnsemble(&set, all);
  return report;
}

}  // namespace dyad::forecast
