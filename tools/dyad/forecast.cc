// dyad forecast: temporal knowledge graph forecasting.
//   dyad forecast --db dyad.db --source ISR --target USA --date 2024-04-01 --horizon 7
// lists the relations (CAMEO roots or codes) most likely between two actors
// over the horizon, with probabilities and the past events and rules behind them.
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

#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"
#include "forecast/bench.h"
#include "forecast/dyad_forecast.h"

namespace dyad::cli {
namespace {

struct DyadOptions {
  std::string db = kDefaultDb;
  std::string source, target, date;
  int horizon = 7;
  int lookback = 365;          // days of history read from the store
  std::string level = "root";  // relation granularity: root (2-digit) or code
  int top = 10;
  std::string format;          // table or json; default table on a terminal
};

// Codes under the requested actors fold into them (ISRGOV, ISRMIL -> ISR), as
// the store's actor filters match by prefix; every other actor keeps its code.
std::string FoldActor(const std::string& code, const std::string& source, const std::string& target) {
  const std::string* best = nullptr;
  for (const std::string* a : {&source, &target})
    if (code.size() >= a->size() && code.compare(0, a->size(), *a) == 0 && (!best || a->size() > best->size())) best = a;
  return best ? *best : code;
}

int RunDyadForecast(const DyadOptions& o) {
  const char* cmd = "forecast";
  if (o.source.empty() || o.target.empty() || o.date.empty())
    return Fail(cmd, Status::InvalidArgument("--source, --target and --date are required (or use `forecast bench`)"));
  auto date = Date::Parse(o.date);
  if (!date.ok()) return Fail(cmd, Status::InvalidArgument("--date: " + date.status().message()));
  if (o.lookback < 1) return Fail(cmd, Status::InvalidArgument("--lookback must be at least 1"));
  auto upper = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string source = upper(o.source), target = upper(o.target);
  auto store = OpenExistingStore(o.db);
  if (!store.ok()) return Fail(cmd, store.status());
  EventQuery q;
  q.from = Date{date->days - o.lookback};
  q.to = Date{date->days - 1};
  std::vector<forecast::ActorEvent> events;
  Status s = store.value()->QueryEvents(q, [&](const Event& e) {
    if (e.source.code.empty() || e.target.code.empty()) return true;
    events.push_back({FoldActor(e.source.code, source, target), o.level == "code" ? e.code : e.root,
                      FoldActor(e.target.code, source, target), e.date.days});
    return true;
  });
  if (!s.ok()) return Fail(cmd, s);
  forecast::DyadForecastOptions fo;
  fo.horizon_days = o.horizon;
  fo.max_relations = o.top;
  auto result = forecast::ForecastDyad(events, source, target, date->days, fo);
  if (!result.ok()) return Fail(cmd, result.status());
  bool table = o.format == "table" || (o.format.empty() && isatty(1));
  if (table) {
    std::cout << "forecast " << source << " / " << target << " from " << date->ToString() << " for " << o.horizon
              << " days, from " << events.size() << " events of the last " << o.lookback << " days\n";
    if (result->empty()) std::cout << "no shared history between the two actors: nothing to forecast from\n";
    for (const auto& f : *result) {
      std::cout << Cell(f.relation, 6) << " " << Cell(f.reversed ? target + "->" + source : source + "->" + target, 16)
                << " p=" << std::to_string(f.probability).substr(0, 6) << "\n";
      for (const auto& e : f.evidence) std::cout << "        " << e << "\n";
    }
  } else {
    for (const auto& f : *result) {
      nlohmann::json j = {{"source", f.reversed ? target : source}, {"target", f.reversed ? source : target},
                          {"relation", f.relation}, {"probability", f.probability}, {"evidence", f.evidence},
                          {"date", date->ToString()}, {"horizon_days", o.horizon}};
      std::cout << j.dump() << "\n";
    }
  }
  return kExitOk;
}

std::function<int()> SetupForecast(CLI::App* app) {
  app->require_subcommand(0, 1);
  auto dyad_options = std::make_shared<DyadOptions>();
  app->add_option("--db", dyad_options->db, "Event database")->capture_default_str();
  app->add_option("--source", dyad_options->source, "Source actor code (prefix: ISR covers ISRGOV)");
  app->add_option("--target", dyad_options->target, "Target actor code");
  app->add_option("--date", dyad_options->date, "First forecast day, YYYY-MM-DD (history is everything before)");
  app->add_option("--horizon", dyad_options->horizon, "Days forecast")->capture_default_str()->check(CLI::Range(1, 366));
  app->add_option("--lookback", dyad_options->lookback, "Days of history read")->capture_default_str();
  app->add_option("--level", dyad_options->level, "Relation granularity")->capture_default_str()
      ->check(CLI::IsMember({"root", "code"}));
  app->add_option("--top", dyad_options->top, "Relations listed")->capture_default_str();
  app->add_option("--format", dyad_options->format, "table or json (default: table on a terminal, else json lines)")
      ->check(CLI::IsMember({"table", "json"}));
  app->footer("Example: dyad forecast --db dyad.db --source ISR --target USA --date 2024-04-01 --horizon 7");
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
    if (!bench->parsed()) return RunDyadForecast(*dyad_options);
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
