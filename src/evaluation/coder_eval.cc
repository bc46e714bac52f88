#include "evaluation/coder_eval.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <tuple>

namespace dyad::evaluation {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;

std::string Prefix3(const std::string& code) { return code.substr(0, std::min<size_t>(3, code.size())); }
std::string Root(const std::string& code) { return code.substr(0, std::min<size_t>(2, code.size())); }

Key RootKey(const GoldEvent& e) { return {Root(e.code), Prefix3(e.source), Prefix3(e.target)}; }
Key FullKey(const GoldEvent& e) { return {e.code, e.source, e.target}; }
Key ActorKey(const GoldEvent& e) { return {"", e.source, e.target}; }

// Multiset matching of gold and predicted events under `key`.
Prf Score(const std::vector<GoldEvent>& gold, const std::vector<GoldEvent>& pred, Key (*key)(const GoldEvent&)) {
  std::map<Key, int64_t> g, p;
  for (const auto& e : gold) ++g[key(e)];
  for (const auto& e : pred) ++p[key(e)];
  Prf s;
  for (const auto& [k, n] : g) {
    auto it = p.find(k);
    int64_t m = it == p.end() ? 0 : std::min(n, it->second);
    s.tp += m;
    s.fn += n - m;
  }
  for (const auto& [k, n] : p) {
    auto it = g.find(k);
    s.fp += n - (it == g.end() ? 0 : std::min(n, it->second));
  }
  return s;
}

std::string Describe(const GoldEvent& e) {
  return (e.source.empty() ? "-" : e.source) + ">" + (e.target.empty() ? "-" : e.target) + " " + e.code;
}

// Pairs what was missed with what was predicted instead, for the confusion table.
void Confusions(const std::vector<GoldEvent>& gold, const std::vector<GoldEvent>& pred,
                std::map<std::string, int64_t>* out) {
  std::vector<GoldEvent> missed, extra;
  std::map<Key, int64_t> p;
  for (const auto& e : pred) ++p[FullKey(e)];
  std::map<Key, int64_t> g;
  for (const auto& e : gold) ++g[FullKey(e)];
  for (const auto& e : gold) {
    auto& n = p[FullKey(e)];
    if (n > 0) --n;
    else missed.push_back(e);
  }
  for (const auto& e : pred) {
    auto& n = g[FullKey(e)];
    if (n > 0) --n;
    else extra.push_back(e);
  }
  for (const auto& m : missed) {
    // The closest extra: same actors (a code confusion), else same code (an actor confusion).
    auto same_actors = std::find_if(extra.begin(), extra.end(),
                                    [&](const GoldEvent& x) { return x.source == m.source && x.target == m.target; });
    auto same_code = std::find_if(extra.begin(), extra.end(), [&](const GoldEvent& x) { return x.code == m.code; });
    if (same_actors != extra.end()) {
      ++(*out)["code " + m.code + " -> " + same_actors->code];
      extra.erase(same_actors);
    } else if (same_code != extra.end()) {
      ++(*out)["actors " + Describe(m) + " -> " + Describe(*same_code)];
      extra.erase(same_code);
    } else {
      ++(*out)["missed root " + Root(m.code)];
    }
  }
  for (const auto& x : extra) ++(*out)["extra root " + Root(x.code)];
}

}  // namespace

Result<std::vector<GoldSentence>> LoadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open gold file");
  std::vector<GoldSentence> out;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(n) + ": ";
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      return Status::DataError(where + "malformed JSON: " + e.what());
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string() || !j.contains("date") ||
        !j["date"].is_string() || !j.contains("events") || !j["events"].is_array()) {
      return Status::DataError(where + "needs string 'text', string 'date' and array 'events'");
    }
    GoldSentence g;
    g.line = n;
    g.id = j.value("id", std::to_string(n));
    auto d = Date::Parse(j["date"].get<std::string>());
    if (!d.ok()) return Status::DataError(where + "bad date: " + d.status().message());
    g.date = *d;
    g.text = j["text"];
    if (j.contains("context") && j["context"].is_string()) g.context = j["context"];
    for (const auto& e : j["events"]) {
      if (!e.is_object() || !e.contains("code") || !e["code"].is_string()) {
        return Status::DataError(where + "an event needs a string 'code'");
      }
      g.events.push_back({e.value("source", ""), e.value("target", ""), e["code"]});
    }
    if (j.contains("tags") && j["tags"].is_array()) {
      for (const auto& t : j["tags"]) {
        if (t.is_string()) g.tags.push_back(t);
      }
    }
    g.split = j.value("split", "");
    out.push_back(std::move(g));
  }
  return out;
}

bool InSplits(std::string_view splits, std::string_view split) {
  if (splits.empty()) return true;
  size_t from = 0;
  while (from <= splits.size()) {
    const size_t comma = splits.find(',', from);
    const std::string_view one = splits.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
    if (one == split) return true;
    if (comma == std::string_view::npos) break;
    from = comma + 1;
  }
  return false;
}

EvalReport Evaluate(const Engine& engine, const std::vector<GoldSentence>& gold, const EvalOptions& options) {
  EvalReport r;
  std::map<std::string, int64_t> confusions;
  for (const GoldSentence& g : gold) {
    if (!InSplits(options.split, g.split)) continue;
    Article a;
    a.date = g.date;
    // The context is the previous sentence of the same article; only events of the gold sentence count.
    a.text = g.context.empty() ? g.text : g.context + " " + g.text;
    const uint32_t start = g.context.empty() ? 0 : static_cast<uint32_t>(g.context.size() + 1);
    a.id = ArticleId("", a.text);
    CodedArticle coded = engine.Code(a);
    SentenceResult s;
    s.gold = &g;
    s.explanation = std::move(coded.explanation);
    for (const Event& e : coded.events) {
      if (e.hypothetical || e.negated || e.sentence.end <= start || e.confidence < options.min_confidence) continue;
      s.predicted.push_back({e.source.code, e.target.code, e.code});
    }
    s.root = Score(g.events, s.predicted, RootKey);
    s.full = Score(g.events, s.predicted, FullKey);
    s.actors = Score(g.events, s.predicted, ActorKey);
    r.root.Add(s.root);
    r.full.Add(s.full);
    r.actors.Add(s.actors);
    ++r.sentences;
    r.gold_events += g.events.size();
    r.predicted_events += s.predicted.size();
    // Per gold root: each gold event's root, and false positives under the predicted root.
    for (const auto& e : g.events) {
      Prf one = Score({e}, s.predicted, RootKey);
      r.root_by_gold_root[Root(e.code)].tp += one.tp;
      r.root_by_gold_root[Root(e.code)].fn += one.fn;
    }
    for (const auto& e : s.predicted) {
      Prf one = Score(g.events, {e}, RootKey);
      r.root_by_gold_root[Root(e.code)].fp += one.fp;
    }
    for (const auto& t : g.tags) r.root_by_tag[t].Add(s.root);
    Confusions(g.events, s.predicted, &confusions);
    r.details.push_back(std::move(s));
  }
  r.confusions.assign(confusions.begin(), confusions.end());
  std::sort(r.confusions.begin(), r.confusions.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (r.confusions.size() > options.top_confusions) r.confusions.resize(options.top_confusions);
  return r;
}

}  // namespace dyad::evaluation
