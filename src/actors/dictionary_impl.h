// Private to src/actors: the loaded dictionary (ActorDictionary::Impl) and the
// phrase-key normalisation that the loader and the recogniser must share.
//
// A phrase is matched as a sequence of "pieces": each token's lower form with
// accents folded to ASCII, dots and apostrophes removed, and split at hyphens
// ("Al-Qaeda" -> al qaeda, "U.S." -> us, "Qa'ida" -> qaida). A match must start
// at a token's first piece and end at a token's last piece, so "pro-Russian"
// never yields "Russian".
#ifndef DYAD_ACTORS_DICTIONARY_IMPL_H_
#define DYAD_ACTORS_DICTIONARY_IMPL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actors.h"
#include "dyad/date.h"

namespace dyad::actors {

// Appends the pieces of one token or alias word to `out` (cleared first).
// Pieces are non-empty; a word of only dots/apostrophes/hyphens gives none.
void WordPieces(std::string_view word, std::vector<std::string>* out);

// Longest phrase in pieces; longer aliases are rejected at load.
inline constexpr size_t kMaxPhrasePieces = 10;

// What a phrase denotes.
enum class SenseCategory : uint8_t {
  kCountryName,   // "Israel", "the United States"
  kCountryAdj,    // "Israeli", "Israelis"
  kCapital,       // "Jerusalem", "Moscow" (country as metonym)
  kOrg,           // organizations.tsv (IGO, NGO, armed group, state institution)
  kPerson,        // persons.tsv
  kAgent,         // agents.tsv (with a code, or a title-only word such as "Mr")
};

// Surface constraints that keep ambiguous aliases precise.
enum class CaseRule : uint8_t {
  kAny,          // any case: "hamas", "HAMAS", "Hamas"
  kCapitalized,  // alias marked '^': first token starts with a capital ("Turkey" not "turkey")
  kUpperOrDots,  // alias marked '=': first token all-caps or dotted ("US", "U.S.", "u.s." but not "us")
};

struct Sense {
  SenseCategory category;
  CaseRule case_rule;
  bool proper_name;  // a proper name that also is a common word or other name: check neighbours
  bool needs_title;  // person alias marked '+': only right after a title ("President Moon", "Mrs May")
  uint32_t index;    // into countries/orgs/persons/agents
};

struct CountryEntry {
  std::string code;   // "ISR"
  std::string name;   // "Israel"
  std::string entry;  // "countries.tsv:12"
};

struct OrgEntry {
  std::string code;
  std::string name;
  std::string entry;
  ActorKind kind;
  Date start = kMinDate;
  Date end = kMaxDate;  // inclusive
};

struct AgentEntry {
  std::string code;   // "MIL"; empty for a title-only word ("Mr")
  std::string label;  // first phrase of the row, for readable names
  std::string entry;
  bool alone = false;  // may stand without a country as "---MIL"
  std::string alone_code;  // when alone, this full code instead ("rights groups" -> NGOHRI); may be empty
  bool place = false;  // "<agent> in <country>" composes ("police in Kenya")
};

struct RoleEntry {
  std::string code;   // "ISRGOV"
  std::string role;   // "Prime Minister"
  std::string entry;
  Date start = kMinDate;
  Date end = kMaxDate;  // inclusive
};

struct PersonEntry {
  std::string id;
  std::string name;
  std::string country;  // home country code: the person is <country>ELI outside any role
  std::string entry;
  std::vector<uint32_t> roles;  // into roles
};

struct TrieNode {
  uint32_t senses_begin = 0;
  uint32_t senses_count = 0;
};

}  // namespace dyad::actors

namespace dyad::actors {

struct ActorDictionary::Impl {
  std::string version;
  std::vector<CountryEntry> countries;
  std::vector<OrgEntry> orgs;
  std::vector<AgentEntry> agents;
  std::vector<RoleEntry> roles;
  std::vector<PersonEntry> persons;

  // Token trie over piece hashes: edge key = MixEdge(node, piece hash).
  std::vector<TrieNode> nodes;  // nodes[0] is the root
  std::vector<Sense> senses;    // grouped per node
  std::unordered_map<uint64_t, uint32_t> edges;
  size_t phrase_count = 0;

  static uint64_t MixEdge(uint32_t node, uint64_t piece_hash) {
    return piece_hash ^ (static_cast<uint64_t>(node) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
  }
  // Child of `node` by a piece hash, or 0 (the root is never a child).
  uint32_t Child(uint32_t node, uint64_t piece_hash) const {
    auto it = edges.find(MixEdge(node, piece_hash));
    return it == edges.end() ? 0 : it->second;
  }
};

uint64_t PieceHash(std::string_view piece);

}  // namespace dyad::actors

#endif  // DYAD_ACTORS_DICTIONARY_IMPL_H_
