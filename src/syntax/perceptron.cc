#include "syntax/perceptron.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <sys/mman.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace dyad::syntax {
namespace {

// Lookups jump at random over tables of several MB: with 4 KB pages nearly
// every one misses the TLB. Asking for huge pages before the table is first
// written halves the cost where transparent huge pages are on "madvise".
template <typename T>
void ReserveHuge(std::vector<T>& v, size_t n) {
  v.clear();
  v.shrink_to_fit();
  v.reserve(n);
#ifdef MADV_HUGEPAGE
  constexpr uintptr_t kHuge = 2u << 20;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(v.data()) + kHuge - 1) & ~(kHuge - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(v.data()) + n * sizeof(T)) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

inline size_t SlotOf(uint64_t key, size_t mask) { return (key * 0x9E3779B97F4A7C15ULL >> 17) & mask; }

// acc[0, stride) += rows[r][0, stride) for each r, widening int16 to int32.
// `stride` is a multiple of 16.
using AddRowsFn = void (*)(int32_t* acc, const int16_t* const* rows, size_t m, size_t stride);

void AddRowsScalar(int32_t* acc, const int16_t* const* rows, size_t m, size_t stride) {
  for (size_t r = 0; r < m; ++r) {
    for (size_t c = 0; c < stride; ++c) acc[c] += rows[r][c];
  }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define DYAD_SYNTAX_HAVE_AVX2 1
// 16 columns at a time across all rows, so the two accumulators stay in
// registers; the rows are few (those of one batch) and mostly in cache.
__attribute__((target("avx2"))) void AddRowsAvx2(int32_t* acc, const int16_t* const* rows, size_t m, size_t stride) {
  for (size_t c = 0; c < stride; c += 16) {
    __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc + c));
    __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc + c + 8));
    for (size_t r = 0; r < m; ++r) {
      const __m128i* w = reinterpret_cast<const __m128i*>(rows[r] + c);
      lo = _mm256_add_epi32(lo, _mm256_cvtepi16_epi32(_mm_loadu_si128(w)));
      hi = _mm256_add_epi32(hi, _mm256_cvtepi16_epi32(_mm_loadu_si128(w + 1)));
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + c), lo);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + c + 8), hi);
  }
}

// With 32 registers the accumulators of up to 128 columns stay in registers
// while all rows stream past.
template <int kBlocks>
__attribute__((target("avx512f,avx512bw"))) void AddBlocksAvx512(int32_t* acc, const int16_t* const* rows, size_t m,
                                                                  size_t c0) {
  __m512i a[kBlocks];
  for (int b = 0; b < kBlocks; ++b) a[b] = _mm512_loadu_si512(acc + c0 + 16 * b);
  for (size_t r = 0; r < m; ++r) {
    const int16_t* w = rows[r] + c0;
    for (int b = 0; b < kBlocks; ++b) {
      // The zero-masked form: the plain one trips a false GCC 12
      // -Wmaybe-uninitialized inside the intrinsic header.
      a[b] = _mm512_add_epi32(
          a[b], _mm512_maskz_cvtepi16_epi32(0xffff, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + 16 * b))));
    }
  }
  for (int b = 0; b < kBlocks; ++b) _mm512_storeu_si512(acc + c0 + 16 * b, a[b]);
}

__attribute__((target("avx512f,avx512bw"))) void AddRowsAvx512(int32_t* acc, const int16_t* const* rows, size_t m,
                                                                size_t stride) {
  if (m == 0) return;
  for (size_t c0 = 0; c0 < stride; c0 += 128) {
    switch (std::min<size_t>(8, (stride - c0) / 16)) {
      case 1: AddBlocksAvx512<1>(acc, rows, m, c0); break;
      case 2: AddBlocksAvx512<2>(acc, rows, m, c0); break;
      case 3: AddBlocksAvx512<3>(acc, rows, m, c0); break;
      case 4: AddBlocksAvx512<4>(acc, rows, m, c0); break;
      case 5: AddBlocksAvx512<5>(acc, rows, m, c0); break;
      case 6: AddBlocksAvx512<6>(acc, rows, m, c0); break;
      case 7: AddBlocksAvx512<7>(acc, rows, m, c0); break;
      default: AddBlocksAvx512<8>(acc, rows, m, c0); break;
    }
  }
}
#endif

AddRowsFn PickAddRows() {
#ifdef DYAD_SYNTAX_HAVE_AVX2
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) return AddRowsAvx512;
  if (__builtin_cpu_supports("avx2")) return AddRowsAvx2;
#endif
  return AddRowsScalar;
}
}  // namespace

PerceptronTrainer::PerceptronTrainer(int num_classes) : num_classes_(num_classes) {
  slot_keys_.assign(1 << 16, 0);
  slot_rows_.assign(1 << 16, 0);
}

int PerceptronTrainer::Find(uint64_t key) const {
  size_t mask = slot_keys_.size() - 1;
  for (size_t s = SlotOf(key, mask);; s = (s + 1) & mask) {
    if (slot_rows_[s] == 0) return -1;
    if (slot_keys_[s] == key) return static_cast<int>(slot_rows_[s] - 1);
  }
}

int PerceptronTrainer::FindOrAdd(uint64_t key) {
  int r = Find(key);
  if (r >= 0) return r;
  if ((rows_.size() + 1) * 2 > slot_keys_.size()) {
    std::vector<uint64_t> keys(slot_keys_.size() * 2, 0);
    std::vector<uint32_t> rows(slot_keys_.size() * 2, 0);
    size_t mask = keys.size() - 1;
    for (size_t i = 0; i < row_keys_.size(); ++i) {
      size_t s = SlotOf(row_keys_[i], mask);
      while (rows[s] != 0) s = (s + 1) & mask;
      keys[s] = row_keys_[i];
      rows[s] = static_cast<uint32_t>(i + 1);
    }
    slot_keys_.swap(keys);
    slot_rows_.swap(rows);
  }
  size_t mask = slot_keys_.size() - 1;
  size_t s = SlotOf(key, mask);
  while (slot_rows_[s] != 0) s = (s + 1) & mask;
  rows_.emplace_back();
  row_keys_.push_back(key);
  slot_keys_[s] = key;
  slot_rows_[s] = static_cast<uint32_t>(rows_.size());
  return static_cast<int>(rows_.size() - 1);
}

void PerceptronTrainer::Score(const uint64_t* feats, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    int r = Find(feats[i]);
    if (r < 0) continue;
    for (const Entry& e : rows_[r]) scores[e.cls] += e.w;
  }
}

void PerceptronTrainer::Bump(Entry& e, float delta) {
  e.total += static_cast<double>(clock_ - e.stamp) * e.w;
  e.stamp = clock_;
  e.w += delta;
}

void PerceptronTrainer::Update(const uint64_t* feats, size_t n, int truth, int guess) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    auto& row = rows_[FindOrAdd(feats[i])];
    for (int cls : {truth, guess}) {
      float delta = cls == truth ? 1.0f : -1.0f;
      auto it = std::find_if(row.begin(), row.end(), [cls](const Entry& e) { return e.cls == cls; });
      if (it == row.end()) {
        row.push_back({static_cast<uint16_t>(cls), 0.0f, 0.0, clock_});
        it = row.end() - 1;
      }
      Bump(*it, delta);
    }
  }
}

Weights PerceptronTrainer::Freeze(float prune) const {
  // Average, keyed by the 32-bit key the frozen table uses; merging the rare
  // 64-bit keys that share a 32-bit key keeps their summed effect.
  std::vector<std::pair<uint32_t, uint32_t>> order;  // (key32, row)
  order.reserve(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r) order.emplace_back(Weights::Key32(row_keys_[r]), static_cast<uint32_t>(r));
  std::sort(order.begin(), order.end());
  std::vector<uint32_t> keys;
  std::vector<std::vector<std::pair<uint16_t, double>>> rows;
  double max_abs = 0;
  std::vector<double> acc(num_classes_);
  std::vector<char> used(num_classes_);
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    std::fill(acc.begin(), acc.end(), 0.0);
    std::fill(used.begin(), used.end(), 0);
    for (; j < order.size() && order[j].first == order[i].first; ++j) {
      for (const Entry& e : rows_[order[j].second]) {
        double total = e.total + static_cast<double>(clock_ - e.stamp) * e.w;
        acc[e.cls] += total / static_cast<double>(clock_);
        used[e.cls] = 1;
      }
    }
    std::vector<std::pair<uint16_t, double>> row;
    for (int c = 0; c < num_classes_; ++c) {
      if (used[c] && std::fabs(acc[c]) >= prune && acc[c] != 0) {
        row.emplace_back(static_cast<uint16_t>(c), acc[c]);
        max_abs = std::max(max_abs, std::fabs(acc[c]));
      }
    }
    if (!row.empty()) {
      keys.push_back(order[i].first);
      rows.push_back(std::move(row));
    }
    i = j;
  }
  Weights w;
  w.num_classes_ = num_classes_;
  w.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  w.offsets_.push_back(0);
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t before = w.entries_.size();
    for (auto [c, a] : rows[i]) {
      long q = std::lround(a / w.scale_);
      if (q != 0) w.entries_.push_back({c, static_cast<int16_t>(q)});
    }
    if (w.entries_.size() == before) continue;
    w.keys_.push_back(keys[i]);
    w.offsets_.push_back(static_cast<uint32_t>(w.entries_.size()));
  }
  w.BuildIndex();
  return w;
}

void Weights::BuildIndex() {
  // Freeze and Load keep within these bounds; the slot packing relies on them.
  assert(entries_.size() <= kMaxEntries && num_classes_ <= 256);
  size_t size = 16;
  while (size < keys_.size() * 3 / 2) size <<= 1;  // load factor at most 2/3
  ReserveHuge(slots_, size);
  slots_.assign(size, Slot{0, 0});
  mask_ = static_cast<uint32_t>(size - 1);
  stride_ = (static_cast<size_t>(num_classes_) + kLanes - 1) / kLanes * kLanes;
  dense_.clear();
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t s = SlotOf(keys_[i], mask_);
    while (slots_[s].key != 0) s = (s + 1) & mask_;
    const uint32_t count = offsets_[i + 1] - offsets_[i];
    if (count <= kDenseMin) {
      slots_[s] = {keys_[i], offsets_[i] << 8 | (count - 1)};
      continue;
    }
    const size_t row = dense_.size() / stride_;
    dense_.resize(dense_.size() + stride_, 0);
    for (uint32_t e = offsets_[i]; e < offsets_[i + 1]; ++e) dense_[row * stride_ + entries_[e].cls] = entries_[e].w;
    slots_[s] = {keys_[i], static_cast<uint32_t>(row) << 8 | kDenseCode};
  }
}

ScoreCache::ScoreCache(int size_log2)
    : entries_(size_t{1} << size_log2, Entry{0, 0}), mask_(static_cast<uint32_t>((size_t{1} << size_log2) - 1)) {}

void Weights::Score(const uint64_t* feats, size_t n, float* scores, ScoreCache* cache) const {
  static const AddRowsFn add_rows = PickAddRows();
  // In passes, so that the memory loads of all features overlap: the cache,
  // then the table's slots, then the weights, then the sums.
  constexpr size_t kBatch = 192;
  alignas(32) int32_t acc[256];
  const int nc = std::min(num_classes_, 256);
  std::fill(acc, acc + stride_, 0);
  uint32_t keys[kBatch];
  uint32_t pos[kBatch];
  uint32_t packed[kBatch];
  const int16_t* rows[kBatch];
  ScoreCache::Entry dummy[1] = {{0, 0}};
  ScoreCache::Entry* memo = cache != nullptr ? cache->entries_.data() : dummy;
  const uint32_t memo_mask = cache != nullptr ? cache->mask_ : 0;
  for (size_t base = 0; base < n; base += kBatch) {
    const size_t m = std::min(kBatch, n - base);
    // Cached answers go to the front of `packed`, the keys to look up to
    // `keys`; written both ways and counted without branching on the hit.
    size_t known = 0, todo = 0;
    for (size_t i = 0; i < m; ++i) {
      const uint32_t k = Key32(feats[base + i]);
      const ScoreCache::Entry e = memo[k & memo_mask];
      const bool hit = e.key == k;
      packed[known] = e.packed;
      keys[todo] = k;
      known += hit;
      todo += !hit;
    }
    for (size_t i = 0; i < todo; ++i) {
      pos[i] = static_cast<uint32_t>(SlotOf(keys[i], mask_));
      __builtin_prefetch(&slots_[pos[i]]);
    }
    for (size_t i = 0; i < todo; ++i) {
      uint32_t p = ScoreCache::kAbsent;
      for (uint32_t s = pos[i];; s = (s + 1) & mask_) {
        const struct Slot& slot = slots_[s];
        if (slot.key == keys[i]) {
          p = slot.packed;
          break;
        }
        if (slot.key == 0) break;
      }
      if (cache != nullptr) memo[keys[i] & memo_mask] = {keys[i], p};
      packed[known++] = p;
    }
    size_t sparse = 0, dense = 0;
    for (size_t i = 0; i < known; ++i) {
      const uint32_t p = packed[i];
      if (p == ScoreCache::kAbsent) continue;
      if ((p & 0xff) == kDenseCode) {
        const int16_t* row = &dense_[(p >> 8) * stride_];
        for (size_t b = 0; b < stride_ * sizeof(int16_t); b += 64) __builtin_prefetch(reinterpret_cast<const char*>(row) + b);
        rows[dense++] = row;
      } else {
        __builtin_prefetch(&entries_[p >> 8]);
        packed[sparse++] = p;
      }
    }
    for (size_t i = 0; i < sparse; ++i) {
      const uint32_t begin = packed[i] >> 8, end = begin + (packed[i] & 0xff) + 1;
      for (uint32_t e = begin; e < end; ++e) acc[entries_[e].cls] += entries_[e].w;
    }
    add_rows(acc, rows, dense, stride_);
  }
  for (int c = 0; c < nc; ++c) scores[c] = static_cast<float>(acc[c]) * scale_;
}

Weights Weights::Average(const std::vector<const Weights*>& tables) {
  if (tables.size() == 1) return *tables[0];
  std::vector<uint32_t> keys;
  for (const Weights* t : tables) keys.insert(keys.end(), t->keys_.begin(), t->keys_.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const int nc = tables[0]->num_classes_;
  std::vector<double> acc(nc);
  std::vector<std::vector<std::pair<uint16_t, double>>> rows(keys.size());
  std::vector<size_t> cursor(tables.size(), 0);
  double max_abs = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    std::fill(acc.begin(), acc.end(), 0.0);
    for (size_t t = 0; t < tables.size(); ++t) {
      const Weights& w = *tables[t];
      size_t& c = cursor[t];
      if (c < w.keys_.size() && w.keys_[c] == keys[i]) {
        for (uint32_t e = w.offsets_[c]; e < w.offsets_[c + 1]; ++e) {
          acc[w.entries_[e].cls] += static_cast<double>(w.entries_[e].w) * w.scale_ / static_cast<double>(tables.size());
        }
        ++c;
      }
    }
    for (int k = 0; k < nc; ++k) {
      if (acc[k] != 0) {
        rows[i].emplace_back(static_cast<uint16_t>(k), acc[k]);
        max_abs = std::max(max_abs, std::fabs(acc[k]));
      }
    }
  }
  Weights out;
  out.num_classes_ = nc;
  out.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  out.offsets_.push_back(0);
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t before = out.entries_.size();
    for (auto [c, a] : rows[i]) {
      long q = std::lround(a / out.scale_);
      if (q != 0) out.entries_.push_back({c, static_cast<int16_t>(q)});
    }
    if (out.entries_.size() == before) continue;
    out.keys_.push_back(keys[i]);
    out.offsets_.push_back(static_cast<uint32_t>(out.entries_.size()));
  }
  out.BuildIndex();
  return out;
}

Weights Weights::Pruned(float threshold) const {
  Weights w;
  w.num_classes_ = num_classes_;
  w.scale_ = scale_;
  w.offsets_.push_back(0);
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t before = w.entries_.size();
    for (uint32_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
      if (std::fabs(static_cast<float>(entries_[e].w) * scale_) >= threshold) w.entries_.push_back(entries_[e]);
    }
    if (w.entries_.size() == before) continue;
    w.keys_.push_back(keys_[i]);
    w.offsets_.push_back(static_cast<uint32_t>(w.entries_.size()));
  }
  w.BuildIndex();
  return w;
}

// On disk (compact): the first key and the gaps between sorted keys as
// LEB128 varints (about two bytes a key instead of four); entries per key
// minus one (a feature has at most 256 classes); a byte per class; a byte per
// weight: sign and a 7-bit step on a log scale between the smallest and the
// largest magnitude (steps of a few percent, far below what changes a
// perceptron's decision).
namespace {
constexpr int kLogSteps = 127;
}  // namespace

void Weights::Save(ByteWriter& w) const {
  w.Put<uint32_t>(static_cast<uint32_t>(num_classes_));
  w.Put<float>(scale_);
  std::vector<uint8_t> key_bytes;
  uint32_t prev = 0;
  for (uint32_t k : keys_) {
    uint32_t gap = k - prev;
    prev = k;
    do {
      uint8_t b = gap & 0x7f;
      gap >>= 7;
      key_bytes.push_back(static_cast<uint8_t>(b | (gap ? 0x80 : 0)));
    } while (gap);
  }
  w.Put<uint64_t>(keys_.size());
  w.PutArray(key_bytes);
  std::vector<uint8_t> counts(keys_.size());
  for (size_t i = 0; i < keys_.size(); ++i) counts[i] = static_cast<uint8_t>(offsets_[i + 1] - offsets_[i] - 1);
  w.PutArray(counts);
  int lo = 32767, hi = 1;
  for (const Entry& e : entries_) {
    int a = std::abs(static_cast<int>(e.w));
    if (a > 0) lo = std::min(lo, a), hi = std::max(hi, a);
  }
  if (lo > hi) lo = hi;
  const float log_lo = std::log(static_cast<float>(lo));
  const float step = std::max(1e-6f, (std::log(static_cast<float>(hi)) - log_lo) / kLogSteps);
  w.Put<float>(log_lo);
  w.Put<float>(step);
  std::vector<uint8_t> classes(entries_.size()), codes(entries_.size());
  for (size_t e = 0; e < entries_.size(); ++e) {
    classes[e] = static_cast<uint8_t>(entries_[e].cls);
    int a = std::abs(static_cast<int>(entries_[e].w));
    long k = std::lround((std::log(static_cast<float>(std::max(a, 1))) - log_lo) / step);
    k = std::clamp(k, 0L, static_cast<long>(kLogSteps));
    codes[e] = static_cast<uint8_t>(k | (entries_[e].w < 0 ? 0x80 : 0));
  }
  w.PutArray(classes);
  w.PutArray(codes);
}

bool Weights::Load(ByteReader& r, bool compact) {
  uint32_t nc = 0;
  if (!r.Get(&nc) || nc == 0 || nc > 256) return false;
  num_classes_ = static_cast<int>(nc);
  if (!r.Get(&scale_) || !std::isfinite(scale_) || scale_ <= 0) return false;
  std::vector<uint8_t> counts, classes;
  std::vector<int16_t> weights;
  if (compact) {
    uint64_t nkeys = 0;
    std::vector<uint8_t> key_bytes;
    if (!r.Get(&nkeys) || nkeys > (1u << 28) || !r.GetArray(&key_bytes, 1u << 30)) return false;
    keys_.clear();
    keys_.reserve(nkeys);
    uint64_t cur = 0;
    size_t p = 0;
    for (uint64_t i = 0; i < nkeys; ++i) {
      uint64_t gap = 0;
      int shift = 0;
      while (true) {
        if (p >= key_bytes.size() || shift > 28) return false;
        uint8_t b = key_bytes[p++];
        gap |= static_cast<uint64_t>(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80)) break;
      }
      cur += gap;
      if (cur > 0xffffffffu) return false;
      keys_.push_back(static_cast<uint32_t>(cur));
    }
    if (p != key_bytes.size()) return false;
    float log_lo = 0, step = 0;
    std::vector<uint8_t> codes;
    if (!r.GetArray(&counts, 1u << 28) || !r.Get(&log_lo) || !r.Get(&step) || !std::isfinite(log_lo) ||
        !std::isfinite(step) || step < 0 || log_lo < 0 || log_lo + step * kLogSteps > 10.5f) {
      return false;
    }
    if (!r.GetArray(&classes, 1u << 31) || !r.GetArray(&codes, 1u << 31) || codes.size() != classes.size()) {
      return false;
    }
    int16_t table[256];
    for (int k = 0; k < 256; ++k) {
      float mag = std::exp(log_lo + step * static_cast<float>(k & 0x7f));
      int q = static_cast<int>(std::lround(std::min(mag, 32767.0f)));
      table[k] = static_cast<int16_t>((k & 0x80) ? -q : q);
    }
    weights.resize(codes.size());
    for (size_t e = 0; e < codes.size(); ++e) weights[e] = table[codes[e]];
  } else {
    if (!r.GetArray(&keys_, 1u << 28) || !r.GetArray(&counts, 1u << 28)) return false;
    if (!r.GetArray(&classes, 1u << 31) || !r.GetArray(&weights, 1u << 31)) return false;
  }
  if (counts.size() != keys_.size() || classes.size() != weights.size()) return false;
  offsets_.assign(1, 0);
  offsets_.reserve(keys_.size() + 1);
  uint64_t total = 0;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0 || (i > 0 && keys_[i] <= keys_[i - 1])) return false;
    total += counts[i] + 1u;
    if (total > classes.size()) return false;
    offsets_.push_back(static_cast<uint32_t>(total));
  }
  if (total != classes.size() || total > kMaxEntries) return false;
  ReserveHuge(entries_, classes.size());
  // Within a feature the classes ascend, as every writer emits them; a
  // repeated class would be lost in the dense rows that BuildIndex makes.
  for (size_t i = 0; i < keys_.size(); ++i) {
    for (uint32_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
      if (classes[e] >= nc || (e > offsets_[i] && classes[e] <= classes[e - 1])) return false;
      entries_.push_back({classes[e], weights[e]});
    }
  }
  BuildIndex();
  return true;
}

}  // namespace dyad::syntax
