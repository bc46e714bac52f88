#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace dyad::syntax {
namespace {
inline size_t Slot(uint64_t key, size_t mask) { return (key * 0x9E3779B97F4A7C15ULL >> 17) & mask; }
}  // namespace

PerceptronTrainer::PerceptronTrainer(int num_classes) : num_classes_(num_classes) {
  slot_keys_.assign(1 << 16, 0);
  slot_rows_.assign(1 << 16, 0);
}

int PerceptronTrainer::Find(uint64_t key) const {
  size_t mask = slot_keys_.size() - 1;
  for (size_t s = Slot(key, mask);; s = (s + 1) & mask) {
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
      size_t s = Slot(row_keys_[i], mask);
      while (rows[s] != 0) s = (s + 1) & mask;
      keys[s] = row_keys_[i];
      rows[s] = static_cast<uint32_t>(i + 1);
    }
    slot_keys_.swap(keys);
    slot_rows_.swap(rows);
  }
  size_t mask = slot_keys_.size() - 1;
  size_t s = Slot(key, mask);
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
  std::map<uint32_t, std::map<uint16_t, double>> avg;
  double max_abs = 0;
  for (size_t r = 0; r < rows_.size(); ++r) {
    double row_max = 0;
    std::vector<std::pair<uint16_t, double>> vals;
    for (const Entry& e : rows_[r]) {
      double total = e.total + static_cast<double>(clock_ - e.stamp) * e.w;
      double a = total / static_cast<double>(clock_);
      row_max = std::max(row_max, std::fabs(a));
      vals.emplace_back(e.cls, a);
    }
    if (row_max < prune || row_max == 0) continue;
    auto& dst = avg[Weights::Key32(row_keys_[r])];
    for (auto [c, a] : vals) dst[c] += a;
  }
  for (auto& [k, row] : avg) {
    for (auto& [c, a] : row) max_abs = std::max(max_abs, std::fabs(a));
  }
  Weights w;
  w.num_classes_ = num_classes_;
  w.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
  w.offsets_.push_back(0);
  for (auto& [k, row] : avg) {
    size_t before = w.entries_.size();
    for (auto& [c, a] : row) {
      long q = std::lround(a / w.scale_);
      if (q != 0) w.entries_.push_back({c, static_cast<int16_t>(q)});
    }
    if (w.entries_.size() == before) continue;
    w.keys_.push_back(k);
    w.offsets_.push_back(static_cast<uint32_t>(w.entries_.size()));
  }
  w.BuildIndex();
  return w;
}

void Weights::BuildIndex() {
  size_t size = 16;
  while (size < keys_.size() * 2) size <<= 1;
  index_.assign(size, 0);
  index_keys_.assign(size, 0);
  mask_ = static_cast<uint32_t>(size - 1);
  for (size_t i = 0; i < keys_.size(); ++i) {
    size_t s = Slot(keys_[i], mask_);
    while (index_[s] != 0) s = (s + 1) & mask_;
    index_[s] = static_cast<uint32_t>(i + 1);
    index_keys_[s] = keys_[i];
  }
}

void Weights::Score(const uint64_t* feats, size_t n, float* scores) const {
  int32_t acc[512];
  int nc = std::min(num_classes_, 512);
  std::fill(acc, acc + nc, 0);
  for (size_t i = 0; i < n; ++i) {
    uint32_t k = Key32(feats[i]);
    for (size_t s = Slot(k, mask_);; s = (s + 1) & mask_) {
      uint32_t f = index_[s];
      if (f == 0) break;
      if (index_keys_[s] == k) {
        for (uint32_t e = offsets_[f - 1]; e < offsets_[f]; ++e) acc[entries_[e].cls] += entries_[e].w;
        break;
      }
    }
  }
  for (int c = 0; c < nc; ++c) scores[c] = static_cast<float>(acc[c]) * scale_;
}

void Weights::Save(ByteWriter& w) const {
  w.Put<uint32_t>(static_cast<uint32_t>(num_classes_));
  w.Put<float>(scale_);
  w.PutArray(keys_);
  w.PutArray(offsets_);
  w.PutArray(entries_);
}

bool Weights::Load(ByteReader& r) {
  uint32_t nc = 0;
  if (!r.Get(&nc) || nc == 0 || nc > 512) return false;
  num_classes_ = static_cast<int>(nc);
  if (!r.Get(&scale_) || !std::isfinite(scale_)) return false;
  if (!r.GetArray(&keys_, 1u << 28) || !r.GetArray(&offsets_, (1u << 28) + 1)) return false;
  if (!r.GetArray(&entries_, 1u << 30)) return false;
  if (offsets_.size() != keys_.size() + 1 || offsets_[0] != 0 || offsets_.back() != entries_.size()) return false;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (offsets_[i] > offsets_[i + 1]) return false;
    if (keys_[i] == 0 || (i > 0 && keys_[i] <= keys_[i - 1])) return false;
  }
  for (const Entry& e : entries_) {
    if (e.cls >= nc) return false;
  }
  BuildIndex();
  return true;
}

}  // namespace dyad::syntax
