// Line-by-line reading of a text held in memory, for the dictionary, ontology
// and benchmark-file parsers: lines without their "\n" or "\r\n", numbered from 1.
#ifndef DYAD_COMMON_LINES_H_
#define DYAD_COMMON_LINES_H_

#include <string_view>

namespace dyad {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // Sets *line to the next line; false after the last one. A final line
  // without a newline counts; an empty text has no lines.
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    *line = text_.substr(pos_, nl == std::string_view::npos ? std::string_view::npos : nl - pos_);
    pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
    ++line_no_;
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    return true;
  }

  // 1-based number of the line last returned.
  int line_no() const { return line_no_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_no_ = 0;
};

}  // namespace dyad

#endif  // DYAD_COMMON_LINES_H_
