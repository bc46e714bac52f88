// `dyad coder`: tools for event-dictionary authors.
//   dyad coder try "[ISRGOV:p Netanyahu] met [USAGOV:p Blinken] in Tel Aviv."   code one marked sentence
//   dyad coder patterns [--root 19]                                            list the patterns
// Marked sentences name their actors inline (src/coder/marked.h); "-" reads them from stdin, one a line.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "actors/actors.h"
#include "coder/coder.h"
#include "dyad/engine.h"
#include "text/text.h"
#include "coder/marked.h"
#include "command.h"
#include "ontology/ontology.h"

namespace dyad::cli {
namespace {

// The data directory as the engine finds it; on failure, the given path, so
// that the loader's error names it.
std::string DataDir(const std::string& opt) {
  auto found = FindDataDir(opt);
  return found.ok() ? *found : opt;
}

std::function<int()> Setup(CLI::App* sub) {
  struct Opts {
    std::string data;
    std::string sentence;
    std::string date = "2024-01-01";
    std::string root;
    bool all = false;
    bool recognise = false;
    bool explain = false;
    bool word_order = false;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--data", o->data, "data directory (default: $DYAD_DATA or the source tree's data/)");
  sub->require_subcommand(1);
  CLI::App* try_cmd = sub->add_subcommand("try", "code a marked sentence and print its events (TSV)");
  try_cmd->add_option("sentence", o->sentence, "marked sentence, or - for stdin (one a line)")->required();
  try_cmd->add_option("--date", o->date, "article date YYYY-MM-DD");
  try_cmd->add_flag("--all", o->all, "also show negated and hypothetical events");
  try_cmd->add_flag("--recognise", o->recognise,
                    "plain text instead of markup: find the actors with data/actors and show them as '# mention' lines");
  try_cmd->add_flag("--explain", o->explain, "also print the parse, the patterns and why each actor was chosen ('#' lines)");
  try_cmd->add_flag("--word-order", o->word_order, "link actors by word order only (no parser)");
  CLI::App* pat_cmd = sub->add_subcommand("patterns", "list the dictionary's patterns (TSV)");
  pat_cmd->add_option("--root", o->root, "only patterns whose code is under this root, e.g. 19");

  return [o, try_cmd, pat_cmd]() -> int {
    coder::CoderOptions opts;
    if (o->all) {
      opts.keep_negated = true;
      opts.keep_hypothetical = true;
    }
    if (o->word_order) opts.linker = coder::LinkerKind::kWordOrder;
    auto coder = coder::Coder::Load(DataDir(o->data), opts);
    if (!coder.ok()) return Fail("coder", coder.status());
    if (pat_cmd->parsed()) {
      std::cout << "pattern\tcode\tname\tsource\n";
      for (const auto& p : coder->dictionary().patterns()) {
        if (!o->root.empty() && p.code.rfind(o->root, 0) != 0) continue;
        const ontology::CameoCode* c = coder->ontology().Find(p.code);
        std::cout << p.text << '\t' << (p.code.empty() ? "-" : p.code) << '\t' << (c ? c->name : "(stop pattern)") << '\t'
                  << p.source << '\n';
      }
      std::cerr << coder->dictionary_version() << "\n";
      return kExitOk;
    }
    auto date = Date::Parse(o->date);
    if (!date.ok()) return Fail("coder", Status::InvalidArgument("bad --date: " + date.status().message()));
    int rc = kExitOk;
    std::unique_ptr<actors::ActorDictionary> actor_dict;
    std::unique_ptr<actors::ActorRecognizer> recognizer;
    if (o->recognise) {
      auto d = actors::ActorDictionary::LoadDir(DataDir(o->data) + "/actors");
      if (!d.ok()) return Fail("coder", d.status());
      actor_dict = std::make_unique<actors::ActorDictionary>(std::move(d).value());
      recognizer = std::make_unique<actors::ActorRecognizer>(*actor_dict);
    }
    auto print = [&](const std::string& text, const text::Sentence& sentence,
                     const std::vector<actors::ActorMention>& mentions) {
      coder::Trace trace;
      std::vector<Event> events = coder->CodeSentence(text, sentence, 0, mentions, *date, o->explain ? &trace : nullptr);
      if (o->explain) {
        std::string t = coder::FormatTrace(sentence, mentions, trace);
        for (size_t b = 0, e; b < t.size(); b = e + 1) {
          e = t.find('\n', b);
          if (e == std::string::npos) e = t.size();
          std::cout << "#" << t.substr(b, e - b) << '\n';
        }
      }
      for (const Event& e : events) {
        std::cout << e.source.code << '\t' << (e.target.code.empty() ? "-" : e.target.code) << '\t' << e.code << '\t'
                  << coder->ontology().Find(e.code)->name << '\t' << e.goldstein << '\t'
                  << static_cast<int>(e.quad_class) << '\t' << e.plover_type << '\t' << e.trigger_text << '\t'
                  << e.confidence << '\t' << (e.negated ? "negated " : "") << (e.hypothetical ? "hypothetical" : "")
                  << '\t' << e.pattern << '\n';
      }
    };
    auto run = [&](const std::string& line) {
      if (o->recognise) {
        for (const text::Sentence& s : text::Segment(line)) {
          auto mentions = recognizer->Recognize(s, *date);
          for (const auto& m : mentions)
            std::cout << "# mention\t" << m.code << '\t'
                      << line.substr(s.tokens[m.first].begin, s.tokens[m.end - 1].end - s.tokens[m.first].begin) << '\t'
                      << m.entry << '\n';
          print(line, s, mentions);
        }
        return;
      }
      auto ms = coder::ParseMarked(line);
      if (!ms.error.empty()) {
        std::cerr << "dyad coder: " << ms.error << ": " << line << "\n";
        rc = kExitRejected;
        return;
      }
      print(ms.text, ms.sentence, ms.mentions);
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
