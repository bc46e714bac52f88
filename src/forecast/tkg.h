// Temporal knowledge graphs: quadruples (subject, relation, object, time) and
// the benchmark dataset layout used by ICEWS14/ICEWS18 (RE-NET/TLogic format).
//
//   dyad::Result<dyad::forecast::TkgDataset> d = dyad::forecast::LoadTkgDataset("../shared/data/tkg/ICEWS14");
//
// Times are stored as day indices: the reader divides every raw time by the
// greatest common divisor of all times (ICEWS18 stores days as hours, 0, 24, ...),
// and remembers that step so that models reproducing published parameters can
// convert back.
#ifndef DYAD_FORECAST_TKG_H_
#define DYAD_FORECAST_TKG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::forecast {

struct Quad {
  int32_t subject = 0;
  int32_t relation = 0;  // in [0, R) for facts; queries use [0, 2R), r + R is the inverse of r
  int32_t object = 0;
  int32_t time = 0;      // day index
  friend bool operator==(const Quad&, const Quad&) = default;
};

struct TkgDataset {
  std::string name;
  int32_t num_entities = 0;
  int32_t num_relations = 0;  // R, without inverses
  int32_t time_step = 1;      // raw time units per day index (24 for ICEWS18)
  std::vector<std::string> entity_names;    // may be empty when no entity2id.txt
  std::vector<std::string> relation_names;  // may be empty when no relation2id.txt
  std::vector<Quad> train, valid, test;     // each sorted by time (stable)
};

// Parses quadruple lines "s r o t [ignored...]" (integers, whitespace separated).
// Ids must lie in [0, num_entities) and [0, num_relations) and times be >= 0.
// `source` names the input in errors ("train.txt line 12: ...").
// Empty lines are rejected: the benchmark files have none, and a blank line in
// the middle of a split usually means a truncated or concatenated file.
Result<std::vector<Quad>> ParseQuadruples(std::string_view text, std::string_view source,
                                          int32_t num_entities, int32_t num_relations);

// Parses "name<TAB>id" lines into a vector indexed by id; ids must be dense 0..n-1.
Result<std::vector<std::string>> ParseIdMap(std::string_view text, std::string_view source);

// Loads stat.txt (or, lacking it, the id maps) and the three splits from `dir`.
// Errors: NotFound for a missing file, DataError naming file and line for a malformed one,
// DataError when splits overlap in time (the protocol needs train < valid < test).
Result<TkgDataset> LoadTkgDataset(const std::string& dir);

// Reads a whole file; NotFound / IOError on failure.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace dyad::forecast

#endif  // DYAD_FORECAST_TKG_H_
