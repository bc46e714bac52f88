#include "cli_util.h"

#include <unistd.h>

#include <filesystem>

namespace dyad::cli {

void AddEventFilterOptions(CLI::App* app, EventFilterOptions* o) {
  app->add_option("--actor", o->actor, "Either side matches this actor (prefix: ISR matches ISRGOV, ISRMIL)");
  app->add_option("--source", o->source, "Source actor (prefix)");
  app->add_option("--target", o->target, "Target actor (prefix)");
  app->add_option("--code", o->code, "CAMEO code or root, as a prefix: 19, 190, 0233");
  app->add_option("--from", o->from, "First day, YYYY-MM-DD (inclusive)");
  app->add_option("--to", o->to, "Last day, YYYY-MM-DD (inclusive)");
  app->add_flag("--include-hypothetical", o->include_hypothetical, "Also events flagged hypothetical");
  app->add_flag("--include-negated", o->include_negated, "Also events flagged negated");
  app->add_option("--limit", o->limit, "At most this many events (0: all)");
}

Result<EventQuery> MakeQuery(const EventFilterOptions& o) {
  EventQuery q;
  q.actor = o.actor;
  q.source = o.source;
  q.target = o.target;
  for (char c : o.code) {
    if (c < '0' || c > '9') return Status::InvalidArgument("--code: '" + o.code + "' is not a CAMEO code");
  }
  if (o.code.size() > 4) return Status::InvalidArgument("--code: '" + o.code + "' is longer than a CAMEO code");
  q.code = o.code;
  if (!o.from.empty()) {
    auto d = Date::Parse(o.from);
    if (!d.ok() || o.from.size() != 10) return Status::InvalidArgument("--from: '" + o.from + "' is not YYYY-MM-DD");
    q.from = *d;
  }
  if (!o.to.empty()) {
    auto d = Date::Parse(o.to);
    if (!d.ok() || o.to.size() != 10) return Status::InvalidArgument("--to: '" + o.to + "' is not YYYY-MM-DD");
    q.to = *d;
  }
  q.include_hypothetical = o.include_hypothetical;
  q.include_negated = o.include_negated;
  q.limit = o.limit;
  return q;
}

void AddLinkingOptions(CLI::App* app, LinkingOptions* o) {
  app->add_flag("--word-order", o->word_order, "Link actors by word order only (no parser; faster, less accurate)");
  app->add_flag("--keep-untargeted", o->keep_untargeted,
                "Keep events of every kind without a target actor (default: statements, shows of force and appeals to "
                "a named non-actor only)");
}

void ApplyLinkingOptions(const LinkingOptions& o, EngineOptions* e) {
  e->dependency_linker = !o.word_order;
  e->keep_untargeted = o.keep_untargeted;
}

Result<std::unique_ptr<Store>> OpenExistingStore(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound(path + ": no such database (create one with `dyad ingest PATH --db " + path + "`)");
  }
  return Store::Open(path);
}

Status Output::Open(const std::string& path) {
  if (path.empty() || path == "-") return Status::Ok();
  file_ = std::make_unique<std::ofstream>(path, std::ios::binary);
  if (!*file_) return Status::IOError(path + ": cannot open for writing");
  return Status::Ok();
}

bool Output::is_terminal() const { return !file_ && isatty(STDOUT_FILENO); }

std::string Clip(std::string_view s, size_t width) {
  std::string out;
  size_t cols = 0;
  for (size_t i = 0; i < s.size() && cols < width;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char ch = s[i];
    if (ch == '\n' || ch == '\t' || ch == '\r') {
      out += ' ';
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
    ++cols;
    if (cols == width && i < s.size() && width > 1) {
      // Mark the cut with an ellipsis in the last column.
      size_t back = out.size();
      do { --back; } while (back > 0 && (static_cast<unsigned char>(out[back]) & 0xC0) == 0x80);
      out.resize(back);
      out += "\xE2\x80\xA6";
    }
  }
  return out;
}

std::string Cell(std::string_view s, size_t width) {
  std::string out = Clip(s, width);
  size_t cols = 0;
  for (char c : out) cols += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  out.append(width > cols ? width - cols : 0, ' ');
  return out;
}

}  // namespace dyad::cli
