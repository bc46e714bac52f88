#include "forecast/bench.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>

#include "forecast/history.h"
#include "forecast/recurrency.h"
#include "forecast/ranker.h"
#include "forecast/rules.h"
#include "forecast/rules_model.h"
#include "forecast/tkg.h"

namespace dyad::forecast {
namespace {

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = CpuSeconds();
  static double CpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + 1e-6 * (u.ru_utime.tv_usec + u.ru_stime.tv_usec);
  }
  double WallSince() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double CpuSince() const { return CpuSeconds() - cpu; }
};

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

}  // namespace

std::vector<std::string> BenchModelNames() { return {"recurrency", "rules", "ranker"}; }

Result<BenchRow> RunBench(const std::string& dataset_dir, const std::string& model, const BenchOptions& options) {
  auto loaded = LoadTkgDataset(dataset_dir);
  if (!loaded.ok()) return loaded.status();
  const TkgDataset& d = *loaded;
  BenchRow row;
  row.dataset = d.name;
  row.model = model;
  EvalOptions eval;
  eval.threads = options.threads;

  Clock learn;
  History history(d.num_entities, d.num_relations);
  history.AddAll(d.train);
  std::unique_ptr<Forecaster> forecaster;
  CountedRules rules, rules_test, rules_tail;
  // Models whose knowledge is re-learned on train + valid before test.
  std::function<void()> before_test;
  double heldout_mrr = -1;
  // Before test, rules are learned again on train + valid.
  auto relearn_rules_for_test = [&](auto* forecaster_with_rules) -> std::function<void()> {
    return [&, forecaster_with_rules] {
      std::vector<Quad> all = d.train;
      all.insert(all.end(), d.valid.begin(), d.valid.end());
      rules_test = CountedRules::Learn(all, d.num_relations, d.valid.back().time);
      forecaster_with_rules->set_rules(&rules_test);
    };
  };
  if (model == "rules") {
    rules = CountedRules::Learn(d.train, d.num_relations, d.train.back().time);
    auto m = std::make_unique<RulesForecaster>(d.num_entities, d.num_relations, &rules);
    History before_valid = history;
    m->TuneFreeObjectWeight(&before_valid, d.valid, {0, 0.001, 0.01, 0.03, 0.1, 0.3, 1.0}, options.threads);
    RulesForecaster* raw = m.get();
    before_test = relearn_rules_for_test(raw);
    forecaster = std::move(m);
  } else if (model == "ranker") {
    rules = CountedRules::Learn(d.train, d.num_relations, d.train.back().time);
    RankerOptions ro = options.ranker;
    ro.seed = options.seed;
    ro.threads = options.threads;
    auto m = std::make_unique<RankerForecaster>(d.num_entities, d.num_relations, &rules, ro);
    // Extra training days: the end of train, answered with rules learned before it.
    std::vector<Quad> early_train, late_train;
    const int32_t cut = d.train.back().time - options.train_tail_days + 1;
    for (const Quad& q : d.train) (q.time < cut ? early_train : late_train).push_back(q);
    std::vector<RankerForecaster::FitSegment> segments;
    History tail_history(d.num_entities, d.num_relations);
    if (options.train_tail_days > 0 && !early_train.empty() && !late_train.empty()) {
      rules_tail = CountedRules::Learn(early_train, d.num_relations, early_train.back().time);
      tail_history.AddAll(early_train);
      segments.push_back({&tail_history, &late_train, &rules_tail});
    }
    segments.push_back({&history, &d.valid, &rules});
    auto report = m->Fit(segments);  // history now holds valid too
    heldout_mrr = report.heldout_mrr;
    row.notes = "heldout stage1 " + std::to_string(report.heldout_stage1_mrr) + " coverage " +
                std::to_string(report.coverage) + " samples " + std::to_string(report.samples);
    RankerForecaster* raw = m.get();
    before_test = relearn_rules_for_test(raw);
    forecaster = std::move(m);
  } else if (model == "recurrency") {
    auto m = std::make_unique<RecurrencyBaseline>(d.num_relations, d.time_step);
    History before_valid = history;
    RecurrencyTuneOptions tune;
    tune.threads = options.threads;
    m->Tune(&before_valid, d.valid, tune);
    forecaster = std::move(m);
  } else {
    return Status::InvalidArgument("unknown model '" + model + "'");
  }
  if (heldout_mrr >= 0) {
    // Trained on valid: report the held-out days' MRR, not an in-sample figure.
    row.valid.mrr = heldout_mrr;
  } else {
    // Valid figures with the final model (history = train, then valid day by day).
    row.valid = Summarize(EvaluateSplit(*forecaster, &history, d.valid, eval));
  }
  if (before_test) before_test();
  row.learn_wall_s = learn.WallSince();
  row.learn_cpu_s = learn.CpuSince();
  if (!options.valid_only) {
    Clock apply;
    row.test = Summarize(EvaluateSplit(*forecaster, &history, d.test, eval));
    row.apply_wall_s = apply.WallSince();
    row.apply_cpu_s = apply.CpuSince();
  }
  row.peak_rss_mb = PeakRssMb();
  return row;
}

std::string BenchHeader() {
  return "dataset   model                 valid_MRR  MRR    H@1    H@3    H@10   learn_s(wall/cpu)  apply_s(wall/cpu)  peak_MB\n";
}

std::string FormatBenchRow(const BenchRow& r) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-9s %-21s %6.2f     %5.2f  %5.2f  %5.2f  %5.2f  %7.1f/%-7.1f    %7.1f/%-7.1f    %7.0f\n",
                r.dataset.c_str(), r.model.c_str(), r.valid.mrr, r.test.mrr, r.test.hits1, r.test.hits3,
                r.test.hits10, r.learn_wall_s, r.learn_cpu_s, r.apply_wall_s, r.apply_cpu_s, r.peak_rss_mb);
  std::string line = buf;
  if (!r.notes.empty()) line += "  # " + r.notes + "\n";
  return line;
}

}  // namespace dyad::forecast
