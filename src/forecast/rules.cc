#include "forecast/rules.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace dyad::forecast {
namespace {

// Recency bucket lower bounds (days ago).
constexpr int32_t kRecencyLo[CountedRules::kRecencyBuckets] = {1, 2, 3, 4, 6, 9, 15, 31, 61};

}  // namespace

int CountedRules::RecencyBucket(int32_t days_ago) {
  int b = 0;
  while (b + 1 < kRecencyBuckets && days_ago >= kRecencyLo[b + 1]) ++b;
  return b;
}

int CountedRules::CountBucket(int32_t days) {
  if (days <= 1) return 0;
  if (days == 2) return 1;
  if (days <= 4) return 2;
  if (days <= 8) return 3;
  if (days <= 16) return 4;
  return 5;
}

CountedRules CountedRules::Learn(const std::vector<Quad>& facts, int32_t num_relations, int32_t last_day,
                                 const RuleLearnOptions& options) {
  CountedRules rules;
  const int32_t nr2 = 2 * num_relations;
  rules.nr2_ = nr2;
  // (pair, day, relation), both directions, one entry per distinct triple.
  struct Obs {
    uint64_t pair;
    int32_t day;
    int32_t rel;
  };
  std::vector<Obs> obs;
  obs.reserve(2 * facts.size());
  auto pair_key = [](int32_t x, int32_t y) { return (static_cast<uint64_t>(x) << 32) | static_cast<uint32_t>(y); };
  for (const Quad& f : facts) {
    if (f.time > last_day) continue;
    obs.push_back({pair_key(f.subject, f.object), f.time, f.relation});
    obs.push_back({pair_key(f.object, f.subject), f.time, f.relation + num_relations});
  }
  std::sort(obs.begin(), obs.end(),
            [](const Obs& a, const Obs& b) { return std::tie(a.pair, a.day, a.rel) < std::tie(b.pair, b.day, b.rel); });
  obs.erase(std::unique(obs.begin(), obs.end(),
                        [](const Obs& a, const Obs& b) { return a.pair == b.pair && a.day == b.day && a.rel == b.rel; }),
            obs.end());

  rules.head_total_.assign(nr2, 0.0);
  rules.head_pair_known_.assign(nr2, 0.0);
  rules.head_fact_known_.assign(nr2, 0.0);
  std::vector<uint32_t> num(static_cast<size_t>(nr2) * nr2 * kCells, 0);
  std::vector<double> den(static_cast<size_t>(nr2) * kCells, 0.0);
  struct State {
    int32_t rel, days, last;
  };
  std::vector<State> state;
  std::vector<int32_t> heads;
  size_t i = 0;
  while (i < obs.size()) {
    size_t pair_end = i;
    while (pair_end < obs.size() && obs[pair_end].pair == obs[i].pair) ++pair_end;
    state.clear();
    size_t d = i;
    while (d < pair_end) {
      size_t day_end = d;
      heads.clear();
      while (day_end < pair_end && obs[day_end].day == obs[d].day) heads.push_back(obs[day_end++].rel);
      const int32_t day = obs[d].day;
      for (int32_t h : heads) {
        rules.head_total_[h] += 1;
        if (!state.empty()) rules.head_pair_known_[h] += 1;
        if (std::any_of(state.begin(), state.end(), [h](const State& s) { return s.rel == h; }))
          rules.head_fact_known_[h] += 1;
      }
      for (const State& s : state) {
        int cell = Cell(day - s.last, s.days);
        uint32_t* row = &num[(static_cast<size_t>(s.rel) * nr2) * kCells + cell];
        for (int32_t h : heads) row[static_cast<size_t>(h) * kCells] += 1;
      }
      for (int32_t h : heads) {
        auto it = std::find_if(state.begin(), state.end(), [h](const State& s) { return s.rel == h; });
        if (it == state.end()) {
          state.push_back({h, 0, day});
          it = state.end() - 1;
        } else {
          // Days (last, day] saw b last at `last` with `days` occurrences.
          int32_t gap = day - it->last;
          for (int rb = 0; rb < kRecencyBuckets; ++rb) {
            int32_t lo = kRecencyLo[rb], hi = rb + 1 < kRecencyBuckets ? kRecencyLo[rb + 1] - 1 : INT32_MAX;
            int32_t n = std::min(hi, gap) - lo + 1;
            if (n > 0) den[static_cast<size_t>(h) * kCells + rb * kCountBuckets + CountBucket(it->days)] += n;
          }
        }
        it->days += 1;
        it->last = day;
      }
      d = day_end;
    }
    // The open interval after each relation's last day, up to the end of learning.
    for (const State& s : state) {
      int32_t gap = last_day - s.last;
      for (int rb = 0; rb < kRecencyBuckets; ++rb) {
        int32_t lo = kRecencyLo[rb], hi = rb + 1 < kRecencyBuckets ? kRecencyLo[rb + 1] - 1 : INT32_MAX;
        int32_t n = std::min(hi, gap) - lo + 1;
        if (n > 0) den[static_cast<size_t>(s.rel) * kCells + rb * kCountBuckets + CountBucket(s.days)] += n;
      }
    }
    i = pair_end;
  }

  rules.support_ = den;
  rules.conf_.assign(num.size(), 0.0f);
  rules.pooled_.assign(static_cast<size_t>(nr2) * nr2, 0.0f);
  for (int32_t b = 0; b < nr2; ++b) {
    double den_all = 0;
    for (int c = 0; c < kCells; ++c) den_all += den[static_cast<size_t>(b) * kCells + c];
    if (den_all == 0) continue;
    for (int32_t h = 0; h < nr2; ++h) {
      const size_t base = (static_cast<size_t>(b) * nr2 + h) * kCells;
      double num_all = 0;
      for (int c = 0; c < kCells; ++c) num_all += num[base + c];
      if (num_all == 0) continue;
      double pooled = num_all / (den_all + options.pooled_smoothing);
      rules.pooled_[static_cast<size_t>(b) * nr2 + h] = static_cast<float>(pooled);
      for (int c = 0; c < kCells; ++c) {
        double dn = den[static_cast<size_t>(b) * kCells + c];
        rules.conf_[(static_cast<size_t>(h) * nr2 + b) * kCells + c] =
            static_cast<float>((num[base + c] + options.smoothing * pooled) / (dn + options.smoothing));
      }
    }
  }
  return rules;
}

std::vector<std::string> CountedRules::TopRules(int k, const std::vector<std::string>& relation_names) const {
  std::vector<std::tuple<float, int32_t, int32_t>> all;
  for (int32_t b = 0; b < nr2_; ++b)
    for (int32_t h = 0; h < nr2_; ++h)
      if (b != h && pooled_[static_cast<size_t>(b) * nr2_ + h] > 0)
        all.emplace_back(pooled_[static_cast<size_t>(b) * nr2_ + h], b, h);
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  const int32_t nr = nr2_ / 2;
  auto name = [&](int32_t r) {
    std::string base = r % nr < static_cast<int32_t>(relation_names.size()) ? relation_names[r % nr] : std::to_string(r % nr);
    return r >= nr ? "inverse(" + base + ")" : base;
  };
  std::vector<std::string> lines;
  for (int i = 0; i < k && i < static_cast<int>(all.size()); ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f  ", std::get<0>(all[i]));
    lines.push_back(buf + name(std::get<1>(all[i])) + "(X,Y) => " + name(std::get<2>(all[i])) + "(X,Y)");
  }
  return lines;
}

}  // namespace dyad::forecast
