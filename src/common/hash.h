// Stable 64-bit hashing (xxHash3). Values are part of saved ids: never change
// the function or the seed without a store migration.
#ifndef DYAD_COMMON_HASH_H_
#define DYAD_COMMON_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);
std::string Hex64(uint64_t v);  // 16 lowercase hex digits

}  // namespace dyad

#endif  // DYAD_COMMON_HASH_H_
