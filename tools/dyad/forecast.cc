// dyad forecast: temporal knowledge graph forecasting.
//   dyad forecast bench --data ../shared/data/tkg [--dataset ICEWS14] [--model recurrency]
// prints, per dataset and model, test MRR and Hits@1/3/10 (time-aware filtered,
// single-step), learn and apply times (wall and CPU) and peak memory. Each
// (dataset, model) runs in its own child process so that peak memory is its own.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "forecast/bench.h"

namespace dyad::cli {
namespace {

std::function<int()> SetupForecast(CLI::App* app) {
  app->require_subcommand(1);
  CLI::App* bench = app->add_subcommand("bench", "Benchmark the forecasting models on ICEWS14/ICEWS18");
  auto data = std::make_shared<std::string>("../shared/data/tkg");
  auto datasets = std::make_shared<std::vector<std::string>>(std::vector<std::string>{"ICEWS14", "ICEWS18"});
  auto models = std::make_shared<std::vector<std::string>>(forecast::BenchModelNames());
  auto threads = std::make_shared<int>(2);
  auto seed = std::make_shared<uint64_t>(1);
  auto valid_only = std::make_shared<bool>(false);
  auto ranker = std::make_shared<forecast::RankerOptions>();
  auto tail_days = std::make_shared<int>(forecast::BenchOptions{}.train_tail_days);
  bench->add_option("--train-tail-days", *tail_days, "ranker: also learn from the last days of train")->capture_default_str();
  bench->add_option("--top-k", ranker->top_k, "ranker: candidates re-scored by the network")->capture_default_str();
  bench->add_option("--popular-k", ranker->popular_k, "ranker: common objects added as candidates")->capture_default_str();
  bench->add_option("--hidden", ranker->hidden, "ranker: hidden units")->capture_default_str();
  bench->add_option("--ensemble", ranker->ensemble, "ranker: networks averaged")->capture_default_str();
  bench->add_option("--epochs", ranker->epochs, "ranker: training epochs")->capture_default_str();
  bench->add_option("--learning-rate", ranker->learning_rate, "ranker: Adam step")->capture_default_str();
  bench->add_option("--max-train-queries", ranker->max_train_queries, "ranker: valid queries sampled for training")->capture_default_str();
  bench->add_option("--data", *data, "directory holding one folder per dataset (or a dataset folder)")->capture_default_str();
  bench->add_option("--dataset", *datasets, "datasets to run")->capture_default_str();
  bench->add_option("--model", *models, "models to run")->capture_default_str();
  bench->add_option("--threads", *threads, "worker threads")->capture_default_str();
  bench->add_option("--seed", *seed, "random seed")->capture_default_str();
  bench->add_flag("--valid-only", *valid_only, "report valid figures only; never touch test");
  return [=]() -> int {
    if (!bench->parsed()) return kExitUsage;
    std::cout << forecast::BenchHeader() << std::flush;
    int worst = kExitOk;
    for (const std::string& ds : *datasets) {
      std::string dir = *data;
      if (!std::filesystem::exists(std::filesystem::path(dir) / "train.txt")) dir = (std::filesystem::path(dir) / ds).string();
      for (const std::string& model : *models) {
        std::cout.flush();
        pid_t pid = fork();
        if (pid < 0) return Fail("forecast bench", Status::Internal("fork failed"));
        if (pid == 0) {
          forecast::BenchOptions options;
          options.threads = *threads;
          options.seed = *seed;
          options.valid_only = *valid_only;
          options.ranker = *ranker;
          options.train_tail_days = *tail_days;
          Result<forecast::BenchRow> row = forecast::RunBench(dir, model, options);
          if (!row.ok()) _exit(Fail("forecast bench", row.status()));
          std::cout << forecast::FormatBenchRow(*row) << std::flush;
          _exit(kExitOk);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        int rc = WIFEXITED(status) ? WEXITSTATUS(status) : kExitInternal;
        if (rc != kExitOk) worst = rc;
      }
    }
    return worst;
  };
}

DYAD_COMMAND("forecast", "Temporal knowledge graph forecasting: benchmarks and dyad forecasts", SetupForecast);

}  // namespace
}  // namespace dyad::cli
