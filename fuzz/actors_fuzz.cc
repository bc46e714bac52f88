// libFuzzer target: the actor dictionary loader and the recogniser.
// The first byte picks what the rest of the input becomes: one of the six
// dictionary files (the others stay a small valid dictionary), or article
// text to segment and recognise with that valid dictionary.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "actors/actors.h"
#include "text/text.h"

namespace {

std::map<std::string, std::string> Baseline() {
  return {
      {"VERSION", "dyad-actors 1 fuzz\n"},
      {"countries.tsv",
       "code\tname\taliases\tadjectives\tcapitals\nISR\tIsrael\tIsrael\tIsraeli\tJerusalem\n"
       "USA\tUnited States\t=US|United States\tAmerican\t^Washington\nTCD\tChad\t^Chad\tChadian\t-\n"
       "AFG\tAfghanistan\tAfghanistan\tAfghan\tKabul\n"},
      {"agents.tsv", "agent\talone\tplace\tphrases\nMIL\ty\tn\ttroops|army\nGOV\ty\ty\tgovernment|prime minister\n-\tn\tn\t^Mr\n"},
      {"organizations.tsv",
       "code\tkind\tstart\tend\tname\taliases\nPSEREBHMS\tarmed\t-\t-\tHamas\tHamas\n"
       "AFGREBTAL\tarmed\t-\t2021-08-14\tTaliban\tTaliban\nAFGGOV\tstate\t2021-08-15\t-\tTaliban\tTaliban\n"
       "AFGGOV\tstate\t-\t-\tAfghan government\tKabul government\n"},
      {"persons.tsv", "id\tname\tcountry\taliases\nnetanyahu_b\tBenjamin Netanyahu\tISR\tNetanyahu|+Bibi\n"},
      {"roles.tsv", "person\tcode\tstart\tend\trole\nnetanyahu_b\tISRGOV\t2009-03-31\t2021-06-13\tPM\n"},
  };
}

const char* const kNames[] = {"VERSION", "countries.tsv", "agents.tsv", "organizations.tsv", "persons.tsv",
                              "roles.tsv"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  auto files = Baseline();
  unsigned mode = data[0] % 7;
  if (mode < 6) files[kNames[mode]] = rest;
  auto dict = dyad::actors::ActorDictionary::LoadFromMemory(files, "fuzz");
  if (!dict.ok()) {
    if (mode == 6 || dict.status().message().empty()) __builtin_trap();  // the baseline must load
    return 0;
  }
  dyad::actors::ActorRecognizer rec(*dict);
  std::string text = mode == 6 ? rest : "Israeli troops and Mr Netanyahu met the US government in Chad.";
  for (const auto& s : dyad::text::Segment(text)) {
    for (const auto& m : rec.Recognize(s, dyad::Date::FromYmd(2020, 1, 1))) {
      if (m.first >= m.end || m.end > s.tokens.size() || m.code.size() < 3) __builtin_trap();
    }
  }
  return 0;
}
