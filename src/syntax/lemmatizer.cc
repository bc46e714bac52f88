#include "syntax/lemmatizer.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "syntax/atoms.h"

namespace dyad::syntax {
namespace {

std::string Key(std::string_view a, std::string_view b) {
  std::string k(a);
  k.push_back('\t');
  k.append(b);
  return k;
}

bool KeepsCase(std::string_view xpos) { return xpos == "NNP" || xpos == "NNPS"; }

// Most frequent value; ties go to the smaller string so training is deterministic.
std::string Best(const std::unordered_map<std::string, int>& counts) {
  const std::string* best = nullptr;
  int best_n = -1;
  for (const auto& [v, n] : counts) {
    if (n > best_n || (n == best_n && v < *best)) {
      best = &v;
      best_n = n;
    }
  }
  return best ? *best : std::string();
}

void SaveMap(ByteWriter& w, const std::unordered_map<std::string, std::string>& m) {
  std::map<std::string, std::string> sorted(m.begin(), m.end());  // stable file bytes
  w.Put<uint32_t>(static_cast<uint32_t>(sorted.size()));
  for (const auto& [k, v] : sorted) {
    w.PutString(k);
    w.PutString(v);
  }
}

bool LoadMap(ByteReader& r, std::unordered_map<std::string, std::string>* m) {
  uint32_t n = 0;
  if (!r.Get(&n) || n > (1u << 24)) return false;
  m->clear();
  m->reserve(n);
  std::string k, v;
  for (uint32_t i = 0; i < n; ++i) {
    if (!r.GetString(&k, 4096) || !r.GetString(&v, 4096)) return false;
    (*m)[k] = v;
  }
  return true;
}

// FNV-1a fed byte by byte, so that hashing "a", '\t', "b" in turn equals
// hashing the key "a\tb", then a final mix for the low bits the table uses.
struct KeyHasher {
  uint64_t h;
  explicit KeyHasher(uint8_t table) : h(0xcbf29ce484222325ULL ^ table) {}
  void Add(std::string_view s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  uint64_t Done() const {
    uint64_t x = h ^ (h >> 31);
    x *= 0x9E3779B97F4A7C15ULL;
    return x ^ (x >> 29);
  }
};

}  // namespace

void Lemmatizer::BuildIndex() {
  items_.clear();
  items_.reserve(exact_.size() + lower_.size() + rules_.size());
  for (auto [table, map] : {std::pair{kExact, &exact_}, std::pair{kLower, &lower_}, std::pair{kRule, &rules_}}) {
    for (const auto& [k, v] : *map) {
      Item item{k, v, table, 0, 0};
      if (table == kRule) {
        // As the rule was applied before the table existed: the count is the
        // number the value starts with, the text to append follows the tab.
        item.strip = static_cast<size_t>(std::atoi(v.c_str()));
        size_t tab = v.find('\t');
        item.append_at = tab == std::string::npos ? tab : tab + 1;
      }
      items_.push_back(std::move(item));
    }
  }
  size_t size = 16;
  while (size < items_.size() * 2) size <<= 1;
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  for (size_t i = 0; i < items_.size(); ++i) {
    KeyHasher h(items_[i].table);
    h.Add(items_[i].key);
    const uint64_t hash = h.Done();
    size_t s = hash & mask_;
    while (slots_[s].item != 0) s = (s + 1) & mask_;
    slots_[s] = {static_cast<uint32_t>(hash >> 32), static_cast<uint32_t>(i + 1)};
  }
}

const Lemmatizer::Item* Lemmatizer::Find(Table table, std::string_view a, std::string_view b) const {
  if (slots_.empty()) return nullptr;
  KeyHasher h(table);
  h.Add(a);
  h.Add("\t");
  h.Add(b);
  const uint64_t hash = h.Done();
  const uint32_t check = static_cast<uint32_t>(hash >> 32);
  for (size_t s = hash & mask_; slots_[s].item != 0; s = (s + 1) & mask_) {
    if (slots_[s].check != check) continue;
    const Item& item = items_[slots_[s].item - 1];
    const std::string& k = item.key;
    if (item.table == table && k.size() == a.size() + 1 + b.size() && k.compare(0, a.size(), a) == 0 &&
        k[a.size()] == '\t' && k.compare(a.size() + 1, b.size(), b) == 0) {
      return &item;
    }
  }
  return nullptr;
}

void Lemmatizer::Add(std::string_view form, std::string_view xpos, std::string_view lemma) {
  if (lemma == "_" || lemma.empty()) return;
  ++exact_counts_[Key(form, xpos)][std::string(lemma)];
  std::string lf = LowerAscii(form);
  ++lower_counts_[Key(lf, xpos)][std::string(lemma)];
  std::string ll = LowerAscii(lemma);
  size_t p = 0;
  while (p < lf.size() && p < ll.size() && lf[p] == ll[p]) ++p;
  std::string rule = std::to_string(lf.size() - p) + "\t" + ll.substr(p);
  for (size_t k = 0; k <= std::min(kMaxSuffix, lf.size()); ++k) {
    ++rule_counts_[Key(xpos, std::string_view(lf).substr(lf.size() - k))][rule];
  }
}

void Lemmatizer::Finish() {
  for (auto& [k, c] : exact_counts_) exact_[k] = Best(c);
  for (auto& [k, c] : lower_counts_) lower_[k] = Best(c);
  for (auto& [k, c] : rule_counts_) rules_[k] = Best(c);
  // Exact entries the lowercase table reproduces add nothing.
  for (auto it = exact_.begin(); it != exact_.end();) {
    size_t tab = it->first.find('\t');
    std::string_view form(it->first.data(), tab);
    std::string_view xpos(it->first.data() + tab + 1, it->first.size() - tab - 1);
    auto lo = lower_.find(Key(LowerAscii(form), xpos));
    bool same = lo != lower_.end() && lo->second == it->second;
    if (same) it = exact_.erase(it); else ++it;
  }
  // Rules equal to their shorter suffix's rule add nothing.
  for (auto it = rules_.begin(); it != rules_.end();) {
    size_t tab = it->first.find('\t');
    std::string_view suffix(it->first.data() + tab + 1, it->first.size() - tab - 1);
    if (suffix.empty()) {
      ++it;
      continue;
    }
    auto shorter = rules_.find(it->first.substr(0, it->first.size() - 1 - (suffix.size() - 1)) +
                               std::string(suffix.substr(1)));
    if (shorter != rules_.end() && shorter->second == it->second) it = rules_.erase(it); else ++it;
  }
  exact_counts_.clear();
  lower_counts_.clear();
  rule_counts_.clear();
  BuildIndex();
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos) const {
  if (const Item* it = Find(kExact, form, xpos)) return it->value;
  std::string lf = LowerAscii(form);
  if (const Item* it = Find(kLower, lf, xpos)) return it->value;
  const Item* rule = nullptr;
  for (size_t k = std::min(kMaxSuffix, lf.size()) + 1; k-- > 0;) {
    if ((rule = Find(kRule, xpos, std::string_view(lf).substr(lf.size() - k))) != nullptr) break;
  }
  std::string base = KeepsCase(xpos) ? std::string(form) : std::move(lf);
  if (rule == nullptr || rule->append_at == std::string::npos) return base;
  if (rule->strip >= base.size()) return base;
  base.resize(base.size() - rule->strip);
  base.append(rule->value, rule->append_at);
  return base;
}

void Lemmatizer::Save(ByteWriter& w) const {
  SaveMap(w, exact_);
  SaveMap(w, lower_);
  SaveMap(w, rules_);
}

bool Lemmatizer::Load(ByteReader& r) {
  if (!LoadMap(r, &exact_) || !LoadMap(r, &lower_) || !LoadMap(r, &rules_)) return false;
  for (const auto& [k, v] : rules_) {
    if (v.find('\t') == std::string::npos) return false;
  }
  BuildIndex();
  return true;
}

}  // namespace dyad::syntax

