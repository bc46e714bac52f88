// dyad shifts A B: change points in a dyad's conflict/cooperation balance (CUSUM).
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis_cli.h"
#include "command.h"

namespace dyad::cli {
namespace {

struct ShiftsCliOptions {
  std::string db = kDefaultDb;
  std::string a, b;
  std::string period = "week";
  std::string series = "goldstein";
  double threshold = 5.0;
  double drift = 0.5;
  int warmup = 8;
  int64_t min_events = 1;
  size_t drivers = 5;
  std::string format;
  std::string output = "-";
  AnalysisFilterOptions filter;
};

std::string Method(const analysis::Shifts& sh) {
  const auto& o = sh.options;
  return "two-sided CUSUM (Page 1954) on " + std::string(analysis::ShiftSeriesName(o.series)) + " per " +
         std::string(analysis::PeriodName(o.period)) + ", both directions pooled: threshold h = " +
         Fixed(o.threshold, 2) + " sigma, drift k = " + Fixed(o.drift, 2) + " sigma, sigma = " + Fixed(sh.sigma, 3) +
         " (median absolute successive difference / 0.9539), warm-up " + std::to_string(o.warmup) +
         " periods, periods with fewer than " + std::to_string(o.min_events) + " events skipped";
}

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<ShiftsCliOptions>();
  app->add_option("A", o->a, std::string("First actor: ") + kPatternHelp)->required();
  app->add_option("B", o->b, "Second actor (same rule)")->required();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--period", o->period, "day, week or month")
      ->capture_default_str()
      ->check(CLI::IsMember({"day", "week", "month"}));
  app->add_option("--series", o->series, "goldstein (mean Goldstein) or conflict-share (share of QuadClass 3+4)")
      ->capture_default_str()
      ->check(CLI::IsMember({"goldstein", "conflict-share"}));
  app->add_option("--threshold", o->threshold, "CUSUM decision threshold h, in sigmas")->capture_default_str();
  app->add_option("--drift", o->drift, "CUSUM allowance (drift) k, in sigmas")->capture_default_str();
  app->add_option("--warmup", o->warmup, "Observed periods that set the first reference mean")->capture_default_str();
  app->add_option("--min-events", o->min_events, "Periods with fewer events are skipped")->capture_default_str();
  app->add_option("--drivers", o->drivers, "Events listed per change")->capture_default_str();
  app->add_option("--format", o->format, "table, json or csv (default: table on a terminal, else csv)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("-o,--output", o->output, "Output file ('-': standard output)")->capture_default_str();
  AddAnalysisFilterOptions(app, &o->filter);
  app->footer("Example: dyad shifts USA ISR --period week --threshold 4 --drift 0.5");
  return [o]() {
    auto filter = MakeAnalysisFilter(o->filter);
    if (!filter.ok()) return Fail("shifts", filter.status());
    auto an = analysis::Analyzer::Open(o->db);
    if (!an.ok()) return Fail("shifts", an.status());
    analysis::ShiftOptions so;
    so.a = o->a;
    so.b = o->b;
    so.period = *analysis::ParsePeriod(o->period);
    so.series = *analysis::ParseShiftSeries(o->series);
    so.filter = *filter;
    so.threshold = o->threshold;
    so.drift = o->drift;
    so.warmup = o->warmup;
    so.min_events = o->min_events;
    so.drivers = o->drivers;
    auto sh = an.value()->FindShifts(so);
    if (!sh.ok()) return Fail("shifts", sh.status());
    Output out;
    if (Status s = out.Open(o->output); !s.ok()) return Fail("shifts", s);
    const std::string format = ResolveFormat(o->format, out);
    std::ostream& os = out.stream();
    const analysis::Period p = so.period;
    if (format == "json") {
      nlohmann::json j;
      j["method"] = Method(*sh);
      j["parameters"] = {{"method", "cusum"}, {"series", o->series}, {"period", o->period},
                         {"threshold", so.threshold}, {"drift", so.drift}, {"sigma", sh->sigma},
                         {"warmup", so.warmup}, {"min_events", so.min_events}};
      j["observations"] = nlohmann::json::array();
      for (const auto& ob : sh->observations) {
        j["observations"].push_back({{"period", analysis::PeriodLabel(ob.start, p)}, {"events", ob.events},
                                     {"value", ob.value}});
      }
      j["changes"] = nlohmann::json::array();
      for (const auto& c : sh->changes) {
        nlohmann::json jc = {{"start", analysis::PeriodLabel(c.start, p)},
                             {"detected", analysis::PeriodLabel(c.detected, p)},
                             {"toward", c.toward_conflict ? "conflict" : "cooperation"},
                             {"before", c.before}, {"after", c.after}, {"statistic", c.statistic}};
        jc["drivers"] = nlohmann::json::array();
        for (const auto& d : c.drivers) {
          jc["drivers"].push_back({{"date", d.date.ToString()}, {"source", d.source}, {"target", d.target},
                                   {"code", d.code}, {"goldstein", d.goldstein}, {"article_id", d.article_id},
                                   {"sentence", d.sentence}});
        }
        j["changes"].push_back(std::move(jc));
      }
      os << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (format == "csv") {
      os << "# " << Method(*sh) << "\n";
      os << "start,detected,toward,before,after,statistic\n";
      for (const auto& c : sh->changes) {
        os << analysis::PeriodLabel(c.start, p) << "," << analysis::PeriodLabel(c.detected, p) << ","
           << (c.toward_conflict ? "conflict" : "cooperation") << "," << Fixed(c.before, 3) << ","
           << Fixed(c.after, 3) << "," << Fixed(c.statistic, 2) << "\n";
      }
    } else {
      os << "method: " << Method(*sh) << "\n";
      os << sh->observations.size() << " observed periods";
      if (!sh->observations.empty()) {
        os << ", " << analysis::PeriodLabel(sh->observations.front().start, p) << " .. "
           << analysis::PeriodLabel(sh->observations.back().start, p);
      }
      os << "; " << sh->changes.size() << " change point" << (sh->changes.size() == 1 ? "" : "s") << "\n";
      const bool share = so.series == analysis::ShiftSeries::kConflictShare;
      for (const auto& c : sh->changes) {
        os << "\n" << analysis::PeriodLabel(c.start, p) << "  toward " << (c.toward_conflict ? "conflict" : "cooperation")
           << ": " << (share ? "conflict share " : "mean Goldstein ") << Fixed(c.before, 2) << " -> " << Fixed(c.after, 2)
           << "  (detected " << analysis::PeriodLabel(c.detected, p) << ", CUSUM " << Fixed(c.statistic, 1) << ")\n";
        for (const auto& d : c.drivers) {
          os << "    " << d.date.ToString() << "  " << Cell(d.source + " -> " + d.target, 18) << " " << Cell(d.code, 4)
             << " " << (d.goldstein >= 0 ? "+" : "") << Fixed(d.goldstein, 1) << "  \"" << Clip(d.sentence, 110) << "\"\n";
        }
      }
    }
    os.flush();
    if (!os) return Fail("shifts", Status::IOError(o->output + ": write failed"));
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("shifts", "Change points in a dyad's conflict/cooperation balance (CUSUM), with the events behind them",
             Setup);

}  // namespace
}  // namespace dyad::cli
