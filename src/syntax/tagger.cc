#include "syntax/tagger.h"

#include "syntax/perceptron.h"

namespace dyad::syntax {
namespace {
constexpr uint64_t kNone = 0x5bd1e995u;   // a word position outside the sentence
constexpr uint64_t kNoTag = 0xffff;
}  // namespace

void TaggerFeatures(const std::vector<TokenAtoms>& a, bool headline, int i, int left1, int left2,
                    const std::vector<int>* right, std::vector<uint64_t>& f) {
  const int n = static_cast<int>(a.size());
  auto lower = [&](int j) { return (j >= 0 && j < n) ? a[j].lower : kNone; };
  auto suf3 = [&](int j) { return (j >= 0 && j < n) ? a[j].suffix[2] : kNone; };
  auto shape = [&](int j) { return (j >= 0 && j < n) ? a[j].shape : kNone; };
  const TokenAtoms& w = a[i];
  const uint64_t t1 = left1 < 0 ? kNoTag : static_cast<uint64_t>(left1);
  const uint64_t t2 = left2 < 0 ? kNoTag : static_cast<uint64_t>(left2);
  // Capitalisation says "proper name" only when the sentence is not a headline.
  const uint64_t cap = (w.flags & (kCap | kAllCaps)) | (headline ? 64 : 0) | (i == 0 ? 128 : 0);
  uint64_t t = 0;
  f.push_back(Feat(t++, 0));
  f.push_back(Feat(t++, w.lower));
  if (!headline) f.push_back(Feat(t++, w.form)); else ++t;
  f.push_back(Feat(t++, w.shape, cap));
  f.push_back(Feat(t++, cap));
  for (int k = 0; k < 3; ++k) f.push_back(Feat(t++, w.prefix[k]));
  for (int k = 0; k < 4; ++k) f.push_back(Feat(t++, w.suffix[k]));
  f.push_back(Feat(t++, w.suffix[2], cap));
  f.push_back(Feat(t++, lower(i - 1)));
  f.push_back(Feat(t++, lower(i - 2)));
  f.push_back(Feat(t++, lower(i + 1)));
  f.push_back(Feat(t++, lower(i + 2)));
  f.push_back(Feat(t++, suf3(i - 1)));
  f.push_back(Feat(t++, suf3(i + 1)));
  f.push_back(Feat(t++, shape(i + 1)));
  f.push_back(Feat(t++, shape(i - 1)));
  f.push_back(Feat(t++, lower(i - 1), w.lower));
  f.push_back(Feat(t++, w.lower, lower(i + 1)));
  f.push_back(Feat(t++, t1));
  f.push_back(Feat(t++, t2));
  f.push_back(Feat(t++, t1, t2));
  f.push_back(Feat(t++, t1, w.lower));
  f.push_back(Feat(t++, t1, w.suffix[2]));
  f.push_back(Feat(t++, t1, lower(i + 1)));
  if (right != nullptr) {
    const uint64_t r1 = i + 1 < n ? static_cast<uint64_t>((*right)[i + 1]) : kNoTag;
    const uint64_t r2 = i + 2 < n ? static_cast<uint64_t>((*right)[i + 2]) : kNoTag;
    const uint64_t r0 = static_cast<uint64_t>((*right)[i]);
    f.push_back(Feat(t++, r1));
    f.push_back(Feat(t++, r1, r2));
    f.push_back(Feat(t++, t1, r1));
    f.push_back(Feat(t++, w.lower, r1));
    f.push_back(Feat(t++, w.suffix[2], r1));
    f.push_back(Feat(t++, r0));
    f.push_back(Feat(t++, r0, w.lower));
  }
}

}  // namespace dyad::syntax
