// Fuzzes the whole coding chain on article text: segmentation, actor
// recognition, coreference, pattern matching, parsing and the dependency
// linker. Any valid UTF-8 text must be coded without a crash, a hang or an
// out-of-bounds read, and every event must point inside the text.
//
// Needs the shipped data: run from the repository root or set DYAD_DATA.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "common/utf8.h"
#include "dyad/engine.h"

namespace {
const dyad::Engine& TheEngine() {
  static std::unique_ptr<dyad::Engine> engine = [] {
    auto e = dyad::Engine::Create({.explain = true});
    if (!e.ok()) std::abort();  // no data directory: nothing to fuzz
    return std::move(e).value();
  }();
  return *engine;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.empty() || !dyad::utf8::IsValid(text)) return 0;  // the readers reject these before coding
  dyad::Article a;
  a.id = "fuzz";
  a.date = dyad::Date::FromYmd(2024, 3, 22);
  a.text = text;
  dyad::CodedArticle c = TheEngine().Code(a);
  for (const auto& e : c.events) {
    if (e.sentence.end > text.size() || e.trigger.end > text.size() || e.source.span.end > text.size()) std::abort();
  }
  return 0;
}
