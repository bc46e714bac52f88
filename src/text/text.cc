#include "text/text.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "common/utf8.h"

namespace dyad::text {
namespace {

// Sentences longer than this are cut: a run-on line without punctuation must
// not make a stage downstream quadratic.
constexpr size_t kMaxSentenceTokens = 200;

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x1680;
}

// Invisible characters that are dropped from token forms.
bool IsInvisibleCp(uint32_t cp) { return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x2060; }

// The ASCII meaning of a typographic character, or 0 if none.
const char* FoldCp(uint32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: return "-";
    case 0x2013: case 0x2014: case 0x2015: return "--";
    case 0x2026: return "...";
    default: return nullptr;
  }
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Abbreviation classes decide whether a period ends a sentence.
enum class Abbrev { kNone, kTitle, kMonth, kInitial, kOther };

Abbrev ClassifyAbbrev(std::string_view form_with_dot) {
  if (form_with_dot.size() < 2 || form_with_dot.back() != '.') return Abbrev::kNone;
  std::string_view w = form_with_dot.substr(0, form_with_dot.size() - 1);
  // Titles before names: a period after them never ends a sentence.
  static const std::unordered_set<std::string_view> kTitles = {
      "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "cmdr", "adm",
      "prof", "st", "rev", "sec", "pres", "amb", "brig", "gens", "cpl", "pvt", "insp", "supt", "hon", "no",
      "nos", "vol", "art", "fig", "sens", "reps", "messrs", "mt", "ft", "lt.gen", "vs", "v"};
  static const std::unordered_set<std::string_view> kMonths = {
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  static const std::unordered_set<std::string_view> kOthers = {
      "inc", "corp", "ltd", "co", "bros", "etc", "approx", "dept", "univ", "est", "govt", "jr", "sr", "cf", "al"};
  std::string lw = AsciiLower(w);
  if (kTitles.count(lw)) return Abbrev::kTitle;
  if (kMonths.count(lw)) return Abbrev::kMonth;
  if (kOthers.count(lw)) return Abbrev::kOther;
  if (w.size() == 1 && IsAsciiUpper(w[0])) return Abbrev::kInitial;
  // Dotted acronyms: U.S, U.N, D.C, e.g, a.m, U.S.A (letters separated by single dots).
  bool dotted = w.size() >= 3;
  for (size_t i = 0; i < w.size() && dotted; ++i) {
    bool letter_pos = (i % 2 == 0);
    dotted = letter_pos ? ((IsAsciiUpper(w[i]) || IsAsciiLower(w[i]))) : w[i] == '.';
  }
  if (dotted) return Abbrev::kOther;
  return Abbrev::kNone;
}

// Words that start sentences and rarely follow "U.S." inside a name.
bool IsSentenceStarter(std::string_view lower) {
  static const std::unordered_set<std::string_view> kStarters = {
      "the", "he", "she", "it", "they", "we", "i", "you", "a", "an", "in", "on", "at", "but", "and", "or", "so",
      "this", "that", "these", "those", "its", "his", "her", "their", "our", "there", "here", "after", "before",
      "when", "while", "if", "as", "since", "however", "meanwhile", "earlier", "later", "last", "on", "both",
      "some", "many", "most", "officials", "no", "not", "yet", "still", "also", "then", "what", "who", "why",
      "how", "one", "two", "three", "for", "with", "from", "by", "to", "under", "during", "according"};
  return kStarters.count(lower) > 0;
}

struct RawToken {
  uint32_t begin, end;
};

bool IsOpeningPunct(uint32_t cp) {
  return cp == '"' || cp == '(' || cp == '[' || cp == '{' || cp == 0x201C || cp == 0x2018 || cp == 0xAB ||
         cp == 0xBF || cp == 0xA1 || cp == '*' || cp == 0x2022 || cp == '#' || cp == '`' || cp == 0x201E;
}

bool IsClosingPunct(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026 ||
         cp == '.' || cp == '*';
}

bool IsDashCp(uint32_t cp) { return cp == 0x2013 || cp == 0x2014 || cp == 0x2015; }

// Code point before byte position `end` in s (s[start, end)), with its length.
uint32_t LastCp(std::string_view s, size_t start, size_t end, int* len) {
  size_t i = end;
  do { --i; } while (i > start && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  uint32_t cp = utf8::Decode(s, i, len);
  *len = static_cast<int>(end - i);
  return cp;
}

// Splits a clitic off the end of a word: n't, 's, 're, 've, 'll, 'd, 'm (straight or curly apostrophe).
// Returns the byte length of the clitic, or 0.
size_t CliticLength(std::string_view s, size_t b, size_t e) {
  std::string_view w = s.substr(b, e - b);
  auto ends_with_ci = [&](std::string_view suffix) {
    if (w.size() <= suffix.size()) return false;
    std::string_view tail = w.substr(w.size() - suffix.size());
    for (size_t i = 0; i < suffix.size(); ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    std::string nt = std::string("n") + std::string(apos) + "t";
    if (ends_with_ci(nt)) return nt.size();
    for (std::string_view c : {"s", "re", "ve", "ll", "d", "m"}) {
      std::string cl = std::string(apos) + std::string(c);
      if (ends_with_ci(cl)) return cl.size();
    }
  }
  return 0;
}

// Splits one whitespace-free chunk [b, e) of s into raw tokens.
void SplitChunk(std::string_view s, size_t b, size_t e, std::vector<RawToken>* out) {
  // A full stop with the space missing: "money.He did" -> "money." "He". Needs
  // two lowercase letters before and an uppercase then lowercase letter after,
  // so that U.S., e.g. and example.com stay whole.
  for (size_t p = b + 2; p + 2 < e; ++p) {
    if (s[p] == '.' && IsAsciiLower(s[p - 1]) && IsAsciiLower(s[p - 2]) && IsAsciiUpper(s[p + 1]) &&
        IsAsciiLower(s[p + 2])) {
      SplitChunk(s, b, p + 1, out);
      SplitChunk(s, p + 1, e, out);
      return;
    }
  }
  // Leading punctuation, one mark at a time ("(", quotes, dashes).
  while (b < e) {
    int len;
    uint32_t cp = utf8::Decode(s, b, &len);
    bool dash_lead = IsDashCp(cp) || (cp == '-' && b + 1 < e && s[b + 1] == '-');
    if (cp == '\'' && b + 1 < e && IsDigit(s[b + 1])) break;  // '90s
    if (!IsOpeningPunct(cp) && !dash_lead && cp != '\'' && cp != 0x2019) break;
    if (cp == '-' ) len = 2;
    out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(b + len)});
    b += len;
  }
  // Trailing punctuation, collected from the end.
  std::vector<RawToken> tail;
  while (b < e) {
    int len;
    uint32_t cp = LastCp(s, b, e, &len);
    if (cp == '.') {
      if (e - b >= 3 && s[e - 2] == '.' && s[e - 3] == '.') {  // ellipsis
        size_t eb = e - 3;
        while (eb > b && s[eb - 1] == '.') --eb;
        tail.push_back({static_cast<uint32_t>(eb), static_cast<uint32_t>(e)});
        e = eb;
        continue;
      }
      if (e - b >= 2 && ClassifyAbbrev(s.substr(b, e - b)) != Abbrev::kNone) break;
    } else if (!IsClosingPunct(cp) && !IsDashCp(cp)) {
      if (cp == '%' && e - b > 1) {  // 5% -> 5 %
        tail.push_back({static_cast<uint32_t>(e - 1), static_cast<uint32_t>(e)});
        e -= 1;
        continue;
      }
      break;
    }
    tail.push_back({static_cast<uint32_t>(e - len), static_cast<uint32_t>(e)});
    e -= len;
  }
  // Middle: split on dashes joining words ("war--and", "war—and"), then clitics.
  size_t start = b;
  size_t i = b;
  while (i < e) {
    int len;
    uint32_t cp = utf8::Decode(s, i, &len);
    bool double_hyphen = cp == '-' && i + 1 < e && s[i + 1] == '-';
    if (IsDashCp(cp) || double_hyphen) {
      if (double_hyphen) len = 2;
      if (i > start) out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
      out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
      start = i + len;
    }
    i += len;
  }
  if (start < e) {
    // Currency before a number: "$5" -> "$" "5".
    if (e - start > 1 && (s[start] == '$') && IsDigit(s[start + 1])) {
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(start + 1)});
      ++start;
    }
    size_t cl = CliticLength(s, start, e);
    if (cl > 0) {
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e - cl)});
      out->push_back({static_cast<uint32_t>(e - cl), static_cast<uint32_t>(e)});
    } else {
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(e)});
    }
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) out->push_back(*it);
}

Token MakeToken(std::string_view text, RawToken r) {
  Token t;
  t.begin = r.begin;
  t.end = r.end;
  t.form = Normalize(text.substr(r.begin, r.end - r.begin));
  t.lower = AsciiLower(t.form);
  bool alnum = false;
  for (char c : t.form) {
    if (IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) { alnum = true; break; }
  }
  if (!t.form.empty() && IsDigit(t.form[0])) t.kind = TokenKind::kNumber;
  else if (!alnum) t.kind = TokenKind::kPunct;
  else t.kind = TokenKind::kWord;
  return t;
}

bool IsTerminal(const Token& t) {
  return t.form == "." || t.form == "!" || t.form == "?" || t.form == "..." || t.form == "?!" ||
         t.form == "!?";
}

bool IsClosingToken(const Token& t) {
  return t.form == "\"" || t.form == "'" || t.form == ")" || t.form == "]" || t.form == "}";
}

// Splits a block's tokens into sentences.
void SplitTokens(std::vector<Token>&& tokens, std::vector<Sentence>* out) {
  size_t first = 0;
  auto emit = [&](size_t end_tok) {
    if (end_tok <= first) return;
    Sentence sent;
    sent.tokens.assign(std::make_move_iterator(tokens.begin() + first), std::make_move_iterator(tokens.begin() + end_tok));
    sent.begin = sent.tokens.front().begin;
    sent.end = sent.tokens.back().end;
    out->push_back(std::move(sent));
    first = end_tok;
  };
  const size_t n = tokens.size();
  bool in_quote = false;  // straight quotes give no direction: track parity
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.form == "\"") in_quote = !in_quote;
    bool boundary = false;
    size_t cut = i + 1;
    // A list marker ("1." at the start of a line) is not a sentence.
    const bool list_marker = t.form == "." && i == first + 1 && tokens[first].kind == TokenKind::kNumber &&
                             tokens[first].form.size() <= 3;
    if (IsTerminal(t) && !list_marker) {
      // Absorb closing quotes and brackets: ... ." He said
      bool quote_after = in_quote;
      while (cut < n && IsClosingToken(tokens[cut])) {
        if (tokens[cut].form == "\"") {
          if (!quote_after) break;
          quote_after = false;
        }
        ++cut;
      }
      if (cut >= n) {
        boundary = true;
      } else {
        const Token& next = tokens[cut];
        char c0 = next.form.empty() ? ' ' : next.form[0];
        bool quote_open = next.form == "\"" || next.form == "(" || next.form == "'";
        boundary = IsAsciiUpper(c0) || IsDigit(c0) || quote_open || static_cast<unsigned char>(c0) >= 0x80 ||
                   next.form == "--" || next.form == "-";
        // "..." mid-sentence followed by a lowercase word stays; "?" before "he said" stays (lowercase).
      }
    } else if (t.kind == TokenKind::kWord && t.form.size() > 1 && t.form.back() == '.' && i + 1 < n) {
      // A period kept on an abbreviation may still end the sentence: "sanctions on the U.S. The ministry".
      Abbrev a = ClassifyAbbrev(t.form);
      const Token& next = tokens[i + 1];
      if (a == Abbrev::kOther && next.capitalized() && IsSentenceStarter(next.lower)) boundary = true;
    }
    if (!boundary && i + 1 - first >= kMaxSentenceTokens) {
      boundary = true;
      cut = i + 1;
    }
    if (boundary) {
      for (size_t k = i + 1; k < cut; ++k) {
        if (tokens[k].form == "\"") in_quote = !in_quote;
      }
      emit(cut);
      i = cut - 1;
    }
  }
  emit(n);
}

struct Line {
  size_t begin, end;  // without the newline
  bool blank;
};

bool EndsWithTerminalPunct(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty()) return false;
  int len;
  uint32_t cp = LastCp(line, 0, line.size(), &len);
  return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == ',' || cp == '"' ||
         cp == 0x201D || cp == 0x2019 || cp == '\'' || cp == ')' || cp == 0x2026 || cp == '-' || IsDashCp(cp);
}

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool sp = c == ' ' || c == '\t' || c == '\r';
    if (!sp && !in_word) ++words;
    in_word = !sp;
  }
  return words;
}

bool StartsUpper(std::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t') continue;
    return IsAsciiUpper(c) || IsDigit(c) || c == '"' || static_cast<unsigned char>(c) >= 0x80;
  }
  return false;
}

}  // namespace

std::string Normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    int len;
    uint32_t cp = utf8::Decode(s, i, &len);
    if (i + len > s.size()) len = static_cast<int>(s.size() - i);
    if (IsInvisibleCp(cp)) {
    } else if (IsSpaceCp(cp)) {
      out.push_back(' ');
    } else if (const char* f = FoldCp(cp)) {
      out += f;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<RawToken> raw;
  size_t i = begin;
  size_t chunk = std::string_view::npos;
  while (i < end) {
    int len = 1;
    auto c = static_cast<unsigned char>(text[i]);
    uint32_t cp = c < 0x80 ? c : utf8::Decode(text, i, &len);
    if (i + len > end) len = static_cast<int>(end - i);
    bool space = IsSpaceCp(cp) || (cp < 0x20);
    if (space) {
      if (chunk != std::string_view::npos) SplitChunk(text, chunk, i, &raw);
      chunk = std::string_view::npos;
    } else if (chunk == std::string_view::npos) {
      chunk = i;
    }
    i += len;
  }
  if (chunk != std::string_view::npos) SplitChunk(text, chunk, end, &raw);
  std::vector<Token> tokens;
  tokens.reserve(raw.size());
  for (const RawToken& r : raw) {
    Token t = MakeToken(text, r);
    if (t.form.empty()) continue;  // only invisible characters
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<Sentence> Segment(std::string_view text) {
  // Lines, then blocks: a blank line ends a block; a heading line is a block of its own.
  std::vector<Line> lines;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    bool blank = l.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
    lines.push_back({b, e, blank});
    if (e == text.size()) break;
    b = e + 1;
  }
  const size_t nonblank_lines =
      static_cast<size_t>(std::count_if(lines.begin(), lines.end(), [](const Line& l) { return !l.blank; }));
  std::vector<Sentence> out;
  size_t block_begin = std::string_view::npos, block_end = 0;
  auto flush = [&]() {
    if (block_begin == std::string_view::npos) return;
    std::vector<Token> tokens = Tokenize(text, static_cast<uint32_t>(block_begin), static_cast<uint32_t>(block_end));
    if (!tokens.empty()) SplitTokens(std::move(tokens), &out);
    block_begin = std::string_view::npos;
  };
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    if (l.blank) {
      flush();
      continue;
    }
    std::string_view line = text.substr(l.begin, l.end - l.begin);
    bool prev_ends = k == 0 || lines[k - 1].blank ||
                     EndsWithTerminalPunct(text.substr(lines[k - 1].begin, lines[k - 1].end - lines[k - 1].begin));
    bool next_ok = k + 1 >= lines.size() || lines[k + 1].blank ||
                   StartsUpper(text.substr(lines[k + 1].begin, lines[k + 1].end - lines[k + 1].begin));
    size_t words = WordCount(line);
    bool heading = prev_ends && next_ok && words > 0 && words <= 12 && !EndsWithTerminalPunct(line) &&
                   StartsUpper(line);
    // A text of one line is a sentence, not a heading.
    if (heading && nonblank_lines == 1) heading = false;
    if (heading) {
      flush();
      std::vector<Token> tokens = Tokenize(text, static_cast<uint32_t>(l.begin), static_cast<uint32_t>(l.end));
      if (!tokens.empty()) {
        Sentence s;
        s.heading = true;
        s.begin = tokens.front().begin;
        s.end = tokens.back().end;
        s.tokens = std::move(tokens);
        out.push_back(std::move(s));
      }
      continue;
    }
    if (block_begin == std::string_view::npos) block_begin = l.begin;
    block_end = l.end;
  }
  flush();
  return out;
}

}  // namespace dyad::text
