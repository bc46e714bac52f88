// Fuzzes the CAMEO ontology parser with arbitrary bytes: it must return a
// Status, never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ontology/ontology.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  if (size % 2 == 0) in = std::string(dyad::ontology::kFormatLine) + "\n" + in;
  auto o = dyad::ontology::Ontology::Parse(in, "fuzz");
  if (o.ok()) (void)o->Find("190");
  return 0;
}
