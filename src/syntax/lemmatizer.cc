#include "syntax/lemmatizer.h"

#include <algorithm>
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

}  // namespace

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
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos) const {
  if (auto it = exact_.find(Key(form, xpos)); it != exact_.end()) return it->second;
  std::string lf = LowerAscii(form);
  if (auto it = lower_.find(Key(lf, xpos)); it != lower_.end()) return it->second;
  std::string rule;
  for (size_t k = std::min(kMaxSuffix, lf.size()) + 1; k-- > 0;) {
    if (auto it = rules_.find(Key(xpos, std::string_view(lf).substr(lf.size() - k))); it != rules_.end()) {
      rule = it->second;
      break;
    }
  }
  std::string base = KeepsCase(xpos) ? std::string(form) : lf;
  size_t tab = rule.find('\t');
  if (tab == std::string::npos) return base;
  size_t strip = static_cast<size_t>(std::atoi(rule.c_str()));
  if (strip >= base.size()) return base;
  base.resize(base.size() - strip);
  base.append(rule, tab + 1);
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
  return true;
}

}  // namespace dyad::syntax

