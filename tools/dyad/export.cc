// dyad export: the event table as CSV/TSV, PLOVER-style JSON Lines, GDELT 2.0's
// 61-column event table or an ICEWS-style table.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

#include "cli_util.h"
#include "command.h"
#include "dyad/engine.h"
#include "export/export.h"
#include "ontology/ontology.h"

namespace dyad::cli {
namespace {

struct ExportOptions {
  std::string db = kDefaultDb;
  std::string format = "csv";
  std::string output = "-";
  bool no_header = false;
  EventFilterOptions filter;
};

// Event descriptions from the ontology and country names from the actor
// dictionary, for the ICEWS table's text columns.
struct IcewsNames {
  std::unordered_map<std::string, std::string> events, countries;
};

Result<std::shared_ptr<IcewsNames>> LoadIcewsNames() {
  auto names = std::make_shared<IcewsNames>();
  auto data = FindDataDir("");
  if (!data.ok()) return data.status();
  const std::string dir = *data;
  auto onto = ontology::Ontology::Load(dir + "/ontology/cameo.tsv");
  if (!onto.ok()) return onto.status();
  for (const auto& c : onto->codes()) {
    // The ontology writes root names in capitals ("MAKE PUBLIC STATEMENT"); ICEWS uses sentence case.
    std::string n = c.name;
    bool capitals = std::none_of(n.begin(), n.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    for (size_t i = 1; capitals && i < n.size(); ++i) {
      if (n[i] >= 'A' && n[i] <= 'Z') n[i] = static_cast<char>(n[i] - 'A' + 'a');
    }
    names->events[c.code] = n;
  }
  const std::string countries = dir + "/actors/countries.tsv";
  std::ifstream in(countries);
  if (!in) return Status::NotFound(countries + ": cannot open");
  std::string line;
  size_t lineno = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string::npos ? std::string::npos : line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos) {
      return Status::DataError(countries + ":" + std::to_string(lineno) + ": expected tab-separated code and name");
    }
    if (!header) {  // the column line
      header = true;
      continue;
    }
    names->countries[line.substr(0, tab1)] = line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
  }
  return names;
}

std::function<int()> Setup(CLI::App* app) {
  auto o = std::make_shared<ExportOptions>();
  app->add_option("--db", o->db, "Event database")->capture_default_str();
  app->add_option("--format", o->format,
                  "csv, tsv (event table, see docs/formats.md), jsonl (PLOVER-style), gdelt (GDELT 2.0, 61 columns, "
                  "no header) or icews (ICEWS columns, with header)")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "tsv", "jsonl", "gdelt", "icews"}));
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
    exporting::WriterInfo info{"dyad 0.1", "CAMEO 1.1b3; PLOVER 0.8", {}, {}};
    if (*format == exporting::Format::kIcews) {
      auto names = LoadIcewsNames();
      if (!names.ok()) return Fail("export", names.status());
      info.event_text = [n = *names](std::string_view code) {
        auto it = n->events.find(std::string(code));
        return it == n->events.end() ? std::string() : it->second;
      };
      info.country_name = [n = *names](std::string_view c) {
        auto it = n->countries.find(std::string(c));
        return it == n->countries.end() ? std::string() : it->second;
      };
    }
    exporting::EventWriter w(out.stream(), *format, info);
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

DYAD_COMMAND("export", "Export events: CSV/TSV (GDELT-style columns + provenance), PLOVER JSON Lines, GDELT 2.0 or ICEWS tables",
             Setup);

}  // namespace
}  // namespace dyad::cli
