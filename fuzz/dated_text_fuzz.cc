// libFuzzer target: the dated-text reader and, on what it accepts, the text stage.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/reader.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  dyad::ingest::ReadOptions options;
  options.max_text_bytes = 1 << 16;
  uint64_t line = 0;
  auto a = dyad::ingest::ParseDatedText(in, "fuzz", options, &line);
  if (!a.ok()) return 0;
  // Accepted text must be valid UTF-8 and segment into in-range, ordered spans.
  const std::string& t = a->text;
  for (const auto& s : dyad::text::Segment(t)) {
    if (s.begin > s.end || s.end > t.size()) __builtin_trap();
    uint32_t prev = s.begin;
    for (const auto& tok : s.tokens) {
      if (tok.begin < prev || tok.end > s.end || tok.begin >= tok.end) __builtin_trap();
      prev = tok.end;
    }
  }
  return 0;
}
