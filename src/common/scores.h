// Precision, recall and F1 from counts of true positives, false positives and
// false negatives: the one scorer for every evaluation in dyad.
#ifndef DYAD_COMMON_SCORES_H_
#define DYAD_COMMON_SCORES_H_

#include <cstdint>

namespace dyad {

struct Prf {
  int64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0.0; }
  double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  void Add(const Prf& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
};

}  // namespace dyad

#endif  // DYAD_COMMON_SCORES_H_
