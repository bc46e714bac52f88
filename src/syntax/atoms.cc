#include "syntax/atoms.h"

#include "common/hash.h"

namespace dyad::syntax {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {
// Words a title-case headline leaves in lowercase.
bool IsSmallWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {"a",  "an", "the", "of", "in",   "on", "at", "to", "for", "and",
                                                "or", "but", "by", "with", "as", "from", "vs", "via", "into", "over"};
  for (std::string_view s : kSmall) {
    if (w == s) return true;
  }
  return false;
}
}  // namespace

std::vector<TokenAtoms> ComputeAtoms(const std::vector<std::string_view>& forms, bool* headline) {
  std::vector<TokenAtoms> atoms(forms.size());
  int words = 0, capitalised = 0, lowercase_content = 0, all_caps = 0;
  std::string lower, shape;
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view f = forms[i];
    TokenAtoms& a = atoms[i];
    a.form = Hash64(f, 1);
    lower.clear();
    shape.clear();
    bool any_lower = false, any_upper = false, any_alnum = false;
    for (char c : f) {
      char s;
      if (c >= 'A' && c <= 'Z') {
        lower.push_back(static_cast<char>(c - 'A' + 'a'));
        s = 'X';
        any_upper = any_alnum = true;
      } else if (c >= 'a' && c <= 'z') {
        lower.push_back(c);
        s = 'x';
        any_lower = any_alnum = true;
      } else if (c >= '0' && c <= '9') {
        lower.push_back('0');
        s = 'd';
        any_alnum = true;
        a.flags |= kDigit;
      } else {
        lower.push_back(c);
        s = (static_cast<unsigned char>(c) >= 0x80) ? 'u' : c;
        if (c == '-') a.flags |= kHyphen;
      }
      if (shape.size() < 2 || shape.back() != s || shape[shape.size() - 2] != s) shape.push_back(s);
    }
    if (!f.empty() && f[0] >= 'A' && f[0] <= 'Z') a.flags |= kCap;
    if (any_upper && !any_lower) a.flags |= kAllCaps;
    if (!any_alnum) a.flags |= kPunct;
    a.lower = Hash64(lower, 2);
    a.shape = Hash64(shape, 3);
    for (size_t k = 1; k <= 3; ++k) a.prefix[k - 1] = Hash64(std::string_view(lower).substr(0, k), 10 + k);
    for (size_t k = 1; k <= 4; ++k) {
      std::string_view lv(lower);
      a.suffix[k - 1] = Hash64(lv.substr(lv.size() > k ? lv.size() - k : 0), 20 + k);
    }
    if (i > 0 && (any_upper || any_lower)) {
      ++words;
      if (a.flags & kCap) ++capitalised;
      if (a.flags & kAllCaps) ++all_caps;
      if (!(a.flags & kCap) && !IsSmallWord(lower)) ++lowercase_content;
    }
  }
  // Title case ("Protesters Storm Parliament in Baghdad") leaves only small
  // words in lowercase; a news sentence full of names ("U.S. Secretary of
  // State Antony Blinken met ...") still has lowercase content words.
  *headline = words >= 3 && ((capitalised * 10 >= words * 6 && lowercase_content == 0) || all_caps * 10 >= words * 8);
  return atoms;
}

}  // namespace dyad::syntax
