#include "common/lines.h"
#include "ontology/ontology.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "common/hash.h"
#include "common/utf8.h"

namespace dyad::ontology {
namespace {

constexpr size_t kColumns = 15;
constexpr std::string_view kHeader =
    "code\troot\tlevel\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\t"
    "goldstein_icews\tgoldstein_gdelt\tgoldstein_phoenix\tquad_icews\tquad_phoenix\torigin";

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  // from_chars for double is available in GCC 11+.
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out >= -10.0 && *out <= 10.0;
}

bool ParseInt(std::string_view s, int lo, int hi, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out >= lo && *out <= hi;
}

bool IsCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  int root = (s[0] - '0') * 10 + (s[1] - '0');
  return root >= 1 && root <= 20;
}

}  // namespace

std::string SourceTreeOntologyPath() { return std::string(DYAD_SOURCE_DATA_DIR) + "/ontology/cameo.tsv"; }

int QuadClassNumber(QuadClass q) { return static_cast<int>(q); }

std::string_view QuadClassName(QuadClass q) {
  switch (q) {
    case QuadClass::kVerbalCooperation: return "verbal cooperation";
    case QuadClass::kMaterialCooperation: return "material cooperation";
    case QuadClass::kVerbalConflict: return "verbal conflict";
    case QuadClass::kMaterialConflict: return "material conflict";
  }
  return "?";
}

Result<Ontology> Ontology::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("ontology file " + path + " cannot be opened");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError("ontology file " + path + ": read failed");
  return Parse(ss.str(), path);
}

Result<Ontology> Ontology::Parse(std::string_view contents, const std::string& name) {
  if (contents.empty()) return Status::Corruption(name + ": empty ontology file");
  if (utf8::LooksBinary(contents) || !utf8::IsValid(contents))
    return Status::Corruption(name + ": not a UTF-8 text file");
  Ontology o;
  bool saw_format = false, saw_header = false;
  LineReader lines(contents);
  for (std::string_view line; lines.Next(&line);) {
    const int line_no = lines.line_no();
    auto where = [&] { return name + ":" + std::to_string(line_no) + ": "; };
    if (!saw_format) {
      if (line != kFormatLine)
        return Status::Corruption(where() + "expected format line \"" + std::string(kFormatLine) +
                                  "\" (file of another version or not an ontology)");
      saw_format = true;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (!saw_header) {
      if (line != kHeader) return Status::Corruption(where() + "unexpected column header");
      saw_header = true;
      continue;
    }
    auto cells = SplitTabs(line);
    if (cells.size() != kColumns)
      return Status::DataError(where() + "expected " + std::to_string(kColumns) + " columns, got " +
                               std::to_string(cells.size()));
    CameoCode c;
    c.code = std::string(cells[0]);
    if (!IsCode(c.code)) return Status::DataError(where() + "bad CAMEO code '" + c.code + "'");
    c.root = std::string(cells[1]);
    if (c.root != c.code.substr(0, 2)) return Status::DataError(where() + "root does not match code");
    if (!ParseInt(cells[2], 0, 2, &c.level) || c.level != static_cast<int>(c.code.size()) - 2)
      return Status::DataError(where() + "bad level");
    c.name = std::string(cells[3]);
    if (c.name.empty()) return Status::DataError(where() + "empty name");
    if (!ParseDouble(cells[4], &c.goldstein))
      return Status::DataError(where() + "bad Goldstein value '" + std::string(cells[4]) + "'");
    int q = 0;
    if (!ParseInt(cells[5], 1, 4, &q))
      return Status::DataError(where() + "bad QuadClass '" + std::string(cells[5]) + "' (want 1-4)");
    c.quad_class = static_cast<QuadClass>(q);
    c.plover_type = std::string(cells[6]);
    c.plover_mode = std::string(cells[7]);
    c.plover_context = std::string(cells[8]);
    double d;
    int i;
    if (ParseDouble(cells[9], &d)) c.alt.goldstein_icews = d;
    if (ParseDouble(cells[10], &d)) c.alt.goldstein_gdelt = d;
    if (ParseDouble(cells[11], &d)) c.alt.goldstein_phoenix = d;
    if (ParseInt(cells[12], 1, 4, &i)) c.alt.quad_icews = i;
    if (ParseInt(cells[13], 0, 4, &i)) c.alt.quad_phoenix = i;
    c.origin = std::string(cells[14]);
    if (o.index_.count(c.code)) return Status::DataError(where() + "duplicate code " + c.code);
    o.index_.emplace(c.code, o.codes_.size());
    o.codes_.push_back(std::move(c));
  }
  if (!saw_header) return Status::Corruption(name + ": truncated, no column header");
  if (o.codes_.empty()) return Status::Corruption(name + ": no codes");
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    if (!o.index_.count(root)) return Status::Corruption(name + ": root " + root + " missing");
  }
  o.version_ = std::string(kFormatLine.substr(1)) + "; " + std::to_string(o.codes_.size()) + " codes; sha " +
               Hex64(Hash64(contents));
  return o;
}

const CameoCode* Ontology::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

const CameoCode* Ontology::Root(std::string_view code) const {
  if (code.size() < 2) return nullptr;
  return Find(code.substr(0, 2));
}

std::vector<const CameoCode*> Ontology::CodesUnderRoot(std::string_view root) const {
  std::vector<const CameoCode*> out;
  for (const auto& c : codes_)
    if (c.root == root) out.push_back(&c);
  return out;
}

}  // namespace dyad::ontology
