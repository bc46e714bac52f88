#include "common/lines.h"
#include "coder/dictionary.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/hash.h"
#include "common/utf8.h"

namespace dyad::coder {
namespace {

constexpr int kDefaultGap = 6;
constexpr int kMaxGap = 12;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("dictionary file " + path + " cannot be opened");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return ss.str();
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Prepositions and particles: they make a pattern longer, not more specific.
bool FunctionWord(std::string_view w) {
  static const char* const kWords[] = {"to", "for", "on", "upon", "with", "at", "of", "in", "into", "against", "by",
                                       "from", "about", "over", "between", "that", "not", "up", "down", "out", "off",
                                       "as", "the", "a", "an"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

bool IsCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsWord(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == '\t' || (c >= 'A' && c <= 'Z')) return false;
  return true;
}

// Calls fn(line_no, line) for each line; stops at the first error.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  LineReader lines(text);
  for (std::string_view line; lines.Next(&line);) DYAD_RETURN_IF_ERROR(fn(lines.line_no(), line));
  return Status::Ok();
}

Status CheckText(std::string_view text, const std::string& name, std::string_view format) {
  if (text.empty()) return Status::Corruption(name + ":1: empty file");
  if (utf8::LooksBinary(text) || !utf8::IsValid(text))
    return Status::Corruption(name + ": not a UTF-8 text file");
  size_t nl = text.find('\n');
  std::string_view first = text.substr(0, nl);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first != format)
    return Status::Corruption(name + ":1: expected \"" + std::string(format) +
                              "\" (a file of another version, or not a dictionary)");
  return Status::Ok();
}

}  // namespace

WordId EventDictionary::Intern(std::string_view w, bool lemma) {
  auto it = word_ids_.find(std::string(w));
  if (it != word_ids_.end()) {
    if (lemma) is_lemma_[it->second] = true;
    return it->second;
  }
  WordId id = static_cast<WordId>(words_.size());
  words_.emplace_back(w);
  is_lemma_.push_back(lemma);
  word_ids_.emplace(std::string(w), id);
  return id;
}

WordId EventDictionary::WordOf(std::string_view lower) const {
  auto it = word_ids_.find(std::string(lower));
  return it == word_ids_.end() ? kNoWord : it->second;
}

WordId EventDictionary::LemmaOf(std::string_view w) const {
  if (w.empty() || w.size() > 40) return kNoWord;
  std::string buf(w);
  auto irr = irregular_.find(buf);
  if (irr != irregular_.end()) return irr->second;
  // Inflection rules come before the word itself, so that "warning" (also a
  // noun of the dictionary) reads as the verb "warn"; the matcher also
  // compares the exact form, so noun patterns still see "warning".
  auto known = word_ids_.find(buf);
  const WordId as_is = known != word_ids_.end() && is_lemma_[known->second] ? known->second : kNoWord;
  auto try_stem = [&](std::string_view stem, std::string_view add) -> WordId {
    if (stem.size() < 2) return kNoWord;
    buf.assign(stem);
    buf.append(add);
    auto it = word_ids_.find(buf);
    return it == word_ids_.end() || !is_lemma_[it->second] ? kNoWord : it->second;
  };
  auto ends = [&](std::string_view suf) { return w.size() > suf.size() && w.substr(w.size() - suf.size()) == suf; };
  auto undouble = [&](std::string_view stem) -> WordId {
    size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2]) return try_stem(stem.substr(0, n - 1), "");
    return kNoWord;
  };
  WordId id;
  if (ends("ies")) {
    if ((id = try_stem(w.substr(0, w.size() - 3), "y"))) return id;
  }
  if (ends("s") && !ends("ss")) {
    if ((id = try_stem(w.substr(0, w.size() - 1), ""))) return id;
    if (ends("es") && (id = try_stem(w.substr(0, w.size() - 2), ""))) return id;
  }
  if (ends("ied")) {
    if ((id = try_stem(w.substr(0, w.size() - 3), "y"))) return id;
  }
  if (ends("ed")) {
    std::string_view stem = w.substr(0, w.size() - 2);
    if ((id = try_stem(stem, ""))) return id;
    if ((id = try_stem(w.substr(0, w.size() - 1), ""))) return id;  // "used" -> "use"
    if ((id = undouble(stem))) return id;
  }
  if (ends("ing")) {
    std::string_view stem = w.substr(0, w.size() - 3);
    if ((id = try_stem(stem, ""))) return id;
    if ((id = try_stem(stem, "e"))) return id;
    if ((id = undouble(stem))) return id;
  }
  return as_is;
}

bool EventDictionary::IsPastForm(std::string_view lower) const {
  if (lower.size() > 3 && lower.substr(lower.size() - 2) == "ed") return true;
  return past_forms_.count(std::string(lower)) > 0;
}

const std::vector<uint32_t>& EventDictionary::PatternsAnchoredAt(WordId lemma) const {
  static const std::vector<uint32_t> kEmpty;
  auto it = by_anchor_.find(lemma);
  return it == by_anchor_.end() ? kEmpty : it->second;
}

bool EventDictionary::ClassHas(uint32_t cls, WordId w) const {
  const auto& m = class_members_[cls];
  return std::binary_search(m.begin(), m.end(), w);
}

std::string EventDictionary::Apply(const std::vector<Recode>& table, std::string_view code) {
  const Recode* best = nullptr;
  for (const auto& r : table)
    if (code.substr(0, r.prefix.size()) == r.prefix && (!best || r.prefix.size() > best->prefix.size())) best = &r;
  return best ? best->code : std::string();
}

Status EventDictionary::ParseVerbForms(std::string_view text, const std::string& name) {
  DYAD_RETURN_IF_ERROR(CheckText(text, name, kVerbFormsFormatLine));
  // Lemmas are interned so that irregular forms resolve even for verbs that
  // only the events file uses; unused ones are harmless.
  return ForEachLine(text, [&](int n, std::string_view line) -> Status {
    if (n == 1 || line.empty() || line[0] == '#') return Status::Ok();
    auto f = SplitSpaces(line);
    if (f.size() < 2) return Status::DataError(name + ":" + std::to_string(n) + ": want \"lemma form ...\"");
    for (auto w : f)
      if (!IsWord(w)) return Status::DataError(name + ":" + std::to_string(n) + ": bad word '" + std::string(w) + "'");
    WordId lemma = Intern(f[0]);
    for (size_t i = 1; i < f.size(); ++i) {
      irregular_[std::string(f[i])] = lemma;
      past_forms_.insert(std::string(f[i]));
    }
    return Status::Ok();
  });
}

Status EventDictionary::ParseEvents(std::string_view text, const std::string& name) {
  DYAD_RETURN_IF_ERROR(CheckText(text, name, kEventsFormatLine));
  bool saw_version = false;
  std::unordered_set<std::string> seen_patterns;
  Status st = ForEachLine(text, [&](int n, std::string_view line) -> Status {
    auto err = [&](const std::string& m) { return Status::DataError(name + ":" + std::to_string(n) + ": " + m); };
    if (n == 1) return Status::Ok();
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') return Status::Ok();
    if (line.find('\t') == std::string_view::npos) {
      // A directive.
      auto f = SplitSpaces(line);
      std::string_view d = f[0];
      if (d == "version") {
        if (f.size() < 2) return err("version needs a value");
        if (saw_version) return err("second version line");
        version_ = std::string(line.substr(line.find("version") + 8));
        saw_version = true;
        return Status::Ok();
      }
      if (d == "class") {
        if (f.size() < 3 || f[1].size() < 2 || f[1][0] != '@') return err("want \"class @name word ...\"");
        std::string cname(f[1]);
        auto [it, fresh] = class_ids_.emplace(cname, static_cast<uint32_t>(class_members_.size()));
        if (fresh) class_members_.emplace_back();
        auto& m = class_members_[it->second];
        for (size_t i = 2; i < f.size(); ++i) {
          if (!IsWord(f[i]) || f[i][0] == '@' || f[i][0] == '*') return err("bad class member '" + std::string(f[i]) + "'");
          m.push_back(Intern(f[i]));
        }
        std::sort(m.begin(), m.end());
        m.erase(std::unique(m.begin(), m.end()), m.end());
        return Status::Ok();
      }
      if (d == "future" || d == "reject" || d == "appeal" || d == "demand") {
        if (f.size() != 3 || !IsCode(f[1]) || !IsCode(f[2])) return err("want \"" + std::string(d) + " CODE-PREFIX CODE\"");
        auto& table = d == "future" ? future_ : d == "reject" ? reject_ : d == "appeal" ? appeal_ : demand_;
        table.push_back({std::string(f[1]), std::string(f[2])});
        return Status::Ok();
      }
      if (d == "intent" || d == "refuser" || d == "appealer" || d == "demander") {
        if (f.size() < 2) return err("want \"" + std::string(d) + " lemma ...\"");
        auto& set = d == "intent" ? intent_ : d == "refuser" ? refuser_ : d == "appealer" ? appealer_ : demander_;
        for (size_t i = 1; i < f.size(); ++i) {
          if (!IsWord(f[i])) return err("bad word '" + std::string(f[i]) + "'");
          set.insert(Intern(f[i]));
        }
        return Status::Ok();
      }
      return err("unknown directive '" + std::string(d) + "' (patterns need a tab before the code)");
    }
    // A pattern: PATTERN <tab> CODE [<tab> notes]
    size_t tab = line.find('\t');
    std::string_view pat = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    size_t tab2 = rest.find('\t');
    std::string_view code = rest.substr(0, tab2);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    if (code != "-" && !IsCode(code)) return err("bad CAMEO code '" + std::string(code) + "' (or - for a stop pattern)");
    Pattern p;
    p.code = code == "-" ? std::string() : std::string(code);
    p.source = name.substr(name.find_last_of('/') + 1) + ":" + std::to_string(n);
    auto toks = SplitSpaces(pat);
    if (!toks.empty() && toks.back() == "<>") {
      p.mutual = true;
      toks.pop_back();
    }
    if (toks.empty()) return err("empty pattern");
    int targets = 0;
    for (auto t : toks) {
      Element e;
      if (t == "TARGET" || t == "ACTOR") {
        e.kind = ElementKind::kTarget;
        e.actor_only = t == "ACTOR";
        ++targets;
      } else if (t[0] == '*') {
        e.kind = ElementKind::kGap;
        int g = kDefaultGap;
        if (t.size() > 1) {
          g = 0;
          for (char c : t.substr(1)) {
            if (c < '0' || c > '9' || g > kMaxGap) return err("bad gap '" + std::string(t) + "'");
            g = g * 10 + (c - '0');
          }
          if (g < 1 || g > kMaxGap) return err("gap must be *1 .. *" + std::to_string(kMaxGap));
        }
        e.max_gap = static_cast<uint8_t>(g);
      } else if (t[0] == '@') {
        auto it = class_ids_.find(std::string(t));
        if (it == class_ids_.end()) return err("unknown class " + std::string(t) + " (define it above)");
        e.kind = ElementKind::kClass;
        e.cls = it->second;
        ++p.literals;
      } else if (t[0] == '=') {
        if (!IsWord(t.substr(1))) return err("bad word '" + std::string(t) + "'");
        e.kind = ElementKind::kExact;
        e.word = Intern(t.substr(1), /*lemma=*/false);
        ++p.literals;
      } else {
        std::string w = Lower(t);
        if (!IsWord(w)) return err("bad word '" + std::string(t) + "'");
        e.kind = ElementKind::kWord;
        e.word = Intern(w);
        ++p.literals;
      }
      if (!p.elements.empty()) {
        ElementKind prev = p.elements.back().kind;
        bool loose = [](ElementKind k) { return k == ElementKind::kGap || k == ElementKind::kTarget; }(e.kind);
        if (loose && (prev == ElementKind::kGap || prev == ElementKind::kTarget))
          return err("two gaps or a gap next to TARGET");
      }
      p.elements.push_back(e);
    }
    if (targets > 1) return err("more than one TARGET or ACTOR");
    // Bounds keep the matcher's backtracking small whatever a user writes.
    if (p.elements.size() > 16) return err("a pattern has at most 16 elements");
    int loose = 0;
    for (const Element& e : p.elements) loose += e.kind == ElementKind::kGap || e.kind == ElementKind::kTarget;
    if (loose > 4) return err("a pattern has at most 4 gaps and TARGETs together");
    p.content = p.literals;
    for (const Element& e : p.elements)
      if ((e.kind == ElementKind::kWord || e.kind == ElementKind::kExact) && FunctionWord(words_[e.word])) --p.content;
    ElementKind k0 = p.elements.front().kind;
    if (k0 != ElementKind::kWord && k0 != ElementKind::kClass && k0 != ElementKind::kExact)
      return err("a pattern must start with a word or a class");
    if (p.elements.back().kind == ElementKind::kGap) return err("a pattern cannot end with a gap");
    p.text = std::string(pat);
    while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
    std::string key = p.text + "\t" + p.code;
    if (!seen_patterns.insert(p.text).second) return err("duplicate pattern '" + p.text + "'");
    patterns_.push_back(std::move(p));
    return Status::Ok();
  });
  DYAD_RETURN_IF_ERROR(st);
  if (!saw_version) return Status::Corruption(name + ": no version line");
  if (patterns_.empty()) return Status::Corruption(name + ": no patterns");
  return Status::Ok();
}

Result<EventDictionary> EventDictionary::Parse(std::string_view events, const std::string& events_name,
                                               std::string_view verb_forms, const std::string& verb_forms_name) {
  EventDictionary d;
  // Verb forms first: their lemmas become words, so irregular forms of
  // pattern verbs resolve; events second.
  DYAD_RETURN_IF_ERROR(d.ParseVerbForms(verb_forms, verb_forms_name));
  DYAD_RETURN_IF_ERROR(d.ParseEvents(events, events_name));
  for (uint32_t i = 0; i < d.patterns_.size(); ++i) {
    const Element& a = d.patterns_[i].elements.front();
    if (a.kind == ElementKind::kClass) {
      for (WordId w : d.class_members_[a.cls]) d.by_anchor_[w].push_back(i);
    } else {
      d.by_anchor_[a.word].push_back(i);
    }
  }
  d.version_ += " (" + std::to_string(d.patterns_.size()) + " patterns; sha " +
                Hex64(Hash64(std::string(events) + std::string(verb_forms))) + ")";
  return d;
}

Result<EventDictionary> EventDictionary::LoadDir(const std::string& dir) {
  std::string ev_path = dir + "/events.txt", vf_path = dir + "/verb_forms.txt";
  auto ev = ReadFile(ev_path);
  if (!ev.ok()) return ev.status();
  auto vf = ReadFile(vf_path);
  if (!vf.ok()) return vf.status();
  return Parse(*ev, ev_path, *vf, vf_path);
}

}  // namespace dyad::coder
