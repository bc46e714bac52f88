// dyad export: the event table as CSV/TSV or PLOVER-style JSON Lines.
#include "cli_util.h"
#include "command.h"
#include "export/export.h"

namespace dyad::cli {
namespace {

struct ExportOptions {
  std::string db = kDefaultDb;
  std::string format = "csv";
  std::string output = "-";
  bool no_header = false;
  EventFilterOptions filter;
};

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<ExportOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--format", o->format, "csv, tsv (event table, see docs/formats.md) or jsonl (PLOVER-style)")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "tsv", "jsonl"}));
  app->add_option("-o,--output", o->output, "Output file ('-': standard output)")->capture_default_str();
  app->add_flag("--no-header", o->no_header, "Leave out the header line of CSV/TSV");
  AddEventFilterOptions(app, &o->filter);
  return [o]() {
    auto q = MakeQuery(o->filter);
    if (!q.ok()) return Fail("export", q.status());
    auto format = exporting::ParseFormat(o->format);
    if (!format.ok()) return Fail("export", format.status());
    auto store = OpenExistingStore(o->db);
    if (!store.ok()) return Fail("export", store.status());
    Output out;
    if (Status s = out.Open(o->output); !s.ok()) return Fail("export", s);
    exporting::EventWriter w(out.stream(), *format, {"dyad 0.1", "CAMEO 1.1b3; PLOVER 0.8"});
    if (!o->no_header) w.WriteHeader();
    Status s = store.value()->QueryEvents(*q, [&](const Event& e) {
      w.Write(e);
      return true;
    });
    if (!s.ok()) return Fail("export", s);
    out.stream().flush();
    if (!out.stream()) return Fail("export", Status::IOError(o->output + ": write failed"));
    return static_cast<int>(kExitOk);
  };
}

DYAD_COMMAND("export", "Export events as CSV/TSV (GDELT-style columns + provenance) or PLOVER JSON Lines", Setup);

}  // namespace
}  // namespace dyad::cli
