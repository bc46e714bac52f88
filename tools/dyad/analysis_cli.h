// Options and output helpers shared by the analysis subcommands (timeline,
// actors, network, shifts).
#ifndef DYAD_TOOLS_ANALYSIS_CLI_H_
#define DYAD_TOOLS_ANALYSIS_CLI_H_

#include <CLI/CLI.hpp>
#include <string>

#include "analysis/analysis.h"
#include "cli_util.h"

namespace dyad::cli {

// --from, --to, --code, --include-hypothetical, --include-negated.
struct AnalysisFilterOptions {
  std::string from, to, code;
  bool include_hypothetical = false;
  bool include_negated = false;
};
void AddAnalysisFilterOptions(CLI::App* app, AnalysisFilterOptions* o);
// Validates dates and the code as `dyad events` does.
Result<analysis::Filter> MakeAnalysisFilter(const AnalysisFilterOptions& o);

// The help text of actor pattern arguments: the matching rule, in one place.
inline constexpr const char* kPatternHelp =
    "actor pattern, matched as a code prefix: ISR (ISR, ISRGOV, ISRMIL...), ISRGOV, IGOUNO";

// "table" on a terminal and "csv" otherwise, unless --format says.
std::string ResolveFormat(const std::string& requested, const Output& out);

std::string Fixed(double v, int digits);

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_ANALYSIS_CLI_H_
