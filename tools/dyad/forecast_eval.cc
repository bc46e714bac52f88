// dyad forecast eval: how good are relation forecasts on the user's own store?
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"
#include "forecast/store_eval.h"

namespace dyad::cli {
namespace {

struct ForecastEvalOptions {
  std::string db = kDefaultDb;
  std::string from, to;
  int step = 7;
  int top_dyads = 20;
  double threshold = 0.5;
  std::string format = "table";
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<ForecastEvalOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--from", o->from, "First forecast day, YYYY-MM-DD")->required();
  app->add_option("--to", o->to, "Last forecast day, YYYY-MM-DD")->required();
  app->add_option("--step", o->step, "Days between forecast days")->capture_default_str()->check(CLI::Range(1, 366));
  app->add_option("--top-dyads", o->top_dyads, "Most active country dyads evaluated")->capture_default_str();
  app->add_option("--threshold", o->threshold, "Probability at which a relation counts as forecast")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  app->add_option("--format", o->format, "table or json")->capture_default_str()->check(CLI::IsMember({"table", "json"}));
  app->footer("Scores the forecast set of relations against what happened, at CAMEO root and code level, over\n"
              "horizons of 1, 7 and 30 days, with a persistence baseline (the relations of the previous days recur).\n"
              "Actors are taken at country level (the first three letters of their codes).");
  return [o]() -> int {
    auto from = Date::Parse(o->from), to = Date::Parse(o->to);
    if (!from.ok() || !to.ok()) return Fail("forecast eval", Status::InvalidArgument("--from/--to: not YYYY-MM-DD"));
    auto store = OpenExistingStore(o->db);
    if (!store.ok()) return Fail("forecast eval", store.status());
    std::vector<forecast::ActorEvent> roots, codes;
    Status s = store.value()->QueryEvents({}, [&](const Event& e) {
      if (e.target.code.empty()) return true;
      std::string src = e.source.code.substr(0, 3), tgt = e.target.code.substr(0, 3);
      roots.push_back({src, e.root, tgt, e.date.days});
      codes.push_back({src, e.code, tgt, e.date.days});
      return true;
    });
    if (!s.ok()) return Fail("forecast eval", s);
    nlohmann::json j = nlohmann::json::array();
    if (o->format == "table") {
      std::printf("%-6s %-8s %10s   %-26s %-26s\n", "level", "horizon", "forecasts", "model P / R / F1",
                  "persistence P / R / F1");
    }
    for (const char* level : {"root", "code"}) {
      for (int h : {1, 7, 30}) {
        forecast::RelationEvalOptions eo;
        eo.first_day = from->days;
        eo.last_day = to->days;
        eo.step_days = o->step;
        eo.horizon_days = h;
        eo.top_dyads = o->top_dyads;
        eo.threshold = o->threshold;
        auto r = forecast::EvaluateRelationForecasts(std::string(level) == "root" ? roots : codes, eo);
        if (!r.ok()) return Fail("forecast eval", r.status());
        const auto& m = r->model;
        const auto& p = r->persistence;
        if (o->format == "table") {
          std::printf("%-6s %-8s %10lld   %.3f / %.3f / %.3f      %.3f / %.3f / %.3f\n", level,
                      (std::to_string(h) + " d").c_str(), static_cast<long long>(r->forecasts), m.precision(),
                      m.recall(), m.f1(), p.precision(), p.recall(), p.f1());
        } else {
          j.push_back({{"level", level}, {"horizon_days", h}, {"forecasts", r->forecasts},
                       {"model", {{"precision", m.precision()}, {"recall", m.recall()}, {"f1", m.f1()}}},
                       {"persistence", {{"precision", p.precision()}, {"recall", p.recall()}, {"f1", p.f1()}}}});
        }
      }
    }
    if (o->format == "json") std::cout << j.dump(2) << "\n";
    return static_cast<int>(kExitOk);
  };
}

DYAD_NESTED_COMMAND("forecast", "eval", "Score relation forecasts on the store: P/R/F1 at root and code level, horizons 1/7/30", Setup);

}  // namespace
}  // namespace dyad::cli
