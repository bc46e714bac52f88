// dyad network: the weighted, directed actor graph of a period.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis/plot.h"
#include "analysis_cli.h"
#include "command.h"
#include "export/graph.h"

namespace dyad::cli {
namespace {

struct NetworkCliOptions {
  std::string db = kDefaultDb;
  std::string level = "code";
  std::string actor;
  int64_t min_events = 1;
  size_t max_nodes = 0;
  bool self_loops = false;
  std::string format;
  std::string output = "-";
  std::string plot;
  std::string title;
  size_t plot_nodes = 30;
  AnalysisFilterOptions filter;
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<NetworkCliOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--level", o->level, "code (ISRGOV, ISRMIL apart) or country (first three letters)")
      ->capture_default_str()
      ->check(CLI::IsMember({"code", "country"}));
  app->add_option("--actor", o->actor, std::string("Only edges touching this ") + kPatternHelp);
  app->add_option("--min-events", o->min_events, "Leave out edges with fewer events")->capture_default_str();
  app->add_option("--max-nodes", o->max_nodes, "Keep the busiest nodes only (0: all)")->capture_default_str();
  app->add_flag("--self-loops", o->self_loops, "Keep edges from a node to itself");
  app->add_option("--format", o->format,
                  "table, json, csv (edge list), graphml, gexf or dot (default: table on a terminal, else csv)")
      ->check(CLI::IsMember({"table", "json", "csv", "graphml", "gexf", "dot"}));
  app->add_option("-o,--output", o->output, "Output file ('-': standard output)")->capture_default_str();
  app->add_option("--plot", o->plot, "Also draw the network to FILE.svg or FILE.png");
  app->add_option("--plot-nodes", o->plot_nodes, "Busiest nodes drawn in the picture")->capture_default_str();
  app->add_option("--title", o->title, "Title of the picture");
  AddAnalysisFilterOptions(app, &o->filter);
  app->footer("Example: dyad network --from 2023-10-01 --to 2023-10-31 --level country --format graphml -o oct.graphml");
  return [o]() {
    auto filter = MakeAnalysisFilter(o->filter);
    if (!filter.ok()) return Fail("network", filter.status());
    if (Status s = analysis::ValidateActorPattern(o->actor, "--actor", true); !s.ok()) return Fail("network", s);
    auto an = analysis::Analyzer::Open(o->db);
    if (!an.ok()) return Fail("network", an.status());
    analysis::NetworkOptions no;
    no.filter = *filter;
    no.level = *analysis::ParseLevel(o->level);
    no.actor = o->actor;
    no.min_events = o->min_events;
    no.max_nodes = o->max_nodes;
    no.self_loops = o->self_loops;
    auto net = an.value()->MakeNetwork(no);
    if (!net.ok()) return Fail("network", net.status());
    Output out;
    if (Status s = out.Open(o->output); !s.ok()) return Fail("network", s);
    const std::string format = ResolveFormat(o->format, out);
    std::ostream& os = out.stream();
    if (auto gf = exporting::ParseGraphFormat(format); gf.ok()) {
      exporting::WriteGraph(os, *net, *gf);
    } else if (format == "json") {
      nlohmann::json j;
      if (net->from) j["from"] = net->from->ToString();
      if (net->to) j["to"] = net->to->ToString();
      j["nodes"] = nlohmann::json::array();
      for (const auto& n : net->nodes) {
        j["nodes"].push_back({{"id", n.id}, {"events", n.events}, {"goldstein_sum", n.goldstein_sum}});
      }
      j["edges"] = nlohmann::json::array();
      for (const auto& e : net->edges) {
        j["edges"].push_back({{"source", e.source}, {"target", e.target}, {"weight", e.events},
                              {"conflict", e.conflict}, {"goldstein_sum", e.goldstein_sum},
                              {"goldstein_mean", e.GoldsteinMean()}});
      }
      os << j.dump(2) << "\n";
    } else if (format == "csv") {
      os << "source,target,weight,conflict,goldstein_sum,goldstein_mean\n";
      for (const auto& e : net->edges) {
        os << e.source << "," << e.target << "," << e.events << "," << e.conflict << "," << Fixed(e.goldstein_sum, 2)
           << "," << Fixed(e.GoldsteinMean(), 3) << "\n";
      }
    } else {
      auto num = [](const std::string& s, size_t w) { return std::string(w > s.size() ? w - s.size() : 0, ' ') + s; };
      os << "network " << (net->from ? net->from->ToString() : "") << " .. " << (net->to ? net->to->ToString() : "")
         << ": " << net->nodes.size() << " nodes, " << net->edges.size() << " edges\n";
      os << Cell("source", 16) << Cell("target", 16) << num("events", 8) << num("conflict", 10) << num("G sum", 10)
         << num("G mean", 8) << "\n";
      for (const auto& e : net->edges) {
        os << Cell(e.source, 16) << Cell(e.target, 16) << num(std::to_string(e.events), 8)
           << num(std::to_string(e.conflict), 10) << num(Fixed(e.goldstein_sum, 1), 10)
           << num(Fixed(e.GoldsteinMean(), 2), 8) << "\n";
      }
    }
    os.flush();
    if (!os) return Fail("network", Status::IOError(o->output + ": write failed"));
    if (!o->plot.empty()) {
      analysis::Network drawn = *net;
      if (o->plot_nodes > 0 && drawn.nodes.size() > o->plot_nodes) {
        // Same pruning as --max-nodes, for the picture only.
        no.max_nodes = o->plot_nodes;
        auto pruned = an.value()->MakeNetwork(no);
        if (!pruned.ok()) return Fail("network", pruned.status());
        drawn = std::move(*pruned);
      }
      analysis::PlotOptions po;
      po.width = 1000;
      po.height = 900;
      po.title = o->title.empty() ? "actor network " + (net->from ? net->from->ToString() : "") + " .. " +
                                        (net->to ? net->to->ToString() : "")
                                  : o->title;
      if (Status s = analysis::PlotNetwork(drawn, po, o->plot); !s.ok()) return Fail("network", s);
    }
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("network", "The weighted actor graph of a period: table, JSON, CSV, GraphML, GEXF, DOT, picture", Setup);

}  // namespace
}  // namespace dyad::cli
