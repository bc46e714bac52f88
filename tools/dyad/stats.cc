// dyad stats: what the store holds.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"

namespace dyad::cli {
namespace {

struct StatsOptions {
  std::string db = kDefaultDb;
  std::string format = "table";
  size_t top = 10;
  size_t events = 10;
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<StatsOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--format", o->format, "table or json")->capture_default_str()->check(CLI::IsMember({"table", "json"}));
  app->add_option("--top", o->top, "How many dyads and actors to list")->capture_default_str();
  app->add_option("--events", o->events, "How many top events (|Goldstein| x confidence) to show with their sentences")
      ->capture_default_str();
  return [o]() {
    auto store = OpenExistingStore(o->db);
    if (!store.ok()) return Fail("stats", store.status());
    auto st = store.value()->Stats(o->top);
    if (!st.ok()) return Fail("stats", st.status());
    const StoreStats& s = *st;
    if (o->format == "json") {
      nlohmann::json j = {{"articles", s.articles}, {"sentences", s.sentences}, {"events", s.events}, {"runs", s.runs}};
      if (s.first_date) j["first_date"] = s.first_date->ToString();
      if (s.last_date) j["last_date"] = s.last_date->ToString();
      for (const auto& c : s.by_root) j["by_root"][c.key] = c.n;
      for (const auto& c : s.top_dyads) j["top_dyads"].push_back({{"dyad", c.key}, {"events", c.n}});
      for (const auto& c : s.top_actors) j["top_actors"].push_back({{"actor", c.key}, {"events", c.n}});
      std::cout << j.dump(2) << "\n";
      return static_cast<int>(kExitOk);
    }
    std::cout << "articles   " << s.articles << "\nsentences  " << s.sentences << "\nevents     " << s.events
              << "\nruns       " << s.runs << "\n";
    if (s.first_date) std::cout << "dates      " << s.first_date->ToString() << " .. " << s.last_date->ToString() << "\n";
    if (!s.by_root.empty()) {
      std::cout << "\nevents by CAMEO root\n";
      for (const auto& c : s.by_root) std::cout << "  " << c.key << "  " << std::setw(8) << c.n << "\n";
    }
    if (!s.top_dyads.empty()) {
      std::cout << "\ntop dyads (source>target)\n";
      for (const auto& c : s.top_dyads) std::cout << "  " << Cell(c.key, 24) << std::setw(8) << c.n << "\n";
    }
    if (!s.top_actors.empty()) {
      std::cout << "\ntop actors\n";
      for (const auto& c : s.top_actors) std::cout << "  " << Cell(c.key, 24) << std::setw(8) << c.n << "\n";
    }
    if (o->events > 0 && s.events > 0) {
      std::cout << "\ntop events (|Goldstein| x confidence)\n";
      EventQuery q;
      q.order = EventQuery::Order::kImpact;
      q.limit = o->events;
      Status qs = store.value()->QueryEvents(q, [&](const Event& e) {
        std::cout << "  " << e.date.ToString() << "  " << e.source.code << " -> "
                  << (e.target.code.empty() ? "(none)" : e.target.code) << "  " << e.code << " "
                  << e.plover_type << "  goldstein " << e.goldstein << "\n    \"" << Clip(e.sentence_text, 150)
                  << "\"\n";
        return true;
      });
      if (!qs.ok()) return Fail("stats", qs);
    }
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("stats", "Summarise the store: counts, dates, roots, top dyads and actors", Setup);

}  // namespace
}  // namespace dyad::cli
