// Fuzzes the event-dictionary and verb-forms parsers with arbitrary bytes:
// they must return a Status, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "coder/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  size_t split = in.find('\x01');
  std::string events = in.substr(0, split);
  std::string verbs = split == std::string::npos ? std::string(dyad::coder::kVerbFormsFormatLine) + "\n"
                                                 : in.substr(split + 1);
  // Half the inputs get valid format lines so the fuzzer reaches the line parsers.
  if (size % 2 == 0) events = std::string(dyad::coder::kEventsFormatLine) + "\nversion f\n" + events;
  auto d = dyad::coder::EventDictionary::Parse(events, "fuzz-events", verbs, "fuzz-verbs");
  if (d.ok()) {
    for (const char* w : {"attacked", "meeting", "ies", "ed", "ing", "s"}) (void)d->LemmaOf(w);
  }
  return 0;
}
