// Fuzzes the two readers of outside input in src/syntax: CoNLL-U text and
// model files. Neither may crash, hang or read out of bounds; a model that
// loads must still produce a tree for any sentence.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "syntax/conllu.h"
#include "syntax/syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::istringstream in(input);
  auto sentences = dyad::syntax::ReadConllu(in, "fuzz");
  if (sentences.ok()) {
    std::ostringstream out;
    for (const auto& s : *sentences) dyad::syntax::WriteConllu(s, out);
  }
  auto model = dyad::syntax::Model::FromBytes(input, "fuzz");
  if (model.ok()) {
    std::vector<std::string_view> forms = {"Rebels", "attacked", "the", "town", "."};
    model->Analyze(forms);
  }
  return 0;
}
