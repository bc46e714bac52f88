// dyad actors: top actors or dyads by volume, conflict, negative Goldstein or change.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis_cli.h"
#include "command.h"

namespace dyad::cli {
namespace {

struct ActorsCliOptions {
  std::string db = kDefaultDb;
  std::string by = "volume";
  bool dyads = false;
  std::string level = "code";
  std::string actor;
  size_t top = 20;
  int days = 30;
  std::string format;
  std::string output = "-";
  AnalysisFilterOptions filter;
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<ActorsCliOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--by", o->by,
                  "volume (events), conflict (QuadClass 3+4 events), goldstein (sum of negative Goldstein) or change "
                  "(events minus those of the previous period of the same length)")
      ->capture_default_str()
      ->check(CLI::IsMember({"volume", "conflict", "goldstein", "change"}));
  app->add_flag("--dyads", o->dyads, "Rank directed dyads (source>target) instead of actors");
  app->add_option("--level", o->level, "code (ISRGOV, ISRMIL apart) or country (first three letters: ISR)")
      ->capture_default_str()
      ->check(CLI::IsMember({"code", "country"}));
  app->add_option("--actor", o->actor, std::string("Only actors/dyads matching this ") + kPatternHelp);
  app->add_option("--top", o->top, "How many rows (0: all)")->capture_default_str();
  app->add_option("--days", o->days, "--by change without --from: the period is the last DAYS days up to --to")
      ->capture_default_str();
  app->add_option("--format", o->format, "table, json or csv (default: table on a terminal, else csv)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("-o,--output", o->output, "Output file ('-': standard output)")->capture_default_str();
  AddAnalysisFilterOptions(app, &o->filter);
  app->footer("Example: dyad actors --by change --from 2023-10-07 --to 2023-11-06 --level country");
  return [o]() {
    auto filter = MakeAnalysisFilter(o->filter);
    if (!filter.ok()) return Fail("actors", filter.status());
    if (Status s = analysis::ValidateActorPattern(o->actor, "--actor", true); !s.ok()) return Fail("actors", s);
    auto an = analysis::Analyzer::Open(o->db);
    if (!an.ok()) return Fail("actors", an.status());
    analysis::RankOptions r;
    r.by = *analysis::ParseRankBy(o->by);
    r.dyads = o->dyads;
    r.level = *analysis::ParseLevel(o->level);
    r.actor = o->actor;
    r.top = o->top;
    r.filter = *filter;
    r.change_days = o->days;
    auto rk = an.value()->Rank(r);
    if (!rk.ok()) return Fail("actors", rk.status());
    Output out;
    if (Status s = out.Open(o->output); !s.ok()) return Fail("actors", s);
    const std::string format = ResolveFormat(o->format, out);
    std::ostream& os = out.stream();
    const char* what = o->dyads ? "dyad" : "actor";
    if (format == "json") {
      nlohmann::json j = {{"by", o->by}, {"level", o->level}, {"from", rk->from.ToString()}, {"to", rk->to.ToString()},
                          {"previous_from", rk->previous_from.ToString()}, {"previous_to", rk->previous_to.ToString()}};
      j["rows"] = nlohmann::json::array();
      for (const auto& row : rk->rows) {
        j["rows"].push_back({{what, row.key}, {"events", row.events}, {"conflict", row.conflict},
                             {"goldstein_sum", row.goldstein_sum}, {"negative_goldstein_sum", row.negative_sum},
                             {"previous_events", row.previous}, {"change", row.change()}});
      }
      os << j.dump(2) << "\n";
    } else if (format == "csv") {
      os << what << ",events,conflict,goldstein_sum,negative_goldstein_sum,previous_events,change\n";
      for (const auto& row : rk->rows) {
        os << row.key << "," << row.events << "," << row.conflict << "," << Fixed(row.goldstein_sum, 2) << ","
           << Fixed(row.negative_sum, 2) << "," << row.previous << "," << row.change() << "\n";
      }
    } else {
      os << "top " << what << "s by " << o->by << ", " << rk->from.ToString() << " .. " << rk->to.ToString()
         << " (previous period " << rk->previous_from.ToString() << " .. " << rk->previous_to.ToString() << ")\n";
      auto num = [](const std::string& s, size_t w) { return std::string(w > s.size() ? w - s.size() : 0, ' ') + s; };
      os << Cell(what, 24) << num("events", 8) << num("conflict", 10) << num("G sum", 10) << num("G neg", 10)
         << num("previous", 10) << num("change", 8) << "\n";
      for (const auto& row : rk->rows) {
        os << Cell(row.key, 24) << num(std::to_string(row.events), 8) << num(std::to_string(row.conflict), 10)
           << num(Fixed(row.goldstein_sum, 1), 10) << num(Fixed(row.negative_sum, 1), 10)
           << num(std::to_string(row.previous), 10)
           << num((row.change() > 0 ? "+" : "") + std::to_string(row.change()), 8) << "\n";
      }
      if (rk->rows.empty()) os << "(no events in the period)\n";
    }
    os.flush();
    if (!os) return Fail("actors", Status::IOError(o->output + ": write failed"));
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("actors", "Top actors or dyads by volume, conflict, negative Goldstein or change", Setup);

}  // namespace
}  // namespace dyad::cli
