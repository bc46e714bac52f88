// Loading of data/actors: VERSION, countries.tsv, agents.tsv,
// organizations.tsv, persons.tsv, roles.tsv (format in data/actors/README.md).
// Every malformed row is an error naming the file and the line; nothing is
// skipped silently.
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/lines.h"
#include "actors/actors.h"
#include "actors/dictionary_impl.h"
#include "common/hash.h"
#include "common/utf8.h"

namespace dyad::actors {

namespace {

constexpr std::string_view kMagic = "dyad-actors";
constexpr std::string_view kFormatVersion = "1";
constexpr size_t kMaxFileBytes = 32u << 20;  // dictionaries are a few hundred kB

// ASCII folds for U+00C0..U+00FF and U+0100..U+017F; '*' keeps the character.
constexpr std::string_view kLatin1Fold = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view kLatinAFold =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllllnnnnnnnnnoooooooorrrrrrssssss"
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

}  // namespace

void WordPieces(std::string_view word, std::vector<std::string>* out) {
  out->clear();
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out->push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < word.size();) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      ++i;
      if (c == '.' || c == '\'') continue;
      if (c == '-') {
        flush();
        continue;
      }
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
      continue;
    }
    // Decode by hand: tokens come from valid UTF-8, but be safe on stray bytes.
    int len = 1;
    uint32_t cp = 0xFFFD;
    if ((c & 0xE0) == 0xC0 && i + 1 < word.size()) {
      len = 2;
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3Fu);
    } else if ((c & 0xF0) == 0xE0 && i + 2 < word.size()) {
      len = 3;
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(word[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(word[i + 2]) & 0x3Fu);
    } else if ((c & 0xF8) == 0xF0 && i + 3 < word.size()) {
      len = 4;
    }
    std::string_view raw = word.substr(i, len);
    i += len;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) continue;  // apostrophes
    if (cp >= 0x2010 && cp <= 0x2015) {                           // dashes
      flush();
      continue;
    }
    char folded = '*';
    if (cp >= 0xC0 && cp <= 0xFF) folded = kLatin1Fold[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) folded = kLatinAFold[cp - 0x100];
    if (cp == 0xDF) {
      cur += "ss";
    } else if (folded != '*') {
      cur.push_back(folded);
    } else {
      cur.append(raw);
    }
  }
  flush();
}

uint64_t PieceHash(std::string_view piece) { return Hash64(piece, 0x61637430ULL); }

namespace {

struct Row {
  uint32_t line = 0;
  std::vector<std::string_view> cols;
};

// A dictionary file read whole; rows keep views into `text`.
struct TsvFile {
  std::string path;   // as opened, for errors
  std::string name;   // "countries.tsv", for provenance
  std::string text;
  std::vector<Row> rows;

  std::string Where(uint32_t line) const { return path + ":" + std::to_string(line); }
  Status Error(uint32_t line, const std::string& what) const {
    return Status::DataError(Where(line) + ": " + what);
  }
  std::string Entry(uint32_t line) const { return name + ":" + std::to_string(line); }
};

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open actor dictionary file " + path);
  std::string data;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > kMaxFileBytes) return Status::DataError(path + ": file larger than 32 MB");
  }
  if (in.bad()) return Status::IOError("read error on " + path);
  return data;
}

// Where the dictionary files come from: a directory or a map in memory.
using FileSource = std::function<Result<std::string>(const std::string& path)>;

// Reads `dir/name`, checks the header row and splits rows into `columns` fields.
Result<TsvFile> ReadTsv(const FileSource& source, const std::string& dir, const std::string& name,
                        const std::vector<std::string_view>& header) {
  TsvFile f;
  f.name = name;
  f.path = dir + "/" + name;
  auto data = source(f.path);
  if (!data.ok()) return data.status();
  f.text = std::move(data).value();
  if (f.text.size() > kMaxFileBytes) return Status::DataError(f.path + ": file larger than 32 MB");
  if (utf8::LooksBinary(f.text)) return Status::DataError(f.path + ":1: binary data, not a TSV file");
  bool seen_header = false;
  LineReader lines(f.text);
  for (std::string_view line; lines.Next(&line);) {
    const uint32_t line_no = static_cast<uint32_t>(lines.line_no());
    if (!utf8::IsValid(line)) return f.Error(line_no, "invalid UTF-8");
    if (line.empty() || line[0] == '#') continue;
    Row row;
    row.line = line_no;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      row.cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.cols.size() != header.size()) {
      return f.Error(line_no, "expected " + std::to_string(header.size()) + " tab-separated columns, found " +
                                  std::to_string(row.cols.size()));
    }
    if (!seen_header) {
      for (size_t i = 0; i < header.size(); ++i) {
        if (row.cols[i] != header[i]) {
          return f.Error(line_no, "header column " + std::to_string(i + 1) + " must be '" + std::string(header[i]) +
                                      "', found '" + std::string(row.cols[i]) + "'");
        }
      }
      seen_header = true;
      continue;
    }
    for (size_t i = 0; i < row.cols.size(); ++i) {
      std::string_view c = row.cols[i];
      if (c.empty()) return f.Error(line_no, "column '" + std::string(header[i]) + "' is empty (use '-')");
      if (c.front() == ' ' || c.back() == ' ') {
        return f.Error(line_no, "column '" + std::string(header[i]) + "' has leading or trailing spaces");
      }
    }
    f.rows.push_back(std::move(row));
  }
  if (!seen_header) return f.Error(lines.line_no() == 0 ? 1 : static_cast<uint32_t>(lines.line_no()), "no header row (empty or truncated file)");
  return f;
}

bool IsUpperAlpha(std::string_view s) {
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return !s.empty();
}

// CAMEO-style actor code: 3 letters, then up to four 3-character groups
// (letters or digits: "CODREBM23").
bool IsActorCode(std::string_view s) {
  if (s.size() < 3 || s.size() > 15 || s.size() % 3 != 0) return false;
  if (!IsUpperAlpha(s.substr(0, 3))) return false;
  for (char c : s.substr(3)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool IsAgentCode(std::string_view s) { return (s.size() == 3 || s.size() == 6) && IsUpperAlpha(s); }

Status ParseBoundDate(const TsvFile& f, const Row& row, std::string_view col, bool is_end, Date* out) {
  if (col == "-") {
    *out = is_end ? kMaxDate : kMinDate;
    return Status::Ok();
  }
  if (col.size() != 10) return f.Error(row.line, "bad date '" + std::string(col) + "' (want YYYY-MM-DD or '-')");
  auto d = Date::Parse(col);
  if (!d.ok()) return f.Error(row.line, "bad date '" + std::string(col) + "' (want YYYY-MM-DD or '-')");
  *out = *d;
  return Status::Ok();
}

std::vector<std::string_view> SplitAliases(std::string_view s) {
  std::vector<std::string_view> out;
  if (s == "-") return out;
  for (size_t start = 0;;) {
    size_t bar = s.find('|', start);
    out.push_back(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

// Builds the trie while the files are read.
class Builder {
 public:
  explicit Builder(ActorDictionary::Impl* d) : d_(d) {
    d_->nodes.emplace_back();
    node_senses_.emplace_back();
  }

  // Adds every alias of a '|'-separated column. Person aliases always need a
  // capital first letter (trump, may, rice are words).
  Status AddAliases(const TsvFile& f, const Row& row, std::string_view column, SenseCategory cat, uint32_t index,
                    bool person) {
    for (std::string_view alias : SplitAliases(column)) {
      DYAD_RETURN_IF_ERROR(AddAlias(f, row, alias, cat, index, person));
    }
    return Status::Ok();
  }

  Status AddAlias(const TsvFile& f, const Row& row, std::string_view alias, SenseCategory cat, uint32_t index,
                  bool person) {
    std::string shown(alias);
    CaseRule rule = person ? CaseRule::kCapitalized : CaseRule::kAny;
    bool needs_title = false;
    if (!alias.empty() && alias[0] == '^') {
      rule = CaseRule::kCapitalized;
      alias.remove_prefix(1);
    } else if (!alias.empty() && alias[0] == '+') {
      if (!person) return f.Error(row.line, "only person aliases may use '+' (after a title only)");
      needs_title = true;
      alias.remove_prefix(1);
    } else if (!alias.empty() && alias[0] == '=') {
      if (person) return f.Error(row.line, "person alias '" + shown + "' cannot use '='");
      rule = CaseRule::kUpperOrDots;
      alias.remove_prefix(1);
    }
    if (alias.empty() || alias.front() == ' ' || alias.back() == ' ' || alias.find("  ") != std::string_view::npos) {
      return f.Error(row.line, "empty alias or stray spaces in '" + shown + "'");
    }
    std::vector<std::string> pieces;
    std::vector<std::string> word_pieces;
    size_t words = 0;
    for (size_t start = 0; start <= alias.size();) {
      size_t sp = alias.find(' ', start);
      std::string_view word = alias.substr(start, sp == std::string_view::npos ? std::string_view::npos : sp - start);
      start = sp == std::string_view::npos ? alias.size() + 1 : sp + 1;
      // The tokenizer splits the possessive clitic: "People's" is "People" "'s".
      std::string_view clitic;
      if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) {
        clitic = word.substr(word.size() - 2);
        word.remove_suffix(2);
      }
      WordPieces(word, &word_pieces);
      if (word_pieces.empty()) return f.Error(row.line, "alias '" + shown + "' has a word without letters");
      pieces.insert(pieces.end(), word_pieces.begin(), word_pieces.end());
      ++words;
      if (!clitic.empty()) pieces.push_back("s");
    }
    if (pieces.size() > kMaxPhrasePieces) {
      return f.Error(row.line, "alias '" + shown + "' is longer than " + std::to_string(kMaxPhrasePieces) + " words");
    }
    uint32_t node = 0;
    for (const std::string& p : pieces) {
      uint64_t key = ActorDictionary::Impl::MixEdge(node, PieceHash(p));
      auto it = d_->edges.find(key);
      if (it == d_->edges.end()) {
        uint32_t child = static_cast<uint32_t>(d_->nodes.size());
        d_->nodes.emplace_back();
        node_senses_.emplace_back();
        d_->edges.emplace(key, child);
        node = child;
      } else {
        node = it->second;
      }
    }
    bool country_like = cat == SenseCategory::kCountryName || cat == SenseCategory::kCountryAdj ||
                        cat == SenseCategory::kCapital;
    Sense s{cat, rule, person ? words == 1 : (country_like || rule == CaseRule::kCapitalized), needs_title, index};
    auto& here = node_senses_[node];
    for (const Located& other : here) {
      if (other.sense.category == cat && other.sense.index == index) {
        if (other.sense.case_rule != rule || other.sense.needs_title != needs_title) {
          return f.Error(row.line, "alias '" + shown + "' repeats " + other.where + " with other case marks");
        }
        return Status::Ok();  // the same alias twice for one entry ("Kyiv" and "KYIV")
      }
      bool shared_ok = (cat == SenseCategory::kPerson && other.sense.category == SenseCategory::kPerson) ||
                       (cat == SenseCategory::kOrg && other.sense.category == SenseCategory::kOrg);
      if (!shared_ok) {
        return f.Error(row.line, "alias '" + shown + "' is already used by " + other.where);
      }
    }
    here.push_back({s, f.Where(row.line)});
    ++d_->phrase_count;
    return Status::Ok();
  }

  void Finish() {
    d_->senses.clear();
    for (size_t n = 0; n < d_->nodes.size(); ++n) {
      d_->nodes[n].senses_begin = static_cast<uint32_t>(d_->senses.size());
      d_->nodes[n].senses_count = static_cast<uint32_t>(node_senses_[n].size());
      for (const Located& l : node_senses_[n]) d_->senses.push_back(l.sense);
    }
  }

 private:
  struct Located {
    Sense sense;
    std::string where;
  };
  ActorDictionary::Impl* d_;
  std::vector<std::vector<Located>> node_senses_;
};

Status LoadVersion(const FileSource& source, const std::string& dir, std::string* version) {
  std::string path = dir + "/VERSION";
  auto data = source(path);
  if (!data.ok()) return data.status();
  std::string_view v(*data);
  v = v.substr(0, v.find('\n'));
  if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
  // "dyad-actors 1 <data date>": magic, then the format version this loader reads.
  if (!v.starts_with(kMagic) || v.size() < kMagic.size() + 2 || v[kMagic.size()] != ' ') {
    return Status::Corruption(path + ":1: not a dyad actor dictionary (want 'dyad-actors 1 ...')");
  }
  std::string_view rest = v.substr(kMagic.size() + 1);
  std::string_view format = rest.substr(0, rest.find(' '));
  if (format != kFormatVersion) {
    return Status::Corruption(path + ":1: dictionary format " + std::string(format) + ", this build reads " +
                              std::string(kFormatVersion));
  }
  *version = std::string(v);
  return Status::Ok();
}

}  // namespace

ActorDictionary::ActorDictionary() : impl_(std::make_unique<Impl>()) {}
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;
ActorDictionary::~ActorDictionary() = default;

const std::string& ActorDictionary::version() const { return impl_->version; }
size_t ActorDictionary::size() const { return impl_->phrase_count; }

Result<ActorDictionary> ActorDictionary::LoadDir(const std::string& dir) {
  return Load([](const std::string& path) { return ReadWhole(path); }, dir);
}

Result<ActorDictionary> ActorDictionary::LoadFromMemory(const std::map<std::string, std::string>& files,
                                                        const std::string& origin) {
  const size_t prefix = origin.size() + 1;
  return Load(
      [&](const std::string& path) -> Result<std::string> {
        auto it = files.find(path.substr(prefix));
        if (it == files.end()) return Status::NotFound("no actor dictionary file " + path);
        return it->second;
      },
      origin);
}

Result<ActorDictionary> ActorDictionary::Load(const std::function<Result<std::string>(const std::string&)>& source,
                                              const std::string& dir) {
  ActorDictionary dict;
  Impl& d = *dict.impl_;
  DYAD_RETURN_IF_ERROR(LoadVersion(source, dir, &d.version));
  Builder b(&d);
  std::unordered_map<std::string, uint32_t> country_by_code;

  {  // countries.tsv
    auto f = ReadTsv(source, dir, "countries.tsv", {"code", "name", "aliases", "adjectives", "capitals"});
    if (!f.ok()) return f.status();
    for (const Row& r : f->rows) {
      std::string_view code = r.cols[0];
      if (code.size() != 3 || !IsUpperAlpha(code)) {
        return f->Error(r.line, "country code '" + std::string(code) + "' is not 3 capital letters");
      }
      auto idx = static_cast<uint32_t>(d.countries.size());
      if (!country_by_code.emplace(std::string(code), idx).second) {
        return f->Error(r.line, "country code " + std::string(code) + " listed twice");
      }
      if (r.cols[2] == "-") return f->Error(r.line, "a country needs at least one alias");
      d.countries.push_back({std::string(code), std::string(r.cols[1]), f->Entry(r.line)});
      DYAD_RETURN_IF_ERROR(b.AddAliases(*f, r, r.cols[2], SenseCategory::kCountryName, idx, false));
      DYAD_RETURN_IF_ERROR(b.AddAliases(*f, r, r.cols[3], SenseCategory::kCountryAdj, idx, false));
      DYAD_RETURN_IF_ERROR(b.AddAliases(*f, r, r.cols[4], SenseCategory::kCapital, idx, false));
    }
  }
  {  // agents.tsv
    auto f = ReadTsv(source, dir, "agents.tsv", {"agent", "alone", "place", "phrases"});
    if (!f.ok()) return f.status();
    for (const Row& r : f->rows) {
      std::string_view code = r.cols[0];
      if (code != "-" && !IsAgentCode(code)) {
        return f->Error(r.line, "agent code '" + std::string(code) + "' is not 3 or 6 capital letters or '-'");
      }
      auto yes_no = [&](std::string_view v, bool* out) -> Status {
        if (v != "y" && v != "n") return f->Error(r.line, "'" + std::string(v) + "' must be y or n");
        *out = v == "y";
        return Status::Ok();
      };
      AgentEntry a;
      a.code = code == "-" ? "" : std::string(code);
      if (r.cols[1].size() > 1 && IsActorCode(r.cols[1])) {  // a code to use when the word stands alone
        a.alone = true;
        a.alone_code = std::string(r.cols[1]);
      } else if (r.cols[1].size() > 1) {
        return f->Error(r.line, "'" + std::string(r.cols[1]) + "' must be y, n or an actor code");
      } else {
        DYAD_RETURN_IF_ERROR(yes_no(r.cols[1], &a.alone));
      }
      DYAD_RETURN_IF_ERROR(yes_no(r.cols[2], &a.place));
      if (a.code.empty() && (a.alone || a.place)) {
        return f->Error(r.line, "a title-only row ('-') cannot stand alone or compose with a place");
      }
      auto phrases = SplitAliases(r.cols[3]);
      if (phrases.empty()) return f->Error(r.line, "no phrases");
      // Readable names use the first phrase of the code's first row ("military").
      a.label = std::string(phrases[0]);
      if (!a.label.empty() && (a.label[0] == '^' || a.label[0] == '=')) a.label.erase(0, 1);
      for (const AgentEntry& earlier : d.agents) {
        if (earlier.code == a.code) {
          a.label = earlier.label;
          break;
        }
      }
      a.entry = f->Entry(r.line);
      auto idx = static_cast<uint32_t>(d.agents.size());
      d.agents.push_back(std::move(a));
      DYAD_RETURN_IF_ERROR(b.AddAliases(*f, r, r.cols[3], SenseCategory::kAgent, idx, false));
    }
  }
  {  // organizations.tsv
    auto f = ReadTsv(source, dir, "organizations.tsv", {"code", "kind", "start", "end", "name", "aliases"});
    if (!f.ok()) return f.status();
    for (const Row& r : f->rows) {
      OrgEntry o;
      std::string_view code = r.cols[0];
      if (!IsActorCode(code)) return f->Error(r.line, "bad actor code '" + std::string(code) + "'");
      std::string_view kind = r.cols[1];
      if (kind == "igo") {
        o.kind = ActorKind::kIgo;
      } else if (kind == "ngo") {
        o.kind = ActorKind::kNgo;
      } else if (kind == "armed") {
        o.kind = ActorKind::kArmedGroup;
      } else if (kind == "state") {
        o.kind = ActorKind::kCountry;
        if (!country_by_code.contains(std::string(code.substr(0, 3)))) {
          return f->Error(r.line, "state institution code '" + std::string(code) + "' does not start with a country");
        }
      } else {
        return f->Error(r.line, "kind '" + std::string(kind) + "' is not igo, ngo, armed or state");
      }
      DYAD_RETURN_IF_ERROR(ParseBoundDate(*f, r, r.cols[2], false, &o.start));
      DYAD_RETURN_IF_ERROR(ParseBoundDate(*f, r, r.cols[3], true, &o.end));
      if (o.end < o.start) return f->Error(r.line, "end date before start date");
      if (r.cols[5] == "-") return f->Error(r.line, "an organization needs at least one alias");
      o.code = std::string(code);
      o.name = std::string(r.cols[4]);
      o.entry = f->Entry(r.line);
      auto idx = static_cast<uint32_t>(d.orgs.size());
      d.orgs.push_back(std::move(o));
      DYAD_RETURN_IF_ERROR(b.AddAliases(*f, r, r.cols[5], SenseCategory::kOrg, idx, false));
    }
  }
  std::unordered_map<std::string, uint32_t> person_by_id;
  {  // persons.tsv
    auto f = ReadTsv(source, dir, "persons.tsv", {"id", "name", "country", "aliases"});
    if (!f.ok()) return f.status();
    for (const Row& r : f->rows) {
      std::string_view id = r.cols[0];
      for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
          return f->Error(r.line, "person id '" + std::string(id) + "' must be [a-z0-9_]");
        }
      }
      auto idx = static_cast<uint32_t>(d.persons.size());
      if (!person_by_id.emplace(std::string(id), idx).second) {
        return f->Error(r.line, "person id '" + std::string(id) + "' listed twice");
      }
      if (!country_by_code.contains(std::string(r.cols[2]))) {
        return f->Error(r.line, "unknown country code '" + std::string(r.cols[2]) + "'");
      }
      d.persons.push_back({std::string(id), std::string(r.cols[1]), std::string(r.cols[2]), f->Entry(r.line), {}});
      DYAD_RETURN_IF_ERROR(b.AddAlias(*f, r, r.cols[1], SenseCategory::kPerson, idx, true));
      DYAD_RETURN_IF_ERROR(b.AddAliases(*f, r, r.cols[3], SenseCategory::kPerson, idx, true));
    }
  }
  {  // roles.tsv
    auto f = ReadTsv(source, dir, "roles.tsv", {"person", "code", "start", "end", "role"});
    if (!f.ok()) return f.status();
    for (const Row& r : f->rows) {
      auto p = person_by_id.find(std::string(r.cols[0]));
      if (p == person_by_id.end()) return f->Error(r.line, "unknown person id '" + std::string(r.cols[0]) + "'");
      RoleEntry role;
      if (!IsActorCode(r.cols[1])) return f->Error(r.line, "bad actor code '" + std::string(r.cols[1]) + "'");
      role.code = std::string(r.cols[1]);
      DYAD_RETURN_IF_ERROR(ParseBoundDate(*f, r, r.cols[2], false, &role.start));
      DYAD_RETURN_IF_ERROR(ParseBoundDate(*f, r, r.cols[3], true, &role.end));
      if (role.end < role.start) return f->Error(r.line, "end date before start date");
      role.role = std::string(r.cols[4]);
      role.entry = f->Entry(r.line);
      d.persons[p->second].roles.push_back(static_cast<uint32_t>(d.roles.size()));
      d.roles.push_back(std::move(role));
    }
  }
  b.Finish();
  return dict;
}

}  // namespace dyad::actors
