#include "ingest/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "common/hash.h"
#include "common/utf8.h"
#include "text/text.h"

namespace dyad {

std::string ArticleId(std::string_view source, std::string_view text) {
  // Normalised and whitespace-collapsed, so that re-wrapped or re-quoted copies
  // of one article get one id.
  std::string norm = text::Normalize(text);
  std::string key;
  key.reserve(source.size() + norm.size() + 1);
  key.append(source);
  key.push_back('\x1f');
  bool space = true;
  for (char c : norm) {
    bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (is_space) {
      space = true;
      continue;
    }
    if (space && key.back() != '\x1f') key.push_back(' ');
    space = false;
    key.push_back(c);
  }
  return Hex64(Hash64(key));
}

namespace ingest {
namespace {

namespace fs = std::filesystem;

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

uint64_t LineOf(std::string_view s, size_t offset) {
  return 1 + static_cast<uint64_t>(std::count(s.begin(), s.begin() + std::min(offset, s.size()), '\n'));
}

std::string Shorten(std::string_view s, size_t n = 40) {
  std::string out(s.substr(0, n));
  if (!utf8::IsValid(out)) out = "<not UTF-8>";
  if (s.size() > n) out += "...";
  return out;
}

Status CheckText(std::string_view text, const ReadOptions& options) {
  if (Trim(text).empty()) return Status::DataError("empty text");
  if (text.size() > options.max_text_bytes) {
    return Status::DataError("text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                             std::to_string(options.max_text_bytes));
  }
  return Status::Ok();
}

Format FormatFromExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".txt" || ext == ".text") return Format::kDatedText;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  return Format::kAuto;
}

// Guesses the form from the first non-blank bytes.
Format Sniff(std::string_view head) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = Trim(head);
  if (!head.empty() && head[0] == '{') return Format::kJsonLines;
  if (head.size() >= 5 && (head.substr(0, 5) == "date " || head.substr(0, 5) == "date\t" ||
                           head.substr(0, 5) == "Date " || head.substr(0, 5) == "DATE ")) {
    return Format::kDatedText;
  }
  return Format::kAuto;
}

Status ReadJsonLines(std::istream& in, const std::string& origin, const ReadOptions& options,
                     const ArticleFn& on_article, const RejectFn& on_reject) {
  std::string line;
  uint64_t line_no = 0;
  std::vector<char> buf(1 << 16);
  bool overflow = false;
  size_t overflow_bytes = 0;
  auto finish_line = [&]() -> Status {
    ++line_no;
    if (overflow) {
      on_reject({origin, line_no,
                 "line of " + std::to_string(overflow_bytes) + " bytes exceeds the limit of " +
                     std::to_string(options.max_line_bytes)});
    } else if (!Trim(line).empty()) {
      auto r = ParseJsonLine(line, origin + ":" + std::to_string(line_no), options);
      if (r.ok()) {
        DYAD_RETURN_IF_ERROR(on_article(std::move(r).value()));
      } else {
        on_reject({origin, line_no, r.status().message()});
      }
    }
    line.clear();
    overflow = false;
    overflow_bytes = 0;
    return Status::Ok();
  };
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    std::string_view chunk(buf.data(), static_cast<size_t>(got));
    while (!chunk.empty()) {
      size_t nl = chunk.find('\n');
      std::string_view piece = chunk.substr(0, nl);
      if (overflow) {
        overflow_bytes += piece.size();
      } else if (line.size() + piece.size() > options.max_line_bytes) {
        overflow = true;
        overflow_bytes = line.size() + piece.size();
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(piece);
      }
      if (nl == std::string_view::npos) break;
      DYAD_RETURN_IF_ERROR(finish_line());
      chunk.remove_prefix(nl + 1);
    }
  }
  if (in.bad()) return Status::IOError(origin + ": read failed");
  if (!line.empty() || overflow) DYAD_RETURN_IF_ERROR(finish_line());
  return Status::Ok();
}

Status ReadWholeStream(std::istream& in, const std::string& origin, const ReadOptions& options, std::string* out,
                       bool* too_big) {
  std::vector<char> buf(1 << 16);
  *too_big = false;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (out->size() + static_cast<size_t>(got) > options.max_file_bytes) {
      *too_big = true;
      out->clear();
      return Status::Ok();
    }
    out->append(buf.data(), static_cast<size_t>(got));
  }
  if (in.bad()) return Status::IOError(origin + ": read failed");
  return Status::Ok();
}

Status ReadDatedTextContent(std::string_view content, const std::string& origin, const ReadOptions& options,
                            const ArticleFn& on_article, const RejectFn& on_reject) {
  uint64_t line = 0;
  auto r = ParseDatedText(content, origin, options, &line);
  if (!r.ok()) {
    on_reject({origin, line, r.status().message()});
    return Status::Ok();
  }
  return on_article(std::move(r).value());
}

Status ReadFile(const fs::path& path, Format format, bool from_directory, const ReadOptions& options,
                const ArticleFn& on_article, const RejectFn& on_reject) {
  const std::string origin = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_reject({origin, 0, "cannot open file"});
    return Status::Ok();
  }
  if (format == Format::kAuto) {
    char head[512];
    in.read(head, sizeof head);
    std::string_view h(head, static_cast<size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    if (utf8::LooksBinary(h)) {
      on_reject({origin, 0, "binary file", from_directory});
      return Status::Ok();
    }
    format = Sniff(h);
    if (format == Format::kAuto) {
      if (from_directory) {
        on_reject({origin, 0, "skipped: not a .txt or .jsonl file", true});
      } else {
        on_reject({origin, 1, "unknown input form: neither a 'date YYYY-MM-DD' header nor a JSON object"});
      }
      return Status::Ok();
    }
  }
  if (format == Format::kJsonLines) return ReadJsonLines(in, origin, options, on_article, on_reject);
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > options.max_file_bytes) {
    on_reject({origin, 0,
               "file of " + std::to_string(size) + " bytes exceeds the limit of " +
                   std::to_string(options.max_file_bytes)});
    return Status::Ok();
  }
  std::string content;
  bool too_big = false;
  DYAD_RETURN_IF_ERROR(ReadWholeStream(in, origin, options, &content, &too_big));
  if (too_big) {
    on_reject({origin, 0, "file exceeds the limit of " + std::to_string(options.max_file_bytes) + " bytes"});
    return Status::Ok();
  }
  return ReadDatedTextContent(content, origin, options, on_article, on_reject);
}

}  // namespace

Result<Article> ParseDatedText(std::string_view content, const std::string& origin, const ReadOptions& options,
                               uint64_t* line) {
  auto fail = [&](uint64_t l, std::string reason) -> Status {
    if (line) *line = l;
    return Status::DataError(std::move(reason));
  };
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  if (Trim(content).empty()) return fail(0, "empty file");
  if (utf8::LooksBinary(content.substr(0, 4096))) return fail(0, "binary file");
  size_t bad = utf8::FindInvalid(content);
  if (bad != std::string_view::npos) {
    return fail(LineOf(content, bad), "invalid UTF-8 at byte " + std::to_string(bad));
  }
  if (utf8::LooksBinary(content)) return fail(0, "binary file (control characters)");
  size_t start = content.find_first_not_of(" \t\r\n\f\v");
  uint64_t header_line = LineOf(content, start);
  std::string_view rest = content.substr(start);
  auto lower4 = std::string(rest.substr(0, 4));
  std::transform(lower4.begin(), lower4.end(), lower4.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower4 != "date" || (rest.size() > 4 && std::string_view(" \t:\r\n").find(rest[4]) == std::string_view::npos)) {
    return fail(header_line, "no 'date YYYY-MM-DD' header at the start of the file");
  }
  rest.remove_prefix(std::min<size_t>(rest.size(), 4));
  size_t db = rest.find_first_not_of(" \t:");
  if (db == std::string_view::npos || rest[db] == '\n' || rest[db] == '\r') {  // "date" alone on its line
    return fail(header_line, "the 'date' header has no date");
  }
  rest.remove_prefix(db);
  size_t de = rest.find_first_of(" \t\r\n");
  std::string_view date_text = rest.substr(0, de);
  // A date-time may be written with a space: "date 2024-03-22 10:15:00Z".
  auto date = Date::Parse(date_text);
  if (!date.ok()) return fail(header_line, "invalid date '" + Shorten(date_text) + "': " + date.status().message());
  rest.remove_prefix(de == std::string_view::npos ? rest.size() : de);
  std::string_view text = Trim(rest);
  if (text.empty()) return fail(header_line, "empty text after the date header");
  DYAD_RETURN_IF_ERROR(CheckText(text, options));
  Article a;
  a.date = *date;
  a.text = std::string(text);
  a.origin = origin;
  a.id = ArticleId(a.source, a.text);
  return a;
}

Result<Article> ParseJsonLine(std::string_view line, const std::string& origin, const ReadOptions& options) {
  if (line.size() > options.max_line_bytes) {
    return Status::DataError("line of " + std::to_string(line.size()) + " bytes exceeds the limit of " +
                             std::to_string(options.max_line_bytes));
  }
  size_t bad = utf8::FindInvalid(line);
  if (bad != std::string_view::npos) return Status::DataError("invalid UTF-8 at column " + std::to_string(bad + 1));
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  } catch (const nlohmann::json::exception& e) {
    // Even without exceptions the parser throws on some values (a number
    // overflow such as 1e9103, found by the fuzzer).
    std::string what = e.what();
    size_t p = what.find("] ");
    return Status::DataError("malformed JSON: " + (p == std::string::npos ? what : what.substr(p + 2)));
  }
  if (j.is_discarded()) {
    // Parse again for the position and reason; only on the error path.
    std::string why = "malformed JSON";
    try {
      nlohmann::json unused = nlohmann::json::parse(line);
      (void)unused;
    } catch (const nlohmann::json::exception& e) {
      std::string what = e.what();
      size_t p = what.find("] ");
      why += ": " + (p == std::string::npos ? what : what.substr(p + 2));
    }
    if (!Trim(line).empty() && Trim(line).back() != '}') why += " (truncated line?)";
    return Status::DataError(why);
  }
  if (!j.is_object()) return Status::DataError(std::string("a JSON ") + j.type_name() + ", not an object");
  auto get_string = [&](const char* key, bool required, std::string* out) -> Status {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      return required ? Status::DataError(std::string("missing field '") + key + "'") : Status::Ok();
    }
    if (!it->is_string()) return Status::DataError(std::string("field '") + key + "' is not a string");
    *out = it->get<std::string>();
    return Status::Ok();
  };
  Article a;
  std::string date_text;
  DYAD_RETURN_IF_ERROR(get_string("date", true, &date_text));
  auto date = Date::Parse(Trim(date_text));
  if (!date.ok()) return Status::DataError("invalid date '" + Shorten(date_text) + "': " + date.status().message());
  a.date = *date;
  DYAD_RETURN_IF_ERROR(get_string("text", true, &a.text));
  a.text = std::string(Trim(a.text));
  DYAD_RETURN_IF_ERROR(CheckText(a.text, options));
  DYAD_RETURN_IF_ERROR(get_string("title", false, &a.title));
  DYAD_RETURN_IF_ERROR(get_string("url", false, &a.url));
  DYAD_RETURN_IF_ERROR(get_string("source", false, &a.source));
  std::string lang;
  DYAD_RETURN_IF_ERROR(get_string("language", false, &lang));
  if (!lang.empty()) a.language = lang;
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string()) a.external_id = it->get<std::string>();
    else if (it->is_number_integer()) a.external_id = std::to_string(it->get<long long>());
    else if (!it->is_null()) return Status::DataError("field 'id' is neither a string nor an integer");
  }
  a.origin = origin;
  a.id = ArticleId(a.source, a.text);
  return a;
}

Status ReadStream(std::istream& in, const std::string& origin, Format format, const ReadOptions& options,
                  const ArticleFn& on_article, const RejectFn& on_reject) {
  if (format == Format::kJsonLines) return ReadJsonLines(in, origin, options, on_article, on_reject);
  std::string content;
  bool too_big = false;
  if (format == Format::kAuto) {
    // Sniff without consuming more than needed: JSON Lines is streamed.
    std::string head;
    while (head.size() < 512) {
      int c = in.get();
      if (c == EOF) break;
      head.push_back(static_cast<char>(c));
      if (c == '{' || (!std::isspace(c) && head.size() >= 5)) break;
    }
    if (utf8::LooksBinary(head)) {
      on_reject({origin, 0, "binary input"});
      return Status::Ok();
    }
    format = Sniff(head);
    if (format == Format::kJsonLines) {
      std::string rest_of_stream;
      // Put the sniffed bytes back in front of the stream.
      std::stringstream joined;
      joined << head << in.rdbuf();
      return ReadJsonLines(joined, origin, options, on_article, on_reject);
    }
    if (format == Format::kAuto) {
      if (Trim(head).empty() && in.peek() == EOF) {
        on_reject({origin, 0, "empty input"});
      } else {
        on_reject({origin, 1, "unknown input form: neither a 'date YYYY-MM-DD' header nor a JSON object"});
      }
      return Status::Ok();
    }
    content = head;
  }
  std::string tail;
  DYAD_RETURN_IF_ERROR(ReadWholeStream(in, origin, options, &tail, &too_big));
  if (too_big || content.size() + tail.size() > options.max_file_bytes) {
    on_reject({origin, 0, "input exceeds the limit of " + std::to_string(options.max_file_bytes) + " bytes"});
    return Status::Ok();
  }
  content += tail;
  return ReadDatedTextContent(content, origin, options, on_article, on_reject);
}

Status ReadPath(const std::string& path, const ReadOptions& options, const ArticleFn& on_article,
                const RejectFn& on_reject) {
  if (path == "-") return ReadStream(std::cin, "<stdin>", Format::kAuto, options, on_article, on_reject);
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound(path + ": no such file or directory");
  if (fs::is_directory(st)) {
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) return Status::IOError(path + ": " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) {
        on_reject({path, 0, "cannot list directory: " + ec.message()});
        break;
      }
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory()) it.disable_recursion_pending();
        on_reject({p.string(), 0, "skipped: hidden", true});
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Format fmt = FormatFromExtension(f);
      DYAD_RETURN_IF_ERROR(ReadFile(f, fmt, /*from_directory=*/true, options, on_article, on_reject));
    }
    return Status::Ok();
  }
  return ReadFile(path, FormatFromExtension(path), /*from_directory=*/false, options, on_article, on_reject);
}

}  // namespace ingest
}  // namespace dyad
