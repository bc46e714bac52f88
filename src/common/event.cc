#include "dyad/event.h"

#include "common/hash.h"

namespace dyad {

std::string EventId(const Event& e) {
  std::string key = e.article_id;
  key += '\x1f';
  key += std::to_string(e.sentence_index);
  for (const std::string* part : {&e.source.code, &e.target.code, &e.code}) {
    key += '\x1f';
    key += *part;
  }
  return Hex64(Hash64(key));
}

std::string_view QuadClassName(QuadClass q) {
  switch (q) {
    case QuadClass::kVerbalCooperation: return "Verbal Cooperation";
    case QuadClass::kMaterialCooperation: return "Material Cooperation";
    case QuadClass::kVerbalConflict: return "Verbal Conflict";
    case QuadClass::kMaterialConflict: return "Material Conflict";
  }
  return "Unknown";
}

}  // namespace dyad
