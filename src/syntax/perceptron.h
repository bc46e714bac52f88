// Averaged perceptron over hashed sparse features, in two forms:
//  - PerceptronTrainer: float weights with lazy averaging, sparse per feature
//    (a feature only stores the classes it was ever updated for);
//  - Weights: the averaged, pruned and 16-bit quantised result, read-only,
//    looked up through an open-addressing table of 32-bit feature keys.
// Both expose Score(features, n, scores) so decoders are written once.
#ifndef DYAD_SYNTAX_PERCEPTRON_H_
#define DYAD_SYNTAX_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "syntax/binary_io.h"

namespace dyad::syntax {

// Mixes template id and up to three atoms into one 64-bit feature key.
inline uint64_t Feat(uint64_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (tmpl + 1) * 0x9E3779B97F4A7C15ULL;
  h = (h ^ a) * 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  h = (h ^ b) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  h = (h ^ c) * 0x9E3779B97F4A7C15ULL;
  h ^= h >> 32;
  return h;
}

// The first index of the highest of n > 0 scores (none NaN). Four
// interleaved scans, so that each comparison does not wait for the one
// before; ties across scans go to the lower index, as in one scan.
inline int FirstArgMax(const float* s, int n) {
  // Written out lane by lane with selects, so that the compiler keeps the
  // lanes in registers and uses conditional moves, not branches.
  float t0 = s[0], t1 = s[0], t2 = s[0], t3 = s[0];
  int b0 = 0, b1 = 0, b2 = 0, b3 = 0;
  int c = 1;
  for (; c + 4 <= n; c += 4) {
    const float x0 = s[c], x1 = s[c + 1], x2 = s[c + 2], x3 = s[c + 3];
    b0 = x0 > t0 ? c : b0;
    t0 = x0 > t0 ? x0 : t0;
    b1 = x1 > t1 ? c + 1 : b1;
    t1 = x1 > t1 ? x1 : t1;
    b2 = x2 > t2 ? c + 2 : b2;
    t2 = x2 > t2 ? x2 : t2;
    b3 = x3 > t3 ? c + 3 : b3;
    t3 = x3 > t3 ? x3 : t3;
  }
  for (; c < n; ++c) {
    b0 = s[c] > t0 ? c : b0;
    t0 = s[c] > t0 ? s[c] : t0;
  }
  int b = b0;
  float t = t0;
  const float tops[3] = {t1, t2, t3};
  const int bests[3] = {b1, b2, b3};
  for (int k = 0; k < 3; ++k) {
    if (tops[k] > t || (tops[k] == t && bests[k] < b)) {
      t = tops[k];
      b = bests[k];
    }
  }
  return b;
}

class Weights;

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes);

  int num_classes() const { return num_classes_; }
  // scores must hold num_classes() floats; they are overwritten.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // One training instance: moves weight from `guess` to `truth` (no-op if equal).
  void Update(const uint64_t* feats, size_t n, int truth, int guess);
  // Advances the averaging clock; call once per instance.
  void Tick() { ++clock_; }
  size_t num_features() const { return rows_.size(); }

  // Averages, drops the weights whose averaged magnitude is below `prune`
  // (and features left without any), and quantises to 16 bits.
  Weights Freeze(float prune) const;

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double total;
    uint64_t stamp;
  };
  int Find(uint64_t key) const;
  int FindOrAdd(uint64_t key);
  void Bump(Entry& e, float delta);

  int num_classes_;
  uint64_t clock_ = 1;
  // Open addressing: slot -> row index + 1 (0 empty).
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_rows_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> row_keys_;
};

// Scratch memory for Weights::Score while one sentence is analysed: it
// remembers where the weights of the features seen so far are (or that a
// feature has none). A parse looks most features up many times over (the
// same tags, words and pairs recur across its states), and an answer from
// this small table costs no trip to the large one. Use one per Weights
// table and thread; it answers exactly as the table does.
class ScoreCache {
 public:
  // `size_log2`: log2 of the number of entries (8 bytes each).
  explicit ScoreCache(int size_log2);

 private:
  friend class Weights;
  struct Entry {
    uint32_t key;     // 0 = empty
    uint32_t packed;  // the slot's value, or kAbsent
  };
  static constexpr uint32_t kAbsent = 0xffffffffu;
  std::vector<Entry> entries_;
  uint32_t mask_;
};

class Weights {
 public:
  Weights() = default;
  int num_classes() const { return num_classes_; }
  size_t num_features() const { return keys_.size(); }
  size_t num_entries() const { return entries_.size(); }
  // scores must hold num_classes() floats; they are overwritten. `cache`,
  // if given, must only ever be used with this table.
  void Score(const uint64_t* feats, size_t n, float* scores, ScoreCache* cache = nullptr) const;

  // The mean of several tables over the same classes (an ensemble of linear
  // models is the linear model with their mean weights).
  static Weights Average(const std::vector<const Weights*>& tables);

  // A copy without the weights whose magnitude is below `threshold` (in
  // score units) and without the features left empty.
  Weights Pruned(float threshold) const;

  // Compact form: delta-coded varint keys and 8-bit log-scale weights.
  void Save(ByteWriter& w) const;
  // False if the bytes are not a valid table. `compact` false reads the
  // older layout (32-bit keys, 16-bit linear weights).
  bool Load(ByteReader& r, bool compact = true);

 private:
  friend class PerceptronTrainer;
  struct Entry {
    uint16_t cls;
    int16_t w;
  };
  static uint32_t Key32(uint64_t key) {
    uint32_t k = static_cast<uint32_t>(key ^ (key >> 32));
    return k == 0 ? 1 : k;
  }
  void BuildIndex();

  int num_classes_ = 0;
  float scale_ = 1.0f;               // score = sum(w) * scale_
  std::vector<uint32_t> keys_;       // sorted, unique
  std::vector<uint32_t> offsets_;    // keys_.size() + 1 offsets into entries_
  std::vector<Entry> entries_;
  // Open-addressing index: one slot holds all a lookup needs, so that a
  // feature costs one cache miss for the slot and one for its weights.
  struct Slot {
    uint32_t key;     // 0 = empty
    uint32_t packed;  // first entry << 8 | (entry count - 1), or row << 8 | kDenseCode
  };
  static constexpr size_t kMaxEntries = size_t{1} << 24;
  // The features that fire most often carry weights for most classes (on
  // the shipped parser, 29 of 103 on average per lookup), and adding them
  // entry by entry dominated the time of a parse. Features with more than
  // kDenseMin entries also get a dense row of num_classes_ weights (zeros
  // for the classes without one), padded to kLanes, which SIMD adds whole.
  // Integer sums are exact in any order, so the scores are the same.
  static constexpr uint32_t kDenseMin = 16;
  static constexpr uint32_t kDenseCode = 0xff;
  static constexpr int kLanes = 16;
  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  size_t stride_ = 0;              // num_classes_ rounded up to kLanes
  std::vector<int16_t> dense_;     // dense rows, stride_ weights each
};

// A Weights table seen through a ScoreCache, for the decoders.
class CachedWeights {
 public:
  CachedWeights(const Weights& w, ScoreCache& cache) : w_(w), cache_(cache) {}
  int num_classes() const { return w_.num_classes(); }
  void Score(const uint64_t* feats, size_t n, float* scores) const { w_.Score(feats, n, scores, &cache_); }

 private:
  const Weights& w_;
  ScoreCache& cache_;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_PERCEPTRON_H_
