// dyad coder eval: precision, recall and F1 of the coder on gold sentences.
#include <cstdio>
#include <iostream>
#include <set>
#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "command.h"
#include "dyad/engine.h"
#include "evaluation/coder_eval.h"

namespace dyad::cli {
namespace {

struct EvalCliOptions {
  std::string gold;
  std::string data;
  std::string split;
  std::string format = "table";
  std::string errors;  // write the sentences with disagreements here
  double min_root_f1 = -1;
  double min_root_precision = -1;
  bool explain = false;
  LinkingOptions linking;
  bool all_sentences = false;
  bool by_confidence = false;
};

std::string Line(const char* name, const evaluation::Prf& p) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-34s P %.3f  R %.3f  F1 %.3f   (tp %lld, fp %lld, fn %lld)", name, p.precision(),
                p.recall(), p.f1(), static_cast<long long>(p.tp), static_cast<long long>(p.fp),
                static_cast<long long>(p.fn));
  return buf;
}

nlohmann::json PrfJson(const evaluation::Prf& p) {
  return {{"precision", p.precision()}, {"recall", p.recall()}, {"f1", p.f1()}, {"tp", p.tp}, {"fp", p.fp}, {"fn", p.fn}};
}

std::string EventsText(const std::vector<evaluation::GoldEvent>& ev) {
  std::string s;
  for (const auto& e : ev) s += (s.empty() ? "" : ", ") + (e.source.empty() ? "-" : e.source) + ">" +
                                (e.target.empty() ? "-" : e.target) + " " + e.code;
  return s.empty() ? "(none)" : s;
}

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<EvalCliOptions>();
  app->add_option("gold", o->gold, "Gold sentences, JSON Lines (format: src/evaluation/coder_eval.h)")->required();
  app->add_option("--data", o->data, "Dictionaries and models (default: the shipped ones)");
  app->add_option("--split", o->split, "Only sentences of this split (dev, test, holdout, holdout2 ... holdout6), or of several: dev,test");
  app->add_option("--format", o->format, "table or json")->capture_default_str()->check(CLI::IsMember({"table", "json"}));
  app->add_option("--errors", o->errors, "Write every sentence where gold and prediction differ to this file");
  app->add_flag("--explain", o->explain, "In the --errors file, show each sentence's parse and coding steps");
  app->add_flag("--by-confidence", o->by_confidence,
                "Also print root-level P/R/F1 when only events with confidence >= 0.5, 0.6, 0.7, 0.8 count");
  app->add_flag("--all-sentences", o->all_sentences, "Write every sentence to the --errors file, not only disagreements");
  AddLinkingOptions(app, &o->linking);
  app->add_option("--min-root-f1", o->min_root_f1, "Exit with status 6 if the root-level F1 is below this");
  app->add_option("--min-root-precision", o->min_root_precision, "Exit with status 6 if root-level precision is below this");
  return [o]() -> int {
    auto gold = evaluation::LoadGold(o->gold);
    if (!gold.ok()) return Fail("coder eval", gold.status());
    if (!o->split.empty()) {  // a mistyped split would silently score nothing
      std::set<std::string> splits;
      for (const auto& g : *gold) splits.insert(g.split);
      std::string wanted = o->split + ",";
      for (size_t from = 0, comma; (comma = wanted.find(',', from)) != std::string::npos; from = comma + 1) {
        const std::string one = wanted.substr(from, comma - from);
        if (splits.count(one)) continue;
        std::string have;
        for (const auto& s : splits) have += (have.empty() ? "" : ", ") + (s.empty() ? "(none)" : s);
        return Fail("coder eval", Status::InvalidArgument(o->gold + ": no sentence of split '" + one +
                                                          "' (splits in the file: " + have + ")"));
      }
    }
    EngineOptions eo{.data_dir = o->data, .explain = o->explain};
    ApplyLinkingOptions(o->linking, &eo);
    auto engine = Engine::Create(eo);
    if (!engine.ok()) return Fail("coder eval", engine.status());
    evaluation::EvalReport r = evaluation::Evaluate(*engine.value(), *gold, {.split = o->split});
    if (o->format == "json") {
      nlohmann::json j = {{"sentences", r.sentences}, {"gold_events", r.gold_events},
                          {"predicted_events", r.predicted_events}, {"root", PrfJson(r.root)},
                          {"full", PrfJson(r.full)}, {"actors", PrfJson(r.actors)}};
      for (const auto& [root, p] : r.root_by_gold_root) j["by_root"][root] = PrfJson(p);
      for (const auto& [tag, p] : r.root_by_tag) j["by_tag"][tag] = PrfJson(p);
      for (const auto& [c, n] : r.confusions) j["confusions"].push_back({{"what", c}, {"n", n}});
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << o->gold << (o->split.empty() ? "" : " (split " + o->split + ")") << ": " << r.sentences
                << " sentences, " << r.gold_events << " gold events, " << r.predicted_events << " predicted\n\n"
                << Line("root code + source/target country", r.root) << "\n"
                << Line("full code + full actor codes", r.full) << "\n"
                << Line("actors alone", r.actors) << "\n\nroot level, by CAMEO root\n";
      for (const auto& [root, p] : r.root_by_gold_root) std::cout << "  " << Line(root.c_str(), p) << "\n";
      std::cout << "\nroot level, by tag\n";
      for (const auto& [tag, p] : r.root_by_tag) std::cout << "  " << Line(tag.c_str(), p) << "\n";
      std::cout << "\nmost frequent confusions (gold -> predicted)\n";
      for (const auto& [c, n] : r.confusions) std::cout << "  " << n << "  " << c << "\n";
    }
    if (o->by_confidence && o->format == "table") {
      std::cout << "\nroot level, by minimum confidence\n";
      for (double m : {0.5, 0.6, 0.7, 0.8}) {
        evaluation::EvalReport rm =
            evaluation::Evaluate(*engine.value(), *gold, {.split = o->split, .min_confidence = m});
        char name[48];
        std::snprintf(name, sizeof name, "  confidence >= %.1f", m);
        std::cout << Line(name, rm.root) << "\n";
      }
    }
    if (!o->errors.empty()) {
      Output out;
      if (Status s = out.Open(o->errors); !s.ok()) return Fail("coder eval", s);
      for (const auto& d : r.details) {
        if (d.full.fp == 0 && d.full.fn == 0 && !o->all_sentences) continue;
        out.stream() << d.gold->id << "\t" << d.gold->text << "\n  gold: " << EventsText(d.gold->events)
                     << "\n  got:  " << EventsText(d.predicted) << "\n" << d.explanation;
      }
    }
    bool below = (o->min_root_f1 >= 0 && r.root.f1() < o->min_root_f1) ||
                 (o->min_root_precision >= 0 && r.root.precision() < o->min_root_precision);
    if (below) {
      std::cerr << "dyad coder eval: below the floor (root F1 " << r.root.f1() << ", precision " << r.root.precision()
                << ")\n";
      return 6;
    }
    return static_cast<int>(kExitOk);
  };
}

DYAD_NESTED_COMMAND("coder", "eval", "Score the coder on gold sentences: precision, recall, F1 at three levels", Setup);

}  // namespace
}  // namespace dyad::cli
