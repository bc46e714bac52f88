// dyad code: code articles without storing them; events as JSON Lines.
#include <iostream>

#include "cli_util.h"
#include "command.h"
#include "dyad/engine.h"
#include "export/export.h"
#include "ingest/reader.h"

namespace dyad::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> paths;
  std::string data;
  std::string format = "jsonl";
  bool headings = false;
  bool explain = false;
  LinkingOptions linking;
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<CodeOptions>();
  app->add_option("paths", o->paths, "Files, directories or - for standard input")->required();
  app->add_option("--data", o->data, "Dictionaries and models (default: the shipped ones)");
  app->add_option("--format", o->format, "jsonl (PLOVER-style), csv or tsv")->capture_default_str()
      ->check(CLI::IsMember({"jsonl", "csv", "tsv"}));
  app->add_flag("--headings", o->headings, "Code heading lines too");
  app->add_flag("--explain", o->explain,
                "Print to stderr, for each sentence with a pattern match, its parse, the patterns and why each actor was chosen");
  AddLinkingOptions(app, &o->linking);
  return [o]() -> int {
    EngineOptions eo{.data_dir = o->data, .code_headings = o->headings, .explain = o->explain};
    ApplyLinkingOptions(o->linking, &eo);
    auto engine = Engine::Create(eo);
    if (!engine.ok()) return Fail("code", engine.status());
    auto format = exporting::ParseFormat(o->format);
    exporting::EventWriter w(std::cout, *format, {std::string(engine.value()->versions().coder_version), ""});
    w.WriteHeader();
    int64_t rejected = 0;
    auto on_article = [&](Article&& a) -> Status {
      CodedArticle c = engine.value()->Code(a);
      if (o->explain) std::cerr << "article " << a.id << " " << a.date.ToString() << "\n" << c.explanation;
      for (Event& e : c.events) {
        e.sentence_text = a.text.substr(e.sentence.begin, e.sentence.end - e.sentence.begin);
        w.Write(e);
      }
      return Status::Ok();
    };
    auto on_reject = [&](const ingest::Reject& r) {
      if (!r.skipped) ++rejected;
      std::cerr << (r.skipped ? "skipped " : "rejected ") << r.origin;
      if (r.line) std::cerr << ":" << r.line;
      std::cerr << ": " << r.reason << "\n";
    };
    for (const auto& path : o->paths) {
      Status s = ingest::ReadPath(path, {}, on_article, on_reject);
      if (!s.ok()) return Fail("code", s);
    }
    std::cout.flush();
    return rejected > 0 ? kExitRejected : kExitOk;
  };
}

DYAD_COMMAND("code", "Code articles and print their events (JSON Lines) without storing them", Setup);

}  // namespace
}  // namespace dyad::cli
