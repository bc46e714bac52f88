// Helpers shared by the subcommands: option groups, the database option,
// output files, terminal detection.
#ifndef DYAD_TOOLS_CLI_UTIL_H_
#define DYAD_TOOLS_CLI_UTIL_H_

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "dyad/engine.h"
#include "dyad/store.h"

namespace dyad::cli {

inline constexpr const char* kDefaultDb = "dyad.db";

// Filters shared by `events`, `export` and the analysis commands.
struct EventFilterOptions {
  std::string actor, source, target, code, from, to;
  bool include_hypothetical = false;
  bool include_negated = false;
  size_t limit = 0;
};
void AddEventFilterOptions(CLI::App* app, EventFilterOptions* o);
// Validates dates and codes; InvalidArgument names the option.
Result<EventQuery> MakeQuery(const EventFilterOptions& o);

// How actors are linked and which events are kept: shared by `code`, `ingest`
// and `coder eval` (--word-order, --keep-untargeted).
struct LinkingOptions {
  bool word_order = false;
  bool keep_untargeted = false;
};
void AddLinkingOptions(CLI::App* app, LinkingOptions* o);
// Sets the engine options these flags stand for.
void ApplyLinkingOptions(const LinkingOptions& o, EngineOptions* e);

// Opens the store; a missing file is NotFound (reading commands never create one).
Result<std::unique_ptr<Store>> OpenExistingStore(const std::string& path);

// Standard output or a file ("-" is standard output).
class Output {
 public:
  Status Open(const std::string& path);
  std::ostream& stream() { return file_ ? *file_ : std::cout; }
  bool is_terminal() const;

 private:
  std::unique_ptr<std::ofstream> file_;
};

// Cuts a UTF-8 string to at most `width` code points (an ellipsis marks the cut);
// Cell also pads it to exactly `width`. Newlines and tabs become spaces.
std::string Clip(std::string_view s, size_t width);
std::string Cell(std::string_view s, size_t width);

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_CLI_UTIL_H_
