#include "syntax/tagger.h"

#include <cassert>

#include "syntax/perceptron.h"

namespace dyad::syntax {
namespace {
constexpr uint64_t kNone = 0x5bd1e995u;   // a word position outside the sentence
constexpr uint64_t kNoTag = 0xffff;
}  // namespace

void TaggerFeatures(const std::vector<TokenAtoms>& a, bool headline, int i, int left1, int left2,
                    const std::vector<int>* right, std::vector<uint64_t>& f) {
  // As in ParserFeatures: room made up front, written through a pointer.
  const size_t start = f.size();
  f.resize(start + kMaxTaggerFeatures);
  uint64_t* out = f.data() + start;
  auto push = [&out](uint64_t h) { *out++ = h; };
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
  push(Feat(t++, 0));
  push(Feat(t++, w.lower));
  if (!headline) push(Feat(t++, w.form)); else ++t;
  push(Feat(t++, w.shape, cap));
  push(Feat(t++, cap));
  for (int k = 0; k < 3; ++k) push(Feat(t++, w.prefix[k]));
  for (int k = 0; k < 4; ++k) push(Feat(t++, w.suffix[k]));
  push(Feat(t++, w.suffix[2], cap));
  push(Feat(t++, lower(i - 1)));
  push(Feat(t++, lower(i - 2)));
  push(Feat(t++, lower(i + 1)));
  push(Feat(t++, lower(i + 2)));
  push(Feat(t++, suf3(i - 1)));
  push(Feat(t++, suf3(i + 1)));
  push(Feat(t++, shape(i + 1)));
  push(Feat(t++, shape(i - 1)));
  push(Feat(t++, lower(i - 1), w.lower));
  push(Feat(t++, w.lower, lower(i + 1)));
  push(Feat(t++, t1));
  push(Feat(t++, t2));
  push(Feat(t++, t1, t2));
  push(Feat(t++, t1, w.lower));
  push(Feat(t++, t1, w.suffix[2]));
  push(Feat(t++, t1, lower(i + 1)));
  if (right != nullptr) {
    const uint64_t r1 = i + 1 < n ? static_cast<uint64_t>((*right)[i + 1]) : kNoTag;
    const uint64_t r2 = i + 2 < n ? static_cast<uint64_t>((*right)[i + 2]) : kNoTag;
    const uint64_t r0 = static_cast<uint64_t>((*right)[i]);
    push(Feat(t++, r1));
    push(Feat(t++, r1, r2));
    push(Feat(t++, t1, r1));
    push(Feat(t++, w.lower, r1));
    push(Feat(t++, w.suffix[2], r1));
    push(Feat(t++, r0));
    push(Feat(t++, r0, w.lower));
  }
  assert(t <= kMaxTaggerFeatures);
  f.resize(static_cast<size_t>(out - f.data()));
}

}  // namespace dyad::syntax
