// libFuzzer target: the JSON Lines reader over a stream of lines.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  std::istringstream stream(in);
  dyad::ingest::ReadOptions options;
  options.max_line_bytes = 1 << 14;
  size_t articles = 0, rejects = 0;
  auto s = dyad::ingest::ReadStream(
      stream, "fuzz", dyad::ingest::Format::kJsonLines, options,
      [&](dyad::Article&& a) {
        if (a.text.empty() || a.id.size() != 16) __builtin_trap();
        ++articles;
        return dyad::Status::Ok();
      },
      [&](const dyad::ingest::Reject& r) {
        if (r.reason.empty()) __builtin_trap();
        ++rejects;
      });
  if (!s.ok()) __builtin_trap();
  return 0;
}
