// Ontology: the CAMEO event codes dyad can emit, each with its name, root,
// Goldstein value, QuadClass and PLOVER type/mode/context.
//
//   Result<ontology::Ontology> o = ontology::Ontology::Load("data/ontology/cameo.tsv");
//   const ontology::CameoCode* c = o->Find("0233");   // nullptr if unknown
//   c->goldstein; c->quad_class; c->plover_type;      // 3.4, kVerbalCooperation, "REQUEST"
//
// Conventions (docs/ontology.md): `goldstein` is the GDELT value and
// `quad_class` the GDELT 1-4 QuadClass; the ICEWS and Phoenix columns stay
// reachable in `alt`. The file is built by data/ontology/build_cameo.py and
// starts with the line "#dyad-cameo-ontology 1"; any other first line is
// rejected as Corruption.
//
// Thread-safety: a loaded Ontology is immutable; share it freely.
#ifndef DYAD_ONTOLOGY_ONTOLOGY_H_
#define DYAD_ONTOLOGY_ONTOLOGY_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::ontology {

inline constexpr std::string_view kFormatLine = "#dyad-cameo-ontology 1";

// The conventions that are not dyad's chosen ones, kept for comparisons.
struct AltScores {
  std::optional<double> goldstein_icews;
  std::optional<double> goldstein_gdelt;
  std::optional<double> goldstein_phoenix;
  std::optional<int> quad_icews;    // 1-4
  std::optional<int> quad_phoenix;  // 0-4 (0 = neutral)
};

struct CameoCode {
  std::string code;   // "0233"
  std::string root;   // "02"
  int level = 0;      // 0 root, 1 three digits, 2 four digits
  std::string name;   // "Appeal for humanitarian aid"
  double goldstein = 0.0;
  QuadClass quad_class = QuadClass::kVerbalCooperation;
  std::string plover_type;     // "REQUEST"; empty for CAMEO 01 (no PLOVER equivalent)
  std::string plover_mode;     // may be empty
  std::string plover_context;  // comma-separated, may be empty
  AltScores alt;
  std::string origin;          // which sources list the code: "icews,gdelt,phoenix,plover"
};

class Ontology {
 public:
  // Reads a cameo.tsv. Errors (NotFound, IOError, Corruption for a wrong
  // format line, DataError for a bad row) name the file and the line.
  static Result<Ontology> Load(const std::string& path);
  // Parses the file's contents; `name` is used in error messages.
  static Result<Ontology> Parse(std::string_view contents, const std::string& name);

  // nullptr when the code is unknown. O(1).
  const CameoCode* Find(std::string_view code) const;
  // The level-0 entry of a code's root ("0233" -> "02 APPEAL"); nullptr if unknown.
  const CameoCode* Root(std::string_view code) const;
  // All codes under a root ("14"), in code order; empty for an unknown root.
  std::vector<const CameoCode*> CodesUnderRoot(std::string_view root) const;

  const std::vector<CameoCode>& codes() const { return codes_; }  // in file (code) order
  size_t size() const { return codes_.size(); }
  // "dyad-cameo-ontology 1; 319 codes; sha <16 hex of the file>".
  const std::string& version() const { return version_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
  std::string version_;
};

// data/ontology/cameo.tsv of the source tree this library was built from; the
// CLI prefers $DYAD_DATA when set.
std::string SourceTreeOntologyPath();

// "1".."4" as used in GDELT exports.
int QuadClassNumber(QuadClass q);
std::string_view QuadClassName(QuadClass q);  // "verbal cooperation" ...

}  // namespace dyad::ontology

#endif  // DYAD_ONTOLOGY_ONTOLOGY_H_
