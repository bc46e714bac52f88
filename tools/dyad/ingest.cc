// dyad ingest: read articles, code them, store them.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_util.h"
#include "command.h"
#include "dyad/engine.h"
#include "ingest/reader.h"

namespace dyad::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string db = kDefaultDb;
  std::string data;
  std::string rejects_file;
  unsigned threads = 0;
  size_t batch = 256;
  size_t max_line_bytes = 1 << 20;
  bool quiet = false;
  LinkingOptions linking;
};

struct Counters {
  int64_t read = 0, stored = 0, duplicates = 0, rejected = 0, skipped = 0, sentences = 0, events = 0;
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<IngestOptions>();
  app->add_option("paths", o->paths, "Files, directories (recursive) or - for standard input")->required();
  app->add_option("--db", o->db, "Event database (created if missing)")->capture_default_str();
  app->add_option("--data", o->data, "Dictionaries and models (default: the shipped ones)");
  app->add_option("--rejects", o->rejects_file, "Write rejected inputs as JSON Lines {origin, line, reason} here");
  app->add_option("--threads", o->threads, "Coding threads (0: one per core)")->capture_default_str();
  app->add_option("--max-line-bytes", o->max_line_bytes, "Reject JSON Lines lines longer than this")->capture_default_str();
  app->add_flag("-q,--quiet", o->quiet, "No summary on standard error");
  AddLinkingOptions(app, &o->linking);
  app->footer(
      "Reads dated text (`date YYYY-MM-DD` then the article) and JSON Lines ({id, date, title, text, url, source}).\n"
      "Articles already in the database are skipped, so an interrupted run can simply be run again.\n"
      "Exit status: 0 all read; 2 some inputs rejected (the rest stored); 3 I/O error; 4 damaged data.");
  return [o]() -> int {
    EngineOptions eo{.data_dir = o->data};
    ApplyLinkingOptions(o->linking, &eo);
    auto engine = Engine::Create(eo);
    if (!engine.ok()) return Fail("ingest", engine.status());
    auto store = Store::Open(o->db);
    if (!store.ok()) return Fail("ingest", store.status());
    std::unique_ptr<std::ofstream> rejects_out;
    if (!o->rejects_file.empty()) {
      rejects_out = std::make_unique<std::ofstream>(o->rejects_file);
      if (!*rejects_out) return Fail("ingest", Status::IOError(o->rejects_file + ": cannot open for writing"));
    }
    RunInfo info = engine.value()->versions();
    info.command = "ingest";
    for (const auto& p : o->paths) info.command += " " + p;
    auto run = store.value()->BeginRun(info);
    if (!run.ok()) return Fail("ingest", run.status());

    const unsigned threads = o->threads ? o->threads : std::max(1u, std::thread::hardware_concurrency());
    Counters n;
    std::vector<Article> batch;
    std::vector<CodedArticle> coded;
    const Engine& eng = *engine.value();
    Store& st = *store.value();
    auto flush = [&]() -> Status {
      coded.assign(batch.size(), {});
      if (threads <= 1 || batch.size() < 2) {
        for (size_t i = 0; i < batch.size(); ++i) coded[i] = eng.Code(batch[i]);
      } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) {
          pool.emplace_back([&, t]() {
            for (size_t i = t; i < batch.size(); i += threads) coded[i] = eng.Code(batch[i]);
          });
        }
        for (auto& th : pool) th.join();
      }
      for (size_t i = 0; i < batch.size(); ++i) {
        auto added = st.AddArticle(batch[i], coded[i].sentences, coded[i].events, *run);
        if (!added.ok()) return added.status();
        if (*added) {
          ++n.stored;
          n.sentences += static_cast<int64_t>(coded[i].sentences.size());
          n.events += static_cast<int64_t>(coded[i].events.size());
        } else {
          ++n.duplicates;
        }
      }
      batch.clear();
      return st.Commit();
    };
    auto on_article = [&](Article&& a) -> Status {
      ++n.read;
      auto has = st.HasArticle(a.id);
      if (!has.ok()) return has.status();
      if (*has) {
        ++n.duplicates;
        return Status::Ok();
      }
      batch.push_back(std::move(a));
      if (batch.size() >= o->batch) return flush();
      return Status::Ok();
    };
    auto on_reject = [&](const ingest::Reject& r) {
      if (r.skipped) ++n.skipped;
      else ++n.rejected;
      if (rejects_out) {
        *rejects_out << nlohmann::json({{"origin", r.origin}, {"line", r.line}, {"reason", r.reason},
                                        {"skipped", r.skipped}}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                     << "\n";
      }
      if (!o->quiet) {
        std::cerr << (r.skipped ? "skipped " : "rejected ") << r.origin;
        if (r.line) std::cerr << ":" << r.line;
        std::cerr << ": " << r.reason << "\n";
      }
    };
    ingest::ReadOptions ro;
    ro.max_line_bytes = o->max_line_bytes;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& path : o->paths) {
      Status s = ingest::ReadPath(path, ro, on_article, on_reject);
      if (s.ok()) s = flush();
      if (!s.ok()) {
        (void)st.Commit();
        return Fail("ingest", s);
      }
    }
    if (Status s = st.FinishRun(*run, n.stored, n.events, n.rejected); !s.ok()) return Fail("ingest", s);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!o->quiet) {
      std::cerr << "ingest: " << n.read << " articles read, " << n.stored << " stored, " << n.duplicates
                << " already stored, " << n.rejected << " rejected, " << n.skipped << " files skipped; "
                << n.sentences << " sentences, " << n.events << " events in " << secs << " s -> " << o->db << "\n";
    }
    return n.rejected > 0 ? kExitRejected : kExitOk;
  };
}

DYAD_COMMAND("ingest", "Read articles (files, directories, -), code them and store them in the database", Setup);

}  // namespace
}  // namespace dyad::cli
