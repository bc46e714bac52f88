// An article: the unit of ingest. Everything dyad codes points back into
// `text` by byte offsets, so the exact words behind an event can be shown.
#ifndef DYAD_ARTICLE_H_
#define DYAD_ARTICLE_H_

#include <string>
#include <string_view>

#include "dyad/date.h"

namespace dyad {

struct Article {
  std::string id;      // stable: hex of a 64-bit hash of (source, normalised text); see ArticleId()
  Date date;           // the publication date; roles of persons are judged by it
  std::string source;  // outlet or feed name; may be empty
  std::string url;     // may be empty
  std::string title;   // may be empty
  std::string text;    // the body, valid UTF-8, never empty
  std::string language = "en";
  std::string external_id;  // the id the input gave (JSON Lines `id`), kept for the user; may be empty
  std::string origin;  // where it came from: "path:line" or "path"; for reports, not identity
};

// The stable id of an article: the same source and text give the same id on
// any machine and in any version of dyad (format: 16 lowercase hex digits).
std::string ArticleId(std::string_view source, std::string_view text);

}  // namespace dyad

#endif  // DYAD_ARTICLE_H_
