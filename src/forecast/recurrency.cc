#include "forecast/recurrency.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "forecast/evaluate.h"

namespace dyad::forecast {
namespace {

// Sum of 2^(lambda * (u - now)) for raw times u in [first, last), in closed form.
double Normaliser(double lambda, double first, double last, double now) {
  if (last <= first) return 1e-15;
  double n = last - first;
  double z;
  if (lambda == 0) {
    z = n;
  } else {
    // 2^(l(first-now)) * (2^(l n) - 1) / (2^l - 1)
    z = std::exp2(lambda * (first - now)) * std::expm1(lambda * n * std::log(2.0)) / std::expm1(lambda * std::log(2.0));
  }
  return std::max(z, 1e-15);
}

}  // namespace

RecurrencyBaseline::RecurrencyBaseline(int32_t num_relations, int32_t time_step)
    : num_relations_(num_relations), time_step_(time_step), params_(2 * num_relations) {}

void RecurrencyBaseline::ScorePsi(const History& history, const Query& query, double lambda,
                                  std::vector<Candidate>* out) const {
  out->clear();
  auto past = history.OfSubjectRelation(query.subject, query.relation);
  if (past.empty()) return;
  double now = static_cast<double>(query.time) * time_step_;
  double z = Normaliser(lambda, static_cast<double>(history.RelationMinTime(query.relation)) * time_step_,
                        static_cast<double>(history.RelationMaxTime(query.relation)) * time_step_, now);
  std::unordered_map<int32_t, size_t> slot;
  for (const TimedObject& p : past) {
    double w = std::exp2(lambda * (static_cast<double>(p.time) * time_step_ - now)) / z;
    auto [it, inserted] = slot.try_emplace(p.object, out->size());
    if (inserted) out->push_back({p.object, 0.0});
    (*out)[it->second].score += w;
  }
}

void RecurrencyBaseline::Score(const History& history, const Query& query, std::vector<Candidate>* out) const {
  const RecurrencyParams& p = params_[query.relation];
  ScorePsi(history, query, p.lambda, out);
  for (Candidate& c : *out) c.score *= p.alpha;
  if (p.alpha < 1.0) {
    double total = static_cast<double>(history.RelationCount(query.relation));
    std::unordered_map<int32_t, size_t> slot;
    for (size_t i = 0; i < out->size(); ++i) slot[(*out)[i].entity] = i;
    for (auto [object, count] : history.ObjectCounts(query.relation)) {
      double xi = (1.0 - p.alpha) * count / total;
      auto it = slot.find(object);
      if (it != slot.end()) {
        (*out)[it->second].score += xi;
      } else {
        out->push_back({object, xi});
      }
    }
  }
  // Scores that underflowed tie with the unlisted entities, as in the reference.
  std::erase_if(*out, [](const Candidate& c) { return !(c.score > 0); });
}

void RecurrencyBaseline::Tune(History* history, const std::vector<Quad>& valid, const RecurrencyTuneOptions& options) {
  const int threads = std::max(1, options.threads);
  std::vector<EvalQuery> queries = BuildQueries(valid, num_relations_);
  const size_t nl = options.lambdas.size(), na = options.alphas.size();
  History start = *history;

  // Pass 1: psi alone, every lambda.
  std::vector<double> rr_lambda(queries.size() * nl, 0.0);
  std::vector<std::vector<Candidate>> buf(threads);
  WalkSingleStep(history, valid, queries, [&](const History& h, size_t first, size_t last) {
    ParallelFor(static_cast<int64_t>(last - first), threads, [&](int64_t i, int w) {
      const EvalQuery& q = queries[first + i];
      for (size_t k = 0; k < nl; ++k) {
        ScorePsi(h, q.query, options.lambdas[k] , &buf[w]);
        std::erase_if(buf[w], [](const Candidate& c) { return !(c.score > 0); });
        rr_lambda[(first + i) * nl + k] = 1.0 / FairRank(buf[w], q.answer, q.filtered, h.num_entities());
      }
    });
  });
  const int32_t nr2 = 2 * num_relations_;
  std::vector<std::vector<double>> sum_l(nr2, std::vector<double>(nl, 0.0));
  std::vector<int64_t> count(nr2, 0);
  for (size_t i = 0; i < queries.size(); ++i) {
    ++count[queries[i].query.relation];
    for (size_t k = 0; k < nl; ++k) sum_l[queries[i].query.relation][k] += rr_lambda[i * nl + k];
  }
  for (int32_t r = 0; r < nr2; ++r) {
    if (count[r] == 0) continue;
    double best = 0;
    params_[r].lambda = 0;
    for (size_t k = 0; k < nl; ++k)
      if (sum_l[r][k] > best) {
        best = sum_l[r][k];
        params_[r].lambda = options.lambdas[k];
      }
  }

  // Pass 2: every alpha with the chosen lambda.
  History h2 = start;
  std::vector<double> rr_alpha(queries.size() * na, 0.0);
  std::vector<std::vector<Candidate>> psi_buf(threads);
  WalkSingleStep(&h2, valid, queries, [&](const History& h, size_t first, size_t last) {
    ParallelFor(static_cast<int64_t>(last - first), threads, [&](int64_t i, int w) {
      const EvalQuery& q = queries[first + i];
      const int32_t r = q.query.relation;
      ScorePsi(h, q.query, params_[r].lambda, &psi_buf[w]);
      std::unordered_map<int32_t, double> psi;
      for (const Candidate& c : psi_buf[w]) psi[c.entity] = c.score;
      double total = static_cast<double>(h.RelationCount(r));
      for (size_t k = 0; k < na; ++k) {
        double alpha = options.alphas[k];
        auto& out = buf[w];
        out.clear();
        for (auto [object, cnt] : h.ObjectCounts(r)) {
          auto it = psi.find(object);
          double s = (1.0 - alpha) * cnt / total + (it == psi.end() ? 0.0 : alpha * it->second);
          if (s > 0) out.push_back({object, s});
        }
        rr_alpha[(first + i) * na + k] = 1.0 / FairRank(out, q.answer, q.filtered, h.num_entities());
      }
    });
  });
  std::vector<std::vector<double>> sum_a(nr2, std::vector<double>(na, 0.0));
  for (size_t i = 0; i < queries.size(); ++i)
    for (size_t k = 0; k < na; ++k) sum_a[queries[i].query.relation][k] += rr_alpha[i * na + k];
  for (int32_t r = 0; r < nr2; ++r) {
    if (count[r] == 0) continue;
    double best = 0;
    params_[r].alpha = 0;
    for (size_t k = 0; k < na; ++k)
      if (sum_a[r][k] > best) {
        best = sum_a[r][k];
        params_[r].alpha = options.alphas[k];
      }
  }
}

}  // namespace dyad::forecast
