#include "analysis_cli.h"

#include <cstdio>

namespace dyad::cli {

void AddAnalysisFilterOptions(CLI::App* app, AnalysisFilterOptions* o) {
  app->add_option("--from", o->from, "First day, YYYY-MM-DD (inclusive; default: the first matching event)");
  app->add_option("--to", o->to, "Last day, YYYY-MM-DD (inclusive; default: the last matching event)");
  app->add_option("--code", o->code, "Only CAMEO codes with this prefix: 19, 190, 0233");
  app->add_flag("--include-hypothetical", o->include_hypothetical, "Also count events flagged hypothetical");
  app->add_flag("--include-negated", o->include_negated, "Also count events flagged negated");
}

Result<analysis::Filter> MakeAnalysisFilter(const AnalysisFilterOptions& o) {
  EventFilterOptions e;
  e.from = o.from;
  e.to = o.to;
  e.code = o.code;
  auto q = MakeQuery(e);
  if (!q.ok()) return q.status();
  analysis::Filter f;
  f.from = q->from;
  f.to = q->to;
  f.code = q->code;
  f.include_hypothetical = o.include_hypothetical;
  f.include_negated = o.include_negated;
  if (f.from && f.to && *f.to < *f.from) return Status::InvalidArgument("--to is before --from");
  return f;
}

std::string ResolveFormat(const std::string& requested, const Output& out) {
  if (!requested.empty()) return requested;
  return out.is_terminal() ? "table" : "csv";
}

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace dyad::cli
