// The recogniser: one left-to-right longest-match scan over the token trie,
// then a composition pass that joins adjacent matches into one actor
// ("Israeli" + "troops" -> ISRMIL; "Prime Minister" + "Benjamin Netanyahu" ->
// the person; "government" + "of" + "Sudan" -> SDNGOV).
#include <algorithm>
#include <set>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "actors/dictionary_impl.h"

namespace dyad::actors {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

struct Piece {
  uint64_t hash;
  uint32_t token;
  bool first;   // first piece of its token
  bool last;    // last piece of its token
  bool suffix;  // the last, non-first piece of its token is a compound suffix ("led" of "Saudi-led")
};

// "<country>-<suffix>" compounds that make the country an actor of what
// follows: "Saudi-led coalition", "French-led troops", "British-flagged
// tanker", "Greek-owned ship", "a Russian-brokered ceasefire" (the mediator), "a U.S.-drafted resolution" (its sponsor). Other compounds ("Iranian-made", "Russian-backed",
// "pro-Russian", "Israel-Hamas") name no actor: the country only modifies.
bool IsCompoundSuffix(std::string_view piece) {
  static constexpr std::string_view kSuffixes[] = {"led",      "flagged",  "registered", "owned",
                                                   "brokered", "mediated", "drafted",    "sponsored",
                                                   "linked",   "affiliated", "aligned",  "funded",
                                                   "financed", "backed", "inspired"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), piece) != std::end(kSuffixes);
}

// The piece of a hyphenated token after its last hyphen ("led" of "saudi-led"), else empty.
std::string_view SuffixAfterDash(std::string_view token_lower) {
  const size_t dash = token_lower.rfind('-');
  return dash == std::string_view::npos ? std::string_view() : token_lower.substr(dash + 1);
}

// "funded", "financed", "backed": a country only funds, and is an actor only of what is done to
// the work ("Russian-backed separatists" stay no actor of Russia).
bool FunderSuffix(std::string_view token_lower) {
  const std::string_view suffix = SuffixAfterDash(token_lower);
  return suffix == "funded" || suffix == "financed" || suffix == "backed";
}

bool IsFundedWork(std::string_view w) {
  static constexpr std::string_view kWorks[] = {"project", "projects", "loan", "loans", "port", "railway",
                                                "railways", "airport", "dam", "pipeline", "plant", "bridge",
                                                "highway", "investment", "investments", "mine", "corridor"};
  return std::find(std::begin(kWorks), std::end(kWorks), w) != std::end(kWorks);
}

// Suffixes that make only an organisation the actor: "Islamic State-linked insurgents" are the
// group's own, "Russian-linked hackers" or "Iran-aligned militias" are not Russia or Iran.
bool IsOrgOnlySuffix(std::string_view token_lower) {
  const std::string_view suffix = SuffixAfterDash(token_lower);
  return suffix == "linked" || suffix == "affiliated" || suffix == "aligned" || suffix == "inspired";
}

// One dictionary match before composition.
struct Item {
  uint32_t first = 0;
  uint32_t end = 0;
  SenseCategory category = SenseCategory::kCountryName;
  uint32_t index = 0;
  uint32_t role = kNone;  // persons: the role active on the date, or kNone
  bool modifier = false;  // a country name used as a modifier ("US", "UK": '=' aliases)
};

bool IsCapitalized(const text::Token& t) {
  if (t.form.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t.form[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;  // non-ASCII initials ("Élysée") count as capitals
}

// Lowercase particles that open capitalised names: "al-Assad", "el-Sisi",
// "von der Leyen", "de Mistura", "bin Salman".
bool IsNameParticle(std::string_view word) {
  static constexpr std::string_view kParticles[] = {"al", "el", "ad", "ash", "as", "at", "ar", "az", "an",
                                                    "bin", "ibn", "bint", "de", "del", "della", "der", "di",
                                                    "da", "dos", "das", "du", "van", "von", "le", "la"};
  return std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
}

bool HasLowerAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "U.S.", "u.s", "U.N.": letters with single dots between them; not "is...I".
bool IsDottedAbbreviation(std::string_view s) {
  if (s.find('.') == std::string_view::npos || s.find("..") != std::string_view::npos || s.front() == '.') {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '.' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); });
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

// Capitalised words that sit before or after a name without being part of it.
bool IsCalendarWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  std::string_view w = lower;
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Sentence-initial capitalised words that cannot be a first name.
bool IsSentenceStartWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a", "after", "also", "although", "an", "and", "as", "at", "because", "before", "but", "by", "did",
      "during", "earlier", "even", "for", "from", "has", "had", "how", "if", "in", "is", "last", "later",
      "meanwhile", "now", "on", "once", "only", "since", "so", "still", "that", "the", "then", "this",
      "though", "to", "today", "under", "until", "was", "what", "when", "where", "whether", "while", "why",
      "will", "with", "without", "yesterday", "yet", "both", "neither", "nor", "or", "not", "does", "do",
      "can", "could", "would", "should", "here", "there", "it", "we", "they", "he", "she", "i", "his",
      "her", "their", "our", "my", "new", "former", "ex", "outgoing", "incoming", "acting", "late"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

class Scanner {
 public:
  Scanner(const ActorDictionary::Impl& d, const text::Sentence& s, Date date) : d_(d), s_(s), date_(date) {
    const auto& toks = s.tokens;
    size_t words = 0;
    size_t caps = 0;
    first_piece_.resize(toks.size() + 1);
    std::vector<std::string> buf;
    for (uint32_t t = 0; t < toks.size(); ++t) {
      first_piece_[t] = static_cast<uint32_t>(pieces_.size());
      const std::string& lower = toks[t].lower;
      WordPieces(lower, &buf);
      if (buf.empty() && lower.find_first_not_of('\'') == std::string::npos) {
        // A bare apostrophe ("Lions ' Den", "the Israelis ' demands") adds no
        // piece: aliases are written "Lions' Den".
      } else if (buf.empty()) {
        // Punctuation: a barrier piece no phrase contains, so matches never jump over it.
        pieces_.push_back({PieceHash(lower) ^ 0x5bd1e9955bd1e995ULL, t, true, true, false});
      } else {
        for (size_t i = 0; i < buf.size(); ++i) {
          const bool last = i + 1 == buf.size();
          pieces_.push_back({PieceHash(buf[i]), t, i == 0, last, last && i > 0 && IsCompoundSuffix(buf[i])});
        }
      }
      if (HasLetter(toks[t].form)) {
        ++words;
        if (!HasLowerAscii(toks[t].form)) ++caps;
      }
    }
    first_piece_[toks.size()] = static_cast<uint32_t>(pieces_.size());
    all_caps_ = words >= 3 && caps * 5 >= words * 4;
    // In headings and all-caps lines every word is capitalised: neighbours say nothing.
    title_case_ = s.heading || all_caps_;
  }

  std::vector<Item> Scan() {
    std::vector<Item> items;
    const uint32_t n = static_cast<uint32_t>(s_.tokens.size());
    struct Cand {
      uint32_t end;
      uint32_t node;
      bool compound;  // the phrase ends before a compound suffix of token end - 1
    };
    Cand cands[kMaxPhrasePieces + 1];
    for (uint32_t t = 0; t < n;) {
      if (first_piece_[t] == first_piece_[t + 1]) {  // no pieces: no phrase starts here
        ++t;
        continue;
      }
      size_t nc = 0;
      uint32_t node = 0;
      for (uint32_t p = first_piece_[t]; p < pieces_.size() && nc <= kMaxPhrasePieces; ++p) {
        node = d_.Child(node, pieces_[p].hash);
        if (node == 0) break;
        if (d_.nodes[node].senses_count == 0) continue;
        if (pieces_[p].last) {
          cands[nc++] = {pieces_[p].token + 1, node, false};
        } else if (p + 1 < pieces_.size() && pieces_[p + 1].suffix) {
          cands[nc++] = {pieces_[p].token + 1, node, true};
        }
      }
      bool found = false;
      uint32_t prev_end = items.empty() ? kNone : items.back().end;
      bool after_title = prev_end == t && items.back().category == SenseCategory::kAgent;
      for (size_t c = nc; c-- > 0 && !found;) {
        Item it;
        bool ok = cands[c].compound ? ResolveCompound(t, cands[c].end, cands[c].node, &it)
                                    : Resolve(t, cands[c].end, cands[c].node, prev_end, after_title, &it);
        if (ok) {
          items.push_back(it);
          t = it.end;
          found = true;
        }
      }
      if (!found) ++t;
    }
    return items;
  }

 private:
  // `form` overrides the first token's text: the part before the suffix of
  // a one-token compound ("U.S." of "U.S.-led").
  bool PassesCase(const Sense& s, uint32_t first, uint32_t end, std::string_view form = {}) const {
    switch (s.case_rule) {
      case CaseRule::kAny:
        return true;
      case CaseRule::kCapitalized:
        return IsCapitalizedName(first, end);
      case CaseRule::kUpperOrDots: {
        // The first token decides ("IS militants"); in an all-caps line "US"
        // and "WHO" may be the words us and who, so only dots count there.
        const std::string_view f = form.empty() ? std::string_view(s_.tokens[first].form) : form;
        return IsDottedAbbreviation(f) || (!all_caps_ && !HasLowerAscii(f));
      }
    }
    return false;
  }

  // The first letter after any lowercase name particles is a capital:
  // "Assad", "al-Assad", "von der Leyen", but not "trump", "al-houthi".
  bool IsCapitalizedName(uint32_t first, uint32_t end) const {
    for (uint32_t t = first; t < end; ++t) {
      std::string_view form = s_.tokens[t].form;
      size_t dash;
      while ((dash = form.find('-')) != std::string_view::npos && dash + 1 < form.size() &&
             IsNameParticle(form.substr(0, dash))) {
        form.remove_prefix(dash + 1);  // "al-" of "al-Assad"
      }
      if (t + 1 < end && IsNameParticle(form)) continue;  // "von", "der" of "von der Leyen"
      if (form.empty()) return false;
      const unsigned char c = static_cast<unsigned char>(form[0]);
      return (c >= 'A' && c <= 'Z') || c >= 0x80;
    }
    return false;
  }

  // Could the token start a dictionary phrase? (Then it is no stranger's name.)
  bool StartsPhrase(uint32_t t) const {
    return first_piece_[t] != first_piece_[t + 1] && d_.Child(0, pieces_[first_piece_[t]].hash) != 0;
  }

  bool IsStrangerCapital(uint32_t t, bool allow_sentence_start_words) const {
    const text::Token& tok = s_.tokens[t];
    if (tok.kind != text::TokenKind::kWord || !IsCapitalized(tok) || IsCalendarWord(tok.lower)) return false;
    if (allow_sentence_start_words && t == 0 && IsSentenceStartWord(tok.lower)) return false;
    return true;
  }

  // A proper name that is also a word or another person's name must not be
  // glued to an unknown capitalised word: "Hunter Biden", "Michael Jordan",
  // "Jordan Peterson", "Washington Post", "Atlanta, Georgia".
  // "Kherson Oblast", "Idlib province", "Nakuru County": an administrative
  // word right after a place name belongs to the place (not "state": "Iran
  // state TV" is the state's media, and "State" after a name already starts a
  // phrase).
  bool IsAdminWordAfterPlace(const Sense& s, uint32_t t) const {
    if (s.category != SenseCategory::kCountryName && s.category != SenseCategory::kCapital) return false;
    if (t >= s_.tokens.size()) return false;
    // Not "department": "the U.S. Department of Defense" is an agency.
    static constexpr std::string_view kWords[] = {"oblast",   "province", "region",       "governorate", "county",
                                                  "district", "prefecture", "municipality", "canton",      "krai",
                                                  "township"};
    const std::string_view w = s_.tokens[t].lower;
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }

  bool PassesNeighbours(const Sense& s, uint32_t first, uint32_t end, uint32_t prev_end) const {
    if (!s.proper_name || title_case_) return true;
    const uint32_t n = static_cast<uint32_t>(s_.tokens.size());
    // The word after "Kherson Oblast" is the neighbour; so is the word after
    // "Lagos State" ("Lagos State University" is a university).
    if (IsAdminWordAfterPlace(s, end) ||
        ((s.category == SenseCategory::kCountryName || s.category == SenseCategory::kCapital) && end < n &&
         s_.tokens[end].form == "State")) {
      ++end;
    }
    // Before a surname or an ambiguous name even a sentence-initial word may
    // be a first name ("Hunter Biden", "Michael Jordan"); before other places
    // only a mid-sentence one is ("Asked whether Russia ...").
    bool strict = s.category == SenseCategory::kPerson || s.case_rule == CaseRule::kCapitalized;
    if (first > 0 && prev_end != first && (strict || first - 1 > 0) && IsStrangerCapital(first - 1, true)) {
      return false;
    }
    if (end < n && IsStrangerCapital(end, false) && !StartsPhrase(end)) return false;
    bool country = s.category == SenseCategory::kCountryName || s.category == SenseCategory::kCapital ||
                   s.category == SenseCategory::kCountryAdj;
    // "Atlanta, Georgia" is a place; "Olha Petrenko, Ukraine's foreign minister" is an apposition.
    const bool possessive = end < n && (s_.tokens[end].lower == "'s" || s_.tokens[end].lower == "'");
    if (country && !possessive && first >= 2 && s_.tokens[first - 1].lower == "," && prev_end != first - 1 &&
        first - 2 > 0 && IsStrangerCapital(first - 2, false)) {
      return false;
    }
    return true;
  }

  uint32_t ActiveRole(const PersonEntry& p) const {
    for (uint32_t r : p.roles) {
      const RoleEntry& role = d_.roles[r];
      if (role.start <= date_ && date_ <= role.end) return r;
    }
    return kNone;
  }

  // A country before a compound suffix ("Saudi" of "Saudi-led", "Marshall
  // Islands" of "Marshall Islands-flagged"): the whole compound token becomes
  // the country's adjective, composing like "Saudi" would ("French-led troops"
  // -> FRAMIL). Only countries, capitals and demonyms count; the suffix itself
  // tells the word is a modifier, so no neighbour check applies.
  bool ResolveCompound(uint32_t first, uint32_t end, uint32_t node, Item* out) const {
    std::string_view form = s_.tokens[first].form;
    if (end == first + 1) {
      const size_t dash = form.rfind('-');
      if (dash == std::string_view::npos || dash == 0) return false;
      form = form.substr(0, dash);
    }
    const TrieNode& tn = d_.nodes[node];
    const bool org_only = IsOrgOnlySuffix(s_.tokens[end - 1].lower);
    // "a Chinese-funded airport project", "a Saudi-financed loan": the funder is an actor of what
    // is done to the project or loan; "U.S.-funded schools" or "a Qatar-funded channel" stay
    // descriptions (only projects, loans and works of infrastructure count).
    if (FunderSuffix(s_.tokens[end - 1].lower)) {
      bool works = false;
      for (uint32_t k = end; k < s_.tokens.size() && k < end + 3 && !works; ++k)
        works = IsFundedWork(s_.tokens[k].lower);
      if (!works) return false;
    }
    for (uint32_t i = 0; i < tn.senses_count; ++i) {
      const Sense& s = d_.senses[tn.senses_begin + i];
      if (s.needs_title || !PassesCase(s, first, end, form)) continue;
      // "NATO-led peacekeepers", "Islamic State-linked insurgents", "al Qaeda-affiliated
      // fighters": the organisation acts through them (its armed groups, alliances, IGOs).
      if (s.category == SenseCategory::kOrg) {
        const OrgEntry& o = d_.orgs[s.index];
        if (o.start <= date_ && date_ <= o.end &&
            (o.kind == ActorKind::kArmedGroup || o.kind == ActorKind::kIgo)) {
          *out = {first, end, SenseCategory::kOrg, s.index, kNone, false};
          return true;
        }
        continue;
      }
      if (org_only) continue;
      if (s.category == SenseCategory::kCountryName || s.category == SenseCategory::kCountryAdj ||
          s.category == SenseCategory::kCapital) {
        *out = {first, end, SenseCategory::kCountryAdj, s.index, kNone, false};
        return true;
      }
    }
    return false;
  }

  bool Resolve(uint32_t first, uint32_t end, uint32_t node, uint32_t prev_end, bool after_title,
               Item* out) const {
    const TrieNode& tn = d_.nodes[node];
    // Persons sharing an alias ("Sharif", "Johnson") and organisations whose
    // code changed over time ("Taliban") are told apart by the date.
    uint32_t person = kNone, person_role = kNone, persons_seen = 0, active_persons = 0;
    uint32_t org = kNone, active_orgs = 0;
    for (uint32_t i = 0; i < tn.senses_count; ++i) {
      const Sense& s = d_.senses[tn.senses_begin + i];
      if (s.needs_title && !after_title) continue;
      if (!PassesCase(s, first, end) || !PassesNeighbours(s, first, end, prev_end)) continue;
      switch (s.category) {
        case SenseCategory::kPerson: {
          uint32_t r = ActiveRole(d_.persons[s.index]);
          ++persons_seen;
          if (r != kNone) {
            ++active_persons;
            person = s.index;
            person_role = r;
          } else if (active_persons == 0) {
            person = s.index;
          }
          break;
        }
        case SenseCategory::kOrg: {
          const OrgEntry& o = d_.orgs[s.index];
          if (o.start <= date_ && date_ <= o.end) {
            if (org == kNone || d_.orgs[org].code != o.code) ++active_orgs;
            org = s.index;
          }
          break;
        }
        default:
          *out = {first, IsAdminWordAfterPlace(s, end) ? end + 1 : end, s.category, s.index, kNone,
                  s.case_rule == CaseRule::kUpperOrDots};
          return true;
      }
    }
    if (active_persons == 1 || (active_persons == 0 && persons_seen == 1)) {
      *out = {first, end, SenseCategory::kPerson, person, person_role};
      return true;
    }
    if (active_orgs == 1) {
      *out = {first, end, SenseCategory::kOrg, org, kNone};
      return true;
    }
    return false;  // nothing, or several people/codes the date cannot separate
  }

  const ActorDictionary::Impl& d_;
  const text::Sentence& s_;
  Date date_;
  std::vector<Piece> pieces_;
  std::vector<uint32_t> first_piece_;
  bool all_caps_ = false;
  bool title_case_ = false;
};

std::string JoinEntry(const std::string& a, const std::string& b) { return a.empty() ? b : a + "+" + b; }

class Composer {
 public:
  Composer(const ActorDictionary::Impl& d, const text::Sentence& s, const std::vector<Item>& items, Date date)
      : d_(d), toks_(s.tokens), items_(items), date_(date) {}

  std::vector<ActorMention> Compose() {
    std::vector<ActorMention> out;
    for (size_t j = 0; j < items_.size();) {
      j = ShareAgent(j, &out);
      ActorMention m;
      size_t next = j + 1;
      if (Build(j, &next, &m)) {
        if (m.first > 0 && IsFormer(toks_[m.first - 1].lower) && m.kind != ActorKind::kIgo &&
            m.kind != ActorKind::kNgo && m.kind != ActorKind::kArmedGroup) {
          MakeFormer(&m);
        }
        out.push_back(std::move(m));
      }
      for (ActorMention& p : pending_) out.push_back(std::move(p));
      pending_.clear();
      j = next;
    }
    return out;
  }

 private:
  static bool IsFormer(std::string_view lower) { return lower == "former" || lower == "ex"; }

  bool IsNationalModifier(const Item& it) const {
    return it.category == SenseCategory::kCountryAdj || (it.category == SenseCategory::kCountryName && it.modifier);
  }

  // "Armenian and Azerbaijani forces", "U.S. and South Korean troops", "British,
  // French and German leaders": every nationality of the list takes the agent
  // that ends it. Emits the mentions of all but the last nationality and
  // returns the index of the last one, which composes as usual. Names other
  // than US/UK-style modifiers do not start such lists ("Israel and Palestinian
  // militants" are two actors).
  size_t ShareAgent(size_t j, std::vector<ActorMention>* out) const {
    if (!IsNationalModifier(items_[j])) return j;
    size_t k = j;
    while (true) {
      uint32_t at = items_[k].end;
      if (at < toks_.size() && toks_[at].lower == ",") ++at;
      if (at < toks_.size() && (toks_[at].lower == "and" || toks_[at].lower == "or")) ++at;
      const Item* nx = At(k + 1, at);
      if (at == items_[k].end || !nx || !IsNationalModifier(*nx)) break;
      ++k;
    }
    if (k == j || !IsCodedAgent(At(k + 1, items_[k].end))) return j;
    const AgentEntry& agent = d_.agents[items_[k + 1].index];
    for (size_t i = j; i < k; ++i) {
      const CountryEntry& c = d_.countries[items_[i].index];
      ActorMention m;
      m.first = items_[i].first;
      m.end = items_[i].end;
      m.kind = ActorKind::kCountry;
      m.code = c.code + agent.code;
      m.name = c.name + " (" + agent.label + ")";
      m.entry = JoinEntry(c.entry, agent.entry);
      out->push_back(std::move(m));
    }
    return k;
  }
  // "a military strike", "military aid": the adjective, not the armed forces
  // (with a country it still names them: "Israeli military operation" -> ISRMIL).
  // Bases, facilities and targets stay: attacking them is attacking the military.
  bool IsAttributiveMilitary(uint32_t t) const {
    if (toks_[t].lower != "military") return false;
    if (t > 0 && (toks_[t - 1].lower == "a" || toks_[t - 1].lower == "an")) return true;
    if (t + 1 >= toks_.size()) return false;
    static constexpr std::string_view kNouns[] = {
        "strike", "strikes", "operation", "operations", "action", "actions", "aid", "assistance",
        "cooperation", "exercise", "exercises", "drill", "drills", "intervention", "response", "option", "options",
        "equipment",
        "hardware", "vehicle", "vehicles", "convoy", "convoys", "offensive", "campaign", "rule", "pressure",
        "support", "presence", "buildup", "build-up", "escalation", "threat", "threats", "solution", "power",
        "capabilities", "capability", "spending", "budget", "training", "ties", "deal", "pact", "aims", "goals",
        "communications", "channels", "contacts", "dialogue", "talks", "relations", "hotline",
        "objectives", "parade", "activity", "activities",
        "deployment", "deployments", "means", "force", "might", "personnel", "advisers", "advisors",
        "zone", "zones", "infrastructure", "supplies", "hardware", "technology", "alliance", "service"};
    return std::find(std::begin(kNouns), std::end(kNouns), toks_[t + 1].lower) != std::end(kNouns);
  }

  // "200 people", "thousands of people": a crowd or victims, civilians (CVL)
  // even without a country; a bare "people" is too vague to be an actor.
  bool IsCountedPeople(uint32_t t) const {
    if (toks_[t].lower != "people" || t == 0) return false;
    auto quantity = [&](uint32_t q) {
      static constexpr std::string_view kWords[] = {"dozens", "hundreds", "thousands", "millions", "scores",
                                                    "tens", "dozen", "hundred", "thousand", "million",
                                                    "two", "three", "four", "five", "six", "seven", "eight",
                                                    "nine", "ten", "twelve", "twenty", "fifty"};
      return toks_[q].kind == text::TokenKind::kNumber ||
             std::find(std::begin(kWords), std::end(kWords), toks_[q].lower) != std::end(kWords);
    };
    if (quantity(t - 1)) return true;
    return t >= 2 && toks_[t - 1].lower == "of" && quantity(t - 2);
  }

  // "Iranians", "Afghans", "North Koreans": the plural of a demonym that the
  // dictionary also lists without the final 's' ("Swiss", "Sudanese" are not).
  bool IsPluralDemonym(const Item& a) const {
    std::vector<std::string> all, pieces;
    for (uint32_t t = a.first; t < a.end; ++t) {
      WordPieces(toks_[t].lower, &pieces);
      all.insert(all.end(), pieces.begin(), pieces.end());
    }
    if (all.empty() || all.back().size() < 4 || all.back().back() != 's') return false;
    all.back().pop_back();
    uint32_t node = 0;
    for (const std::string& p : all) {
      node = d_.Child(node, PieceHash(p));
      if (node == 0) return false;
    }
    const TrieNode& tn = d_.nodes[node];
    for (uint32_t i = 0; i < tn.senses_count; ++i) {
      const Sense& s = d_.senses[tn.senses_begin + i];
      if (s.category == SenseCategory::kCountryAdj && s.index == a.index) return true;
    }
    return false;
  }

  // A demonym standing alone as a noun for people of the country, best
  // checked by what surrounds it since "Sudanese" is also the adjective:
  //   - counted: "tens of thousands of Sudanese", "many Iranians", "two
  //     Israelis", "ordinary Russians" (not before a noun: "thousands of
  //     Sudanese homes");
  //   - a plural form without an article: "Iranians voted", "hundreds of
  //     Afghans fled" ("the Iranians" in diplomacy is often the government, so
  //     it stays the country);
  //   - "an Israeli was killed", "a Palestinian who ...".
  bool IsDemonymNoun(const Item& a) const {
    const uint32_t n = static_cast<uint32_t>(toks_.size());
    auto quantity = [&](uint32_t q) {
      static constexpr std::string_view kWords[] = {
          "dozens", "hundreds", "thousands", "millions", "tens", "scores", "dozen", "hundred", "thousand", "million",
          "many", "some", "most", "several", "few", "more", "fewer", "two", "three", "four", "five", "six", "seven",
          "eight", "nine", "ten", "twelve", "twenty", "fifty", "ordinary", "fellow", "young", "all", "other"};
      return toks_[q].kind == text::TokenKind::kNumber ||
             std::find(std::begin(kWords), std::end(kWords), toks_[q].lower) != std::end(kWords);
    };
    // "Iranian-owned", "Saudi-led": a compound modifier, never a noun.
    if (toks_[a.end - 1].lower.find('-') != std::string::npos) return false;
    const uint32_t f = a.first;
    const bool counted = f > 0 && (quantity(f - 1) || (f >= 2 && toks_[f - 1].lower == "of" && quantity(f - 2)));
    const bool plural = IsPluralDemonym(a);
    // What follows a noun: the end, punctuation, a verb or a clause word; not another noun.
    auto ends_noun_phrase = [&]() {
      if (a.end >= n) return true;
      const text::Token& t = toks_[a.end];
      if (t.kind != text::TokenKind::kWord) return t.lower != "-";
      static constexpr std::string_view kWords[] = {
          "who",  "that", "and",  "or",    "in",     "at",    "from", "to",    "on",     "across", "have",  "had",
          "has",  "are",  "were", "was",   "is",     "will",  "would", "could", "can",   "remain", "remained",
          "fled", "took", "went", "ran",   "came",   "left",  "held", "began", "living", "stranded", "trapped",
          "say",  "said", "told", "voted", "vote",   "gathered", "marched", "rallied", "protested", "took",
          "poured", "packed", "lined", "thronged", "flocked", "celebrated", "mourned", "died", "killed",
          "wounded", "injured", "abroad", "inside", "as", "with", "for", "of", "since", "during", "after",
          "before", "until", "but", "also", "still", "now", "then", "alike"};
      if (std::find(std::begin(kWords), std::end(kWords), t.lower) != std::end(kWords)) return true;
      // A past tense ("banged", "queued"), not a participle that makes an adjective ("armed groups").
      static constexpr std::string_view kParticiples[] = {"armed", "backed", "based", "owned", "linked", "allied",
                                                          "affiliated", "aligned", "funded", "sponsored",
                                                          "supported", "trained", "occupied", "controlled",
                                                          "registered", "flagged", "united", "led"};
      const std::string& w = t.lower;
      return w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 &&
             std::find(std::begin(kParticiples), std::end(kParticiples), w) == std::end(kParticiples);
    };
    if (counted) return plural || ends_noun_phrase();
    if (plural) return f == 0 || !(toks_[f - 1].lower == "the" || toks_[f - 1].lower == "these" ||
                                   toks_[f - 1].lower == "those");
    if (f > 0 && (toks_[f - 1].lower == "a" || toks_[f - 1].lower == "an") && a.end < n) {
      const std::string& w = toks_[a.end].lower;
      return w == "was" || w == "is" || w == "who" || w == "has" || w == "had" || w == ",";
    }
    // "Sudanese marched", "Lebanese have fled": a verb of people right after, no determiner before. Only
    // listed verbs: a past participle may start a noun phrase ("Iranian enriched uranium").
    static constexpr std::string_view kPeopleVerbs[] = {
        "marched", "rallied", "protested", "demonstrated", "gathered", "fled", "voted", "died", "celebrated",
        "mourned", "queued", "poured", "thronged", "flocked", "have", "had", "are", "were", "took", "went"};
    static constexpr std::string_view kDeterminers[] = {"the", "these", "those", "this", "that", "its", "their",
                                                        "his", "her", "our", "a", "an"};
    const bool determined =
        f > 0 && std::find(std::begin(kDeterminers), std::end(kDeterminers), toks_[f - 1].lower) != std::end(kDeterminers);
    return !determined && a.end < n &&
           std::find(std::begin(kPeopleVerbs), std::end(kPeopleVerbs), toks_[a.end].lower) != std::end(kPeopleVerbs);
  }

  // A country's office named without its holder ("the Israeli prime minister",
  // "the U.S. secretary of state"): the one person whose role on the date is
  // exactly that office gets named, so that the event says who acted. The code
  // stays the office's; with no holder, or several, nothing changes.
  void NameOfficeHolder(const CountryEntry& c, uint32_t first, const Item& agent, ActorMention* m) const {
    std::string office;
    for (uint32_t t = agent.first; t < agent.end; ++t) office += (t > agent.first ? " " : "") + toks_[t].lower;
    if (office.find(' ') == std::string::npos && office != "president" && office != "chancellor" &&
        office != "premier") {
      return;  // "leader", "minister", "officials": no single office
    }
    std::string country = c.name;
    std::transform(country.begin(), country.end(), country.begin(), [](unsigned char x) { return std::tolower(x); });
    const std::string& modifier = toks_[first].lower;  // "israeli", "u.s."
    const PersonEntry* holder = nullptr;
    for (const PersonEntry& p : d_.persons) {
      for (uint32_t r : p.roles) {
        const RoleEntry& role = d_.roles[r];
        if (role.code != m->code || date_ < role.start || role.end < date_) continue;
        std::string title = role.role;
        std::transform(title.begin(), title.end(), title.begin(), [](unsigned char x) { return std::tolower(x); });
        if (title == office || title == office + " of " + country || title == modifier + " " + office) {
          if (holder && holder != &p) return;  // two holders: the dictionary cannot say which
          holder = &p;
        }
      }
    }
    if (holder) m->name = holder->name;
  }

  // "facilities", "oil facilities", "gas processing plant" right after a company's name.
  bool IsFacilityAfter(uint32_t t) const {
    static constexpr std::string_view kWords[] = {"facility", "facilities", "plant", "plants", "refinery",
                                                  "refineries", "pipeline", "pipelines", "terminal", "terminals",
                                                  "field", "fields", "installation", "installations", "depot",
                                                  "depots", "site", "sites", "complex"};
    for (uint32_t k = t; k < toks_.size() && k < t + 3; ++k) {
      if (std::find(std::begin(kWords), std::end(kWords), toks_[k].lower) != std::end(kWords)) return true;
      if (toks_[k].kind != text::TokenKind::kWord) return false;
    }
    return false;
  }

  static bool IsWaterWord(std::string_view lower) {
    static constexpr std::string_view kWords[] = {"gulf", "sea", "bay", "strait", "straits", "bight"};
    return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
  }

  static bool IsRoleModifier(std::string_view lower) {
    static constexpr std::string_view kWords[] = {"former", "ex", "new", "top", "deputy", "senior", "acting",
                                                  "interim", "outgoing", "incoming", "current", "chief",
                                                  "veteran", "longtime", "then"};
    return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
  }

  // Former officials are elites (CAMEO ELI), not the government.
  void MakeFormer(ActorMention* m) const {
    if (m->code.size() >= 3 && m->kind != ActorKind::kAgentOnly) {
      m->code = m->code.substr(0, 3) + "ELI";
    } else if (m->kind == ActorKind::kAgentOnly) {
      m->code = "---ELI";
    }
  }

  const Item* At(size_t k, uint32_t token) const {
    return k < items_.size() && items_[k].first == token ? &items_[k] : nullptr;
  }
  bool IsCodedAgent(const Item* it) const {
    return it && it->category == SenseCategory::kAgent && !d_.agents[it->index].code.empty();
  }
  bool IsAgent(const Item* it) const { return it && it->category == SenseCategory::kAgent; }
  bool IsPerson(const Item* it) const { return it && it->category == SenseCategory::kPerson; }
  bool IsPossessive(uint32_t t) const {
    return t < toks_.size() && (toks_[t].lower == "'s" || toks_[t].lower == "'");
  }

  void SetPerson(const Item& p, uint32_t first, std::string entry_prefix, ActorMention* m) const {
    const PersonEntry& pe = d_.persons[p.index];
    m->first = first;
    m->end = p.end;
    m->kind = ActorKind::kPerson;
    m->name = pe.name;
    if (p.role != kNone) {
      m->code = d_.roles[p.role].code;
      m->entry = JoinEntry(entry_prefix, JoinEntry(pe.entry, d_.roles[p.role].entry));
    } else {
      m->code = pe.country + "ELI";
      m->entry = JoinEntry(entry_prefix, pe.entry);
    }
  }

  // "Putin's troops", "Assad's forces", "Trump's supporters", "Erdogan's
  // party": the people or forces a leader commands or leads are his state's
  // (or group's) agent, not the leader, who did not act himself. Only
  // collective agents compose (not GOV: "Putin's government" is Putin's code
  // anyway, and "Putin's spokesman Peskov" names its own person); an
  // office-holder of an IGO keeps his own mention ("Guterres's envoy").
  bool ComposePossessedForce(size_t j, ActorMention* m, size_t* next) const {
    const Item& a = items_[j];
    if (!IsPossessive(a.end) || m->code.size() < 3 || m->code.compare(0, 3, "IGO") == 0 ||
        m->code.compare(0, 3, "NGO") == 0) {
      return false;
    }
    const Item* ag = At(j + 1, a.end + 1);
    if (!IsCodedAgent(ag) || IsPerson(At(j + 2, ag->end))) return false;
    const AgentEntry& agent = d_.agents[ag->index];
    static constexpr std::string_view kCollective[] = {"MIL", "REB", "INS", "UAF", "COP", "SPY", "CVL", "OPP", "PTY"};
    if (std::find(std::begin(kCollective), std::end(kCollective), agent.code) == std::end(kCollective)) return false;
    for (uint32_t t = ag->first; t < ag->end; ++t) {
      if (toks_[t].lower == "chief" || toks_[t].lower == "chiefs") return false;  // "Trump's chief of staff"
    }
    // A group's leader commands the group ("Sinwar's fighters" -> PSEREBHMS,
    // "Baghdadi's fighters" -> IMGMUS), not a generic force of the country.
    const bool armed_agent = agent.code == "MIL" || agent.code == "REB" || agent.code == "INS" || agent.code == "UAF";
    const std::string_view role_agent = std::string_view(m->code).substr(3, 3);
    const bool group_role = m->code.size() > 6 || m->code.compare(0, 3, "IMG") == 0 || role_agent == "REB" ||
                            role_agent == "UAF" || role_agent == "INS";
    if (group_role && !armed_agent) return false;
    const PersonEntry& pe = d_.persons[a.index];
    m->kind = group_role ? ActorKind::kArmedGroup : ActorKind::kCountry;
    if (!group_role) m->code = m->code.substr(0, 3) + agent.code;
    m->name = pe.name + " (" + agent.label + ")";
    m->entry = JoinEntry(m->entry, agent.entry);
    m->end = ag->end;
    *next = j + 2;
    return true;
  }

  // Absorbs further adjacent agent words ("army troops", "foreign ministry
  // spokesman") and a trailing person; the first agent keeps the code.
  void ExtendAgents(size_t* k, uint32_t* end, std::string* entry) const {
    while (IsAgent(At(*k, *end))) {
      *entry = JoinEntry(*entry, d_.agents[items_[*k].index].entry);
      *end = items_[*k].end;
      ++*k;
    }
  }

  // A deal or process noun right after position `at`, or after one or two modifiers ("climate",
  // "peace", "nuclear").
  bool NamesADeal(uint32_t at) const {
    static const std::set<std::string> deal = {
        "agreement", "agreements", "accord", "accords", "treaty", "treaties", "protocol", "protocols",
        "convention", "conventions", "format", "process", "declaration", "communique", "communiqué",
        "deal", "pact", "charter", "framework", "principles", "memorandum", "agenda", "formula"};
    for (uint32_t k = at, seen = 0; k < toks_.size() && seen < 3; ++k, ++seen) {
      const std::string& w = toks_[k].lower;
      if (deal.count(w)) return true;
      static const std::set<std::string> modifier = {"climate", "peace", "nuclear", "ceasefire", "cease-fire",
                                                     "security", "trade", "grain", "arms"};
      if (toks_[k].kind != text::TokenKind::kWord || !modifier.count(w)) return false;
    }
    return false;
  }

  bool Build(size_t j, size_t* next, ActorMention* m) {
    const Item& a = items_[j];
    m->first = a.first;
    m->end = a.end;
    switch (a.category) {
      case SenseCategory::kCountryName:
      case SenseCategory::kCountryAdj:
      case SenseCategory::kCapital: {
        const CountryEntry& c = d_.countries[a.index];
        // "the Gulf of Oman", "the Sea of Japan", "the Gulf of Aden": waters, not the state.
        if (a.first >= 2 && toks_[a.first - 1].lower == "of" &&
            IsWaterWord(toks_[a.first - 2].lower)) {
          return false;
        }
        // "the Paris climate accord", "the Minsk agreements", "the Oslo Accords", "the Astana
        // format": a city naming a deal or a process is no actor.
        if (a.category == SenseCategory::kCapital && NamesADeal(a.end)) return false;
        m->kind = ActorKind::kCountry;
        m->code = c.code;
        m->name = c.name;
        m->entry = c.entry;
        uint32_t at = a.end;
        if (IsPossessive(at)) ++at;
        // "Syria's new foreign minister", "Russia's deputy defence minister",
        // "Israel's former prime minister" (former: an elite, no longer GOV).
        bool former = false;
        uint32_t skip = at;
        for (int k = 0; k < 2 && skip < toks_.size() && !At(j + 1, skip) && IsRoleModifier(toks_[skip].lower); ++k) {
          former = former || IsFormer(toks_[skip].lower);
          ++skip;
        }
        if (skip != at && IsCodedAgent(At(j + 1, skip))) {
          at = skip;
        } else {
          former = false;
        }
        // "Russia's UN ambassador", "the U.S. NATO envoy": the country's official
        // at an international organisation.
        size_t agent_item = j + 1;
        if (const Item* o = At(j + 1, at); !former && o && o->category == SenseCategory::kOrg &&
                                           d_.orgs[o->index].kind == ActorKind::kIgo &&
                                           IsCodedAgent(At(j + 2, o->end))) {
          at = o->end;
          agent_item = j + 2;
        }
        if (const Item* ag = At(agent_item, at); IsCodedAgent(ag)) {
          const AgentEntry& agent = d_.agents[ag->index];
          m->code = former ? c.code + "ELI" : c.code + agent.code;
          // "ethnic Armenian forces": fighters of an ethnic group, not the state's army.
          if (!former && agent.code == "MIL" && a.first > 0 && toks_[a.first - 1].lower == "ethnic") {
            m->code = c.code + "REB";
          }
          m->name = c.name + " (" + agent.label + ")";
          m->entry = JoinEntry(c.entry, agent.entry);
          size_t k = agent_item + 1;
          uint32_t end = ag->end;
          ExtendAgents(&k, &end, &m->entry);
          m->end = end;
          *next = k;
          if (const Item* p = At(k, end); IsPerson(p)) {
            SetPerson(*p, a.first, m->entry, m);
            *next = k + 1;
          } else if (!former && end == ag->end && !(a.first > 0 && IsFormer(toks_[a.first - 1].lower))) {
            NameOfficeHolder(c, a.first, *ag, m);  // "the Israeli prime minister" in 2022: Naftali Bennett
          }
          return true;
        }
        if (const Item* o = At(j + 1, a.end);
            o && o->category == SenseCategory::kOrg && a.category == SenseCategory::kCountryAdj &&
            d_.orgs[o->index].code.compare(0, 3, c.code) == 0) {
          // "Lebanese Hezbollah": the group, nationality included. Another
          // nationality ("Egyptian Islamic Jihad") is another group: no merge.
          const OrgEntry& oe = d_.orgs[o->index];
          m->code = oe.code;
          m->name = oe.name;
          m->kind = oe.kind;
          m->entry = JoinEntry(c.entry, oe.entry);
          size_t k = j + 2;
          uint32_t end = o->end;
          ExtendAgents(&k, &end, &m->entry);  // "Lebanese Hezbollah fighters"
          m->end = end;
          *next = k;
          return true;
        }
        if (const Item* p = At(j + 1, at); IsPerson(p)) {  // "Russia's Putin"
          SetPerson(*p, a.first, c.entry, m);
          *next = j + 2;
        } else if (a.category == SenseCategory::kCountryAdj && IsDemonymNoun(a)) {
          // "Tens of thousands of Sudanese marched", "Iranians voted": the people, not the state.
          m->code = c.code + "CVL";
          m->name = c.name + " (people)";
          m->entry = JoinEntry(c.entry, "demonym:people");
        }
        // A capital standing for the state is the bare country ("Tehran accused
        // ...", as the project's gold set codes it); seats of power such as the
        // Kremlin are organisations with their own agent code.
        return true;
      }
      case SenseCategory::kAgent: {
        const AgentEntry& agent = d_.agents[a.index];
        size_t k = j + 1;
        uint32_t end = a.end;
        std::string entry = agent.entry;
        ExtendAgents(&k, &end, &entry);
        *next = k;
        if (const Item* p = At(k, end); IsPerson(p)) {  // "President Biden", "Mr Netanyahu"
          SetPerson(*p, a.first, entry, m);
          *next = k + 1;
          return true;
        }
        if (agent.code.empty()) return false;  // a lone "Mr"
        // "the government of Sudan", "police in Kenya"
        uint32_t at = end;
        if (at + 1 < toks_.size() && (toks_[at].lower == "of" || (agent.place && toks_[at].lower == "in"))) {
          uint32_t c_at = at + 1;
          if (toks_[c_at].lower == "the") ++c_at;
          if (const Item* c = At(k, c_at);
              c && (c->category == SenseCategory::kCountryName || c->category == SenseCategory::kCapital)) {
            const CountryEntry& ce = d_.countries[c->index];
            m->kind = ActorKind::kCountry;
            m->code = ce.code + agent.code;
            m->name = ce.name + " (" + agent.label + ")";
            m->entry = JoinEntry(entry, ce.entry);
            m->end = c->end;
            *next = k + 1;
            // "the foreign ministers of Russia and Ukraine": the second country
            // has the same agent.
            uint32_t and_at = c->end;
            if (and_at < toks_.size() && toks_[and_at].lower == "and") {
              if (const Item* c2 = At(k + 1, and_at + 1); c2 && c2->category == SenseCategory::kCountryName) {
                const CountryEntry& ce2 = d_.countries[c2->index];
                ActorMention m2;
                m2.first = c2->first;
                m2.end = c2->end;
                m2.kind = ActorKind::kCountry;
                m2.code = ce2.code + agent.code;
                m2.name = ce2.name + " (" + agent.label + ")";
                m2.entry = JoinEntry(entry, ce2.entry);
                pending_.push_back(std::move(m2));
                *next = k + 2;
              }
            }
            return true;
          }
        }
        if (!agent.alone && !(end == a.first + 1 && IsCountedPeople(a.first))) return false;
        if (end == a.first + 1 && IsAttributiveMilitary(a.first)) return false;
        m->kind = ActorKind::kAgentOnly;
        m->code = "---" + agent.code;
        if (!agent.alone_code.empty()) {  // "rights groups" -> NGOHRI: a known kind of body, not a slot to fill
          m->code = agent.alone_code;
          m->kind = agent.alone_code.compare(0, 3, "IGO") == 0   ? ActorKind::kIgo
                    : agent.alone_code.compare(0, 3, "NGO") == 0 ? ActorKind::kNgo
                                                                   : ActorKind::kCountry;
        }
        m->name = "(" + agent.label + ")";
        m->entry = entry;
        m->end = end;
        return true;
      }
      case SenseCategory::kOrg: {
        const OrgEntry& o = d_.orgs[a.index];
        m->kind = o.kind;
        m->code = o.code;
        m->name = o.name;
        m->entry = o.entry;
        // "attacks on Saudi Aramco oil facilities": a state company's plants are places of its
        // country, coded as the bare country like towns and regions.
        if (o.code.size() == 6 && o.code.compare(3, 3, "BUS") == 0 && IsFacilityAfter(a.end)) {
          m->code = o.code.substr(0, 3);
          m->kind = ActorKind::kCountry;
          return true;
        }
        if (const Item* ag = At(j + 1, a.end); IsCodedAgent(ag)) {  // "Hamas militants", "UN peacekeepers"
          size_t k = j + 1;
          uint32_t end = a.end;
          ExtendAgents(&k, &end, &m->entry);
          m->end = end;
          *next = k;
          if (const Item* p = At(k, end); IsPerson(p)) {  // "UN Secretary-General Antonio Guterres"
            SetPerson(*p, a.first, m->entry, m);
            *next = k + 1;
          }
        }
        return true;
      }
      case SenseCategory::kPerson: {
        SetPerson(a, a.first, "", m);
        if (ComposePossessedForce(j, m, next)) return true;
        if (const Item* ag = At(j + 1, a.end); IsCodedAgent(ag)) {  // "the Biden administration"
          const PersonEntry& pe = d_.persons[a.index];
          const AgentEntry& agent = d_.agents[ag->index];
          std::string country = m->code.size() >= 3 && m->code.compare(0, 3, "IGO") != 0 &&
                                        m->code.compare(0, 3, "NGO") != 0
                                    ? m->code.substr(0, 3)
                                    : pe.country;
          m->kind = ActorKind::kCountry;
          m->code = country + agent.code;
          m->name = pe.name + " (" + agent.label + ")";
          m->entry = JoinEntry(m->entry, agent.entry);
          m->end = ag->end;
          *next = j + 2;
        }
        return true;
      }
    }
    return false;
  }

  const ActorDictionary::Impl& d_;
  const std::vector<text::Token>& toks_;
  const std::vector<Item>& items_;
  Date date_;
  std::vector<ActorMention> pending_;  // mentions Build found after the one it returns
};

}  // namespace

ActorRecognizer::ActorRecognizer(const ActorDictionary& dict) : dict_(&dict) {}

std::vector<ActorMention> ActorRecognizer::Recognize(const text::Sentence& sentence, Date date) const {
  if (sentence.tokens.empty()) return {};
  Scanner scanner(dict_->impl(), sentence, date);
  std::vector<Item> items = scanner.Scan();
  if (items.empty()) return {};
  return Composer(dict_->impl(), sentence, items, date).Compose();
}

}  // namespace dyad::actors
