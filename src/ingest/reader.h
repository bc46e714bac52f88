// Ingest: readers for every input form, with rejects reported, never dropped.
//
// Forms:
//   dated text  a file whose text starts with `date YYYY-MM-DD` followed by the
//               article (headings on lines of their own); extension .txt/.text
//               or detected by content.
//   JSON Lines  one article per line: {"id", "date", "title", "text", "url",
//               "source"}; `date` is an ISO 8601 date or date-time, `text` is
//               required; extension .jsonl/.ndjson or detected by content.
//   directory   read recursively, in byte order of paths (deterministic).
//   "-"         standard input, form detected by content.
//
// Every article that cannot be read is reported through the RejectFn with its
// origin (file), line and reason, and reading goes on with the next one.
// Files skipped for their type are reported too, marked `skipped`.
#ifndef DYAD_INGEST_READER_H_
#define DYAD_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "dyad/article.h"
#include "dyad/status.h"

namespace dyad::ingest {

struct Reject {
  std::string origin;   // file path, or "<stdin>"
  uint64_t line = 0;    // 1-based line where the problem is; 0 for the whole file
  std::string reason;
  bool skipped = false;  // a file not read because of its type (not an error)
};

struct ReadOptions {
  // JSON Lines lines longer than this are rejected without being parsed.
  size_t max_line_bytes = 1 << 20;
  // Article texts longer than this are rejected (1 MiB is ~150,000 words).
  size_t max_text_bytes = 1 << 20;
  // Dated-text files and standard input larger than this are rejected unread.
  size_t max_file_bytes = 64 << 20;
};

enum class Format { kAuto, kDatedText, kJsonLines };

// Called for each article read; a non-OK status stops reading and is returned.
using ArticleFn = std::function<Status(Article&&)>;
using RejectFn = std::function<void(const Reject&)>;

// Reads a file, a directory (recursively) or "-" (standard input). Returns a
// non-OK status only when reading cannot go on at all (a path that does not
// exist, an ArticleFn failure); bad articles are rejects, not errors.
Status ReadPath(const std::string& path, const ReadOptions& options, const ArticleFn& on_article,
                const RejectFn& on_reject);

// Reads a stream in the given form (kAuto sniffs the first bytes).
Status ReadStream(std::istream& in, const std::string& origin, Format format, const ReadOptions& options,
                  const ArticleFn& on_article, const RejectFn& on_reject);

// Parses one dated-text document. On failure, *line (if given) is set to the
// 1-based line of the problem. Pure; used by the readers and the fuzzer.
Result<Article> ParseDatedText(std::string_view content, const std::string& origin, const ReadOptions& options,
                               uint64_t* line = nullptr);

// Parses one JSON Lines line (without its newline). Pure.
Result<Article> ParseJsonLine(std::string_view line, const std::string& origin, const ReadOptions& options);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_READER_H_
