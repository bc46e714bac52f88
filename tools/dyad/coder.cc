// `dyad coder`: tools for event-dictionary authors.
//   dyad coder try "[ISRGOV:p Netanyahu] met [USAGOV:p Blinken] in Tel Aviv."   code one marked sentence
//   dyad coder patterns [--root 19]                                            list the patterns
// Marked sentences name their actors inline (src/coder/marked.h); "-" reads them from stdin, one a line.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "coder/coder.h"
#include "coder/marked.h"
#include "command.h"
#include "ontology/ontology.h"

namespace dyad::cli {
namespace {

std::string DataDir(const std::string& opt) {
  if (!opt.empty()) return opt;
  if (const char* env = std::getenv("DYAD_DATA")) return env;
  std::string onto = ontology::SourceTreeOntologyPath();
  return onto.substr(0, onto.size() - std::string("/ontology/cameo.tsv").size());
}

std::function<int()> Setup(CLI::App* sub) {
  struct Opts {
    std::string data;
    std::string sentence;
    std::string date = "2024-01-01";
    std::string root;
    bool all = false;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--data", o->data, "data directory (default: $DYAD_DATA or the source tree's data/)");
  sub->require_subcommand(1);
  CLI::App* try_cmd = sub->add_subcommand("try", "code a marked sentence and print its events (TSV)");
  try_cmd->add_option("sentence", o->sentence, "marked sentence, or - for stdin (one a line)")->required();
  try_cmd->add_option("--date", o->date, "article date YYYY-MM-DD");
  try_cmd->add_flag("--all", o->all, "also show negated and hypothetical events");
  CLI::App* pat_cmd = sub->add_subcommand("patterns", "list the dictionary's patterns (TSV)");
  pat_cmd->add_option("--root", o->root, "only patterns whose code is under this root, e.g. 19");

  return [o, try_cmd, pat_cmd]() -> int {
    coder::CoderOptions opts;
    if (o->all) {
      opts.keep_negated = true;
      opts.keep_hypothetical = true;
    }
    auto coder = coder::Coder::Load(DataDir(o->data), opts);
    if (!coder.ok()) return Fail("coder", coder.status());
    if (pat_cmd->parsed()) {
      std::cout << "pattern\tcode\tname\tsource\n";
      for (const auto& p : coder->dictionary().patterns()) {
        if (!o->root.empty() && p.code.rfind(o->root, 0) != 0) continue;
        std::cout << p.text << '\t' << p.code << '\t' << coder->ontology().Find(p.code)->name << '\t' << p.source << '\n';
      }
      std::cerr << coder->dictionary_version() << "\n";
      return kExitOk;
    }
    auto date = Date::Parse(o->date);
    if (!date.ok()) return Fail("coder", Status::InvalidArgument("bad --date: " + date.status().message()));
    int rc = kExitOk;
    auto run = [&](const std::string& line) {
      auto ms = coder::ParseMarked(line);
      if (!ms.error.empty()) {
        std::cerr << "dyad coder: " << ms.error << ": " << line << "\n";
        rc = kExitRejected;
        return;
      }
      for (const Event& e : coder->CodeSentence(ms.text, ms.sentence, 0, ms.mentions, *date)) {
        std::cout << e.source.code << '\t' << (e.target.code.empty() ? "-" : e.target.code) << '\t' << e.code << '\t'
                  << coder->ontology().Find(e.code)->name << '\t' << e.goldstein << '\t'
                  << static_cast<int>(e.quad_class) << '\t' << e.plover_type << '\t' << e.trigger_text << '\t'
                  << e.confidence << '\t' << (e.negated ? "negated " : "") << (e.hypothetical ? "hypothetical" : "")
                  << '\t' << e.pattern << '\n';
      }
    };
    if (o->sentence == "-") {
      std::string line;
      while (std::getline(std::cin, line))
        if (!line.empty()) run(line);
    } else {
      run(o->sentence);
    }
    return rc;
  };
}

}  // namespace

DYAD_COMMAND("coder", "try the event coder on marked sentences; list dictionary patterns", Setup);

}  // namespace dyad::cli
