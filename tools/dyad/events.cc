// dyad events: query the store.
#include <iostream>

#include "cli_util.h"
#include "command.h"
#include "export/export.h"

namespace dyad::cli {
namespace {

struct EventsOptions {
  std::string db = kDefaultDb;
  EventFilterOptions filter;
  std::string format;  // table, jsonl, csv, tsv; default: table on a terminal, else jsonl
};

void PrintTableRow(std::ostream& out, const Event& e) {
  out << e.date.ToString() << "  " << Cell(e.source.code, 10) << " " << Cell(e.target.code, 10) << " "
      << Cell(e.code, 5) << " " << Cell(e.plover_type, 9) << " " << Cell(e.sentence_text, 90) << "\n";
}

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<EventsOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  AddEventFilterOptions(app, &o->filter);
  app->add_option("--format", o->format, "table, jsonl, csv or tsv (default: table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "tsv"}));
  app->footer("Example: dyad events --db dyad.db --source USA --target ISR --code 13 --from 2024-01-01");
  return [o]() {
    auto q = MakeQuery(o->filter);
    if (!q.ok()) return Fail("events", q.status());
    auto store = OpenExistingStore(o->db);
    if (!store.ok()) return Fail("events", store.status());
    bool table = o->format == "table" || (o->format.empty() && isatty(1));
    Status s;
    if (table) {
      std::cout << Cell("date", 10) << "  " << Cell("source", 10) << " " << Cell("target", 10) << " "
                << Cell("code", 5) << " " << Cell("plover", 9) << " sentence\n";
      size_t n = 0;
      s = store.value()->QueryEvents(*q, [&](const Event& e) {
        PrintTableRow(std::cout, e);
        ++n;
        return true;
      });
      if (s.ok()) std::cout << n << " events\n";
    } else {
      auto format = exporting::ParseFormat(o->format.empty() ? "jsonl" : o->format);
      exporting::EventWriter w(std::cout, *format);
      w.WriteHeader();
      s = store.value()->QueryEvents(*q, [&](const Event& e) {
        w.Write(e);
        return true;
      });
    }
    if (!s.ok()) return Fail("events", s);
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("events", "List coded events from the store, filtered by actor, code and date", Setup);

}  // namespace
}  // namespace dyad::cli
