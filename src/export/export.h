// Writers for coded events: the flat event table (CSV or TSV, GDELT-style
// column names plus provenance), PLOVER-style JSON Lines, GDELT 2.0's
// 61-column event table and an ICEWS-style table. Columns and fields are
// documented in docs/formats.md; a change there is a format change.
//
// Thread-safety: an EventWriter is used by one thread.
#ifndef DYAD_EXPORT_EXPORT_H_
#define DYAD_EXPORT_EXPORT_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::exporting {

enum class Format {
  kCsv,    // the flat event table with a header
  kTsv,
  kJsonl,  // PLOVER-style JSON Lines
  kGdelt,  // GDELT 2.0 event table: 61 columns, tab-separated, no header
  kIcews,  // ICEWS coded event data columns (20), tab-separated, with a header
};

Result<Format> ParseFormat(std::string_view name);  // "csv", "tsv", "jsonl", "gdelt", "icews"

// The columns of the flat event table, in order.
const std::vector<std::string_view>& TableColumns();
// GDELT 2.0's event table columns (61), in order.
const std::vector<std::string_view>& GdeltColumns();
// ICEWS's columns (20), in order, as in the Dataverse files' header.
const std::vector<std::string_view>& IcewsColumns();

// GDELT and ICEWS want integer event ids: the low 63 bits of the event's
// 64-bit id hash, in decimal. Stable like EventId().
std::string NumericEventId(const Event& e);
// The ICEWS sector word of a CAMEO agent code ("GOV" -> "Government"); the code itself when unknown.
std::string SectorName(std::string_view agent);

// The JSON Lines record of one event (PLOVER field names plus dyad's CAMEO and provenance fields).
std::string EventJson(const Event& e);

struct WriterInfo {
  std::string coder;     // "dyad-coder 0.1 / events 2026.11"; goes into PLOVER cite_info.coder
  std::string codebook;  // "CAMEO 1.1b3 + PLOVER 0.8"
  // Optional look-ups for the ICEWS table: a CAMEO code's description
  // ("Make a visit") and a country code's name ("ISR" -> "Israel"). When
  // unset or returning "", the code is written instead.
  std::function<std::string(std::string_view code)> event_text = {};
  std::function<std::string(std::string_view country)> country_name = {};
};

class EventWriter {
 public:
  EventWriter(std::ostream& out, Format format, WriterInfo info = {});
  void WriteHeader();  // CSV/TSV/ICEWS header line; nothing for JSON Lines and GDELT
  void Write(const Event& e);

 private:
  std::ostream& out_;
  Format format_;
  WriterInfo info_;
};

// Escapes a field for CSV (RFC 4180 quoting when needed).
std::string CsvField(std::string_view s);
// Makes a field safe for TSV: tabs and newlines become spaces.
std::string TsvField(std::string_view s);

}  // namespace dyad::exporting

#endif  // DYAD_EXPORT_EXPORT_H_
