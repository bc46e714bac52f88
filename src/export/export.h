// Writers for coded events: the flat event table (CSV or TSV, GDELT-style
// column names plus provenance) and PLOVER-style JSON Lines. Columns and
// fields are documented in docs/formats.md; a change there is a format change.
//
// Thread-safety: an EventWriter is used by one thread.
#ifndef DYAD_EXPORT_EXPORT_H_
#define DYAD_EXPORT_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::exporting {

enum class Format { kCsv, kTsv, kJsonl };

Result<Format> ParseFormat(std::string_view name);  // "csv", "tsv", "jsonl"

// The columns of the flat event table, in order.
const std::vector<std::string_view>& TableColumns();

// The JSON Lines record of one event (PLOVER field names plus dyad's CAMEO and provenance fields).
std::string EventJson(const Event& e);

struct WriterInfo {
  std::string coder;     // "dyad-coder 0.1 / events 2026.11"; goes into PLOVER cite_info.coder
  std::string codebook;  // "CAMEO 1.1b3 + PLOVER 0.8"
};

class EventWriter {
 public:
  EventWriter(std::ostream& out, Format format, WriterInfo info = {});
  void WriteHeader();  // CSV/TSV header line; nothing for JSON Lines
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
