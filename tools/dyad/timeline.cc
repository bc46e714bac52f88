// dyad timeline A [B]: a dyad's events per day, week or month, both directions.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis/plot.h"
#include "analysis_cli.h"
#include "command.h"

namespace dyad::cli {
namespace {

struct TimelineCliOptions {
  std::string db = kDefaultDb;
  std::string a, b;
  std::string period = "week";
  bool normalize = false;
  std::string format;
  std::string output = "-";
  std::string plot;
  std::string title;
  AnalysisFilterOptions filter;
};

std::string RootKey(int i) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "r%02d", i + 1);
  return buf;
}

void WriteCsv(std::ostream& out, const analysis::Timeline& tl, bool normalized) {
  out << "period,source,target,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,"
         "goldstein_sum,goldstein_mean";
  if (normalized) out << ",total,share";
  for (int r = 0; r < analysis::kRoots; ++r) out << "," << RootKey(r);
  out << "\n";
  for (const auto& s : tl.series) {
    for (const auto& b : s.buckets) {
      out << analysis::PeriodLabel(b.start, tl.period) << "," << s.source << "," << s.target << "," << b.events;
      for (int64_t q : b.quad) out << "," << q;
      out << "," << Fixed(b.goldstein_sum, 2) << "," << Fixed(b.GoldsteinMean(), 3);
      if (normalized) out << "," << b.total << "," << Fixed(b.Share(), 6);
      for (int64_t r : b.root) out << "," << r;
      out << "\n";
    }
  }
}

nlohmann::json ToJson(const analysis::Timeline& tl, bool normalized, const std::vector<analysis::ChangePoint>& changes) {
  nlohmann::json j;
  j["period"] = analysis::PeriodName(tl.period);
  if (tl.first) j["first"] = tl.first->ToString();
  if (tl.last) j["last"] = tl.last->ToString();
  j["series"] = nlohmann::json::array();
  for (const auto& s : tl.series) {
    nlohmann::json js = {{"source", s.source}, {"target", s.target}, {"events", s.Events()}};
    js["buckets"] = nlohmann::json::array();
    for (const auto& b : s.buckets) {
      nlohmann::json jb = {{"period", analysis::PeriodLabel(b.start, tl.period)},
                           {"start", b.start.ToString()},
                           {"events", b.events},
                           {"quad_class", b.quad},
                           {"goldstein_sum", b.goldstein_sum},
                           {"goldstein_mean", b.GoldsteinMean()}};
      nlohmann::json roots = nlohmann::json::object();
      for (int r = 0; r < analysis::kRoots; ++r) {
        if (b.root[r]) roots[RootKey(r).substr(1)] = b.root[r];
      }
      jb["roots"] = roots;
      if (normalized) {
        jb["total"] = b.total;
        jb["share"] = b.Share();
      }
      js["buckets"].push_back(std::move(jb));
    }
    j["series"].push_back(std::move(js));
  }
  j["changes"] = nlohmann::json::array();
  for (const auto& c : changes) {
    j["changes"].push_back({{"start", c.start.ToString()}, {"toward", c.toward_conflict ? "conflict" : "cooperation"}});
  }
  return j;
}

void WriteTable(std::ostream& out, const analysis::Timeline& tl, bool normalized) {
  const std::string gap = "  |  ";
  auto head = [&](const analysis::Series& s) {
    std::string t = s.source + " -> " + s.target;
    return Cell(t, normalized ? 51 : 43);
  };
  out << Cell("", 10) << gap << head(tl.series[0]) << gap << head(tl.series[1]) << "\n";
  auto cols = [&]() {
    std::string c = Cell("events", 6) + " " + Cell("vcoop", 5) + " " + Cell("mcoop", 5) + " " + Cell("vconf", 5) +
                    " " + Cell("mconf", 5) + " " + Cell("G sum", 7) + " " + Cell("G mean", 6);
    if (normalized) c += " " + Cell("share%", 7);
    return c;
  };
  out << Cell(analysis::PeriodName(tl.period), 10) << gap << cols() << gap << cols() << "\n";
  auto num = [](const std::string& s, size_t w) { return std::string(w > s.size() ? w - s.size() : 0, ' ') + s; };
  auto row = [&](const analysis::Bucket& b) {
    std::string r = num(std::to_string(b.events), 6);
    for (int64_t q : b.quad) r += " " + num(std::to_string(q), 5);
    r += " " + num(Fixed(b.goldstein_sum, 1), 7) + " " + num(b.events ? Fixed(b.GoldsteinMean(), 2) : "-", 6);
    if (normalized) r += " " + num(b.total ? Fixed(100 * b.Share(), 3) : "-", 7);
    return r;
  };
  const auto& s0 = tl.series[0].buckets;
  const auto& s1 = tl.series[1].buckets;
  for (size_t i = 0; i < s0.size(); ++i) {
    out << Cell(analysis::PeriodLabel(s0[i].start, tl.period), 10) << gap << row(s0[i]) << gap << row(s1[i]) << "\n";
  }
  out << s0.size() << " periods; " << tl.series[0].Events() << " events " << tl.series[0].source << " -> "
      << tl.series[0].target << ", " << tl.series[1].Events() << " events " << tl.series[1].source << " -> "
      << tl.series[1].target << "\n";
}

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<TimelineCliOptions>();
  app->add_option("A", o->a, std::string("First actor: ") + kPatternHelp)->required();
  app->add_option("B", o->b, "Second actor (same rule); without it, A against everyone");
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--period", o->period, "day, week (ISO, Monday first) or month")
      ->capture_default_str()
      ->check(CLI::IsMember({"day", "week", "month"}));
  app->add_flag("--normalize", o->normalize,
                "Also give each period's share of all events in the store in that period");
  app->add_option("--format", o->format, "table, json or csv (default: table on a terminal, else csv)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app->add_option("-o,--output", o->output, "Output file ('-': standard output)")->capture_default_str();
  app->add_option("--plot", o->plot, "Also draw the timeline to FILE.svg or FILE.png (change points marked for a dyad)");
  app->add_option("--title", o->title, "Title of the picture");
  AddAnalysisFilterOptions(app, &o->filter);
  app->footer("Example: dyad timeline USA ISR --period month --normalize --plot usa-isr.png");
  return [o]() {
    auto filter = MakeAnalysisFilter(o->filter);
    if (!filter.ok()) return Fail("timeline", filter.status());
    for (auto [p, what] : {std::pair{&o->a, "A"}, std::pair{&o->b, "B"}}) {
      if (Status s = analysis::ValidateActorPattern(*p, what, p == &o->b); !s.ok()) return Fail("timeline", s);
    }
    auto an = analysis::Analyzer::Open(o->db);
    if (!an.ok()) return Fail("timeline", an.status());
    analysis::TimelineOptions t;
    t.a = o->a;
    t.b = o->b;
    t.period = *analysis::ParsePeriod(o->period);
    t.filter = *filter;
    t.normalize = o->normalize;
    auto tl = an.value()->MakeTimeline(t);
    if (!tl.ok()) return Fail("timeline", tl.status());
    std::vector<analysis::ChangePoint> changes;
    if (!o->b.empty()) {
      analysis::ShiftOptions so;
      so.a = o->a;
      so.b = o->b;
      so.period = t.period;
      so.filter = t.filter;
      so.drivers = 0;
      auto sh = an.value()->FindShifts(so);
      if (!sh.ok()) return Fail("timeline", sh.status());
      changes = sh->changes;
    }
    Output out;
    if (Status s = out.Open(o->output); !s.ok()) return Fail("timeline", s);
    const std::string format = ResolveFormat(o->format, out);
    if (!tl->first) {
      std::cerr << "dyad timeline: no events match\n";
    } else if (format == "json") {
      out.stream() << ToJson(*tl, o->normalize, changes).dump(2) << "\n";
    } else if (format == "csv") {
      WriteCsv(out.stream(), *tl, o->normalize);
    } else {
      WriteTable(out.stream(), *tl, o->normalize);
      for (const auto& c : changes) {
        out.stream() << "change point (CUSUM on mean Goldstein per period; details: `dyad shifts`): from "
                     << analysis::PeriodLabel(c.start, tl->period) << " toward "
                     << (c.toward_conflict ? "conflict" : "cooperation") << " (" << Fixed(c.before, 2) << " -> "
                     << Fixed(c.after, 2) << ")\n";
      }
    }
    out.stream().flush();
    if (!out.stream()) return Fail("timeline", Status::IOError(o->output + ": write failed"));
    if (!o->plot.empty() && tl->first) {
      analysis::PlotOptions po;
      po.title = o->title.empty() ? tl->series[0].source + " and " + tl->series[0].target + " by " +
                                        std::string(analysis::PeriodName(tl->period))
                                  : o->title;
      po.shares = o->normalize;
      if (Status s = analysis::PlotTimeline(*tl, changes, po, o->plot); !s.ok()) return Fail("timeline", s);
    }
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("timeline", "A dyad's events by day, week or month: QuadClass, roots, Goldstein, both directions", Setup);

}  // namespace
}  // namespace dyad::cli
