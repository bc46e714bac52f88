// The benchmark harness behind `dyad forecast bench`: learn a model on train,
// tune it on valid, apply it to test once, and measure it.
#ifndef DYAD_FORECAST_BENCH_H_
#define DYAD_FORECAST_BENCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/status.h"
#include "forecast/evaluate.h"
#include "forecast/ranker.h"

namespace dyad::forecast {

struct BenchOptions {
  int threads = 2;         // worker threads
  uint64_t seed = 1;       // for every random choice in learning
  bool valid_only = false; // stop after tuning: report valid, never read test ranks
  int train_tail_days = 60;  // ranker: also learn from the last days of train (rules learned before them)
  RankerOptions ranker;    // seed and threads are taken from above
};

struct BenchRow {
  std::string dataset, model;
  Metrics valid, test;
  double learn_wall_s = 0, learn_cpu_s = 0;  // learning and tuning on train/valid
  double apply_wall_s = 0, apply_cpu_s = 0;  // applying to test and evaluating
  double peak_rss_mb = 0;
  std::string notes;                         // model-specific diagnostics                    // peak resident memory of the process
};

std::vector<std::string> BenchModelNames();
// Errors: NotFound / DataError from the dataset, InvalidArgument for an unknown model.
Result<BenchRow> RunBench(const std::string& dataset_dir, const std::string& model, const BenchOptions& options);
std::string BenchHeader();
std::string FormatBenchRow(const BenchRow& row);

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_BENCH_H_
