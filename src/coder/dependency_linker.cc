// DependencyLinker: sources and targets from the dependency tree (linker.h).
#include <algorithm>
#include <string>
#include <utility>

#include "coder/cues.h"
#include "coder/linker.h"

namespace dyad::coder {
namespace {

using namespace cues;  // NOLINT: file-local, a .cc file

// Verbs whose object, not subject, does what their infinitive says: "urged
// Iran to release", "asked NATO to impose".
bool ObjectControl(std::string_view lemma) {
  return In(lemma,
            {"urge",    "ask",      "call",     "invite",   "force",  "allow",   "tell",   "order",     "encourage",
             "press",   "persuade", "convince", "compel",   "push",   "help",    "permit", "authorize", "authorise",
             "request", "pressure", "advise",   "instruct", "direct", "require", "enable", "appeal",
             "prompt",  "spur",     "cause",    "lead"});
}
// Prepositions that introduce the one acted upon: "talks with X", "sanctions
// against X", "aid to X", "strikes on X", "called on X", "warrants for X".
bool TargetCase(std::string_view w) {
  return In(w, {"with", "against", "on", "upon", "to", "toward", "towards", "into", "at", "for", "from", "over",
                "about", "between", "of"});
}
// Prepositions of place: an actor behind them is where it happened.
bool PlaceCase(std::string_view w) {
  return In(w, {"in", "near", "inside", "outside", "across", "around", "within", "throughout", "off", "along"});
}
// Prepositions of time and circumstance: what follows is no place of the act.
bool TimeCase(std::string_view w) { return In(w, {"after", "before", "since", "during", "following", "amid", "despite"}); }
bool RelativePronoun(std::string_view w) { return In(w, {"who", "which", "that", "whom"}); }

class Tree {
 public:
  Tree(const LinkInput& in) : in_(in), a_(*in.parse), n_(static_cast<int32_t>(in.tokens.size())) {
    head_.assign(n_, -1);
    kids_.assign(n_, {});
    for (int32_t i = 0; i < n_; ++i) {
      int h = i < static_cast<int32_t>(a_.head.size()) ? a_.head[i] - 1 : -1;
      if (h >= 0 && h < n_ && h != i) {
        head_[i] = h;
        kids_[h].push_back(i);
      }
    }
    mention_at_.assign(n_, -1);
    mention_head_.assign(in.mentions.size(), -1);
    trigger_.assign(n_, false);
    for (const auto& m : in.matches)
      for (uint32_t i = m.trigger_first; i < m.trigger_end && i < static_cast<uint32_t>(n_); ++i) trigger_[i] = true;
    for (size_t k = 0; k < in.mentions.size(); ++k) {
      const auto& m = in.mentions[k];
      for (uint32_t i = m.first; i < m.end && i < static_cast<uint32_t>(n_); ++i)
        mention_at_[i] = static_cast<int32_t>(k);
      // The mention's head: its token attached outside the span.
      for (uint32_t i = m.first; i < m.end && i < static_cast<uint32_t>(n_); ++i) {
        int32_t h = head_[i];
        if (h < static_cast<int32_t>(m.first) || h >= static_cast<int32_t>(m.end)) {
          mention_head_[k] = static_cast<int32_t>(i);
          break;
        }
      }
    }
  }

  int32_t size() const { return n_; }
  int32_t head(int32_t t) const { return head_[t]; }
  const std::vector<int32_t>& kids(int32_t t) const { return kids_[t]; }
  std::string_view rel(int32_t t) const { return t < static_cast<int32_t>(a_.deprel.size()) ? a_.deprel[t] : ""; }
  std::string_view base_rel(int32_t t) const {
    std::string_view r = rel(t);
    return r.substr(0, r.find(':'));
  }
  std::string_view upos(int32_t t) const { return t < static_cast<int32_t>(a_.upos.size()) ? a_.upos[t] : ""; }
  std::string_view xpos(int32_t t) const { return t < static_cast<int32_t>(a_.xpos.size()) ? a_.xpos[t] : ""; }
  std::string_view lemma(int32_t t) const {
    return t < static_cast<int32_t>(a_.lemma.size()) ? std::string_view(a_.lemma[t]) : std::string_view();
  }
  std::string_view lower(int32_t t) const { return in_.tokens[t].lower; }
  const std::string& form(int32_t t) const { return in_.tokens[t].form; }
  int32_t mention_at(int32_t t) const { return mention_at_[t]; }
  // True when token t is one of the words of a pattern match.
  bool trigger(int32_t t) const { return t >= 0 && t < n_ && trigger_[t]; }
  int32_t mention_head(int32_t k) const { return mention_head_[k]; }
  const actors::ActorMention& mention(int32_t k) const { return in_.mentions[k]; }

  int32_t Child(int32_t v, std::string_view r) const {
    for (int32_t c : kids_[v])
      if (rel(c) == r) return c;
    return -1;
  }
  // The preposition of a nominal ("on" in "strikes on Gaza"), lowercase; "" for none.
  std::string_view CaseOf(int32_t t) const {
    for (int32_t c : kids_[t])
      if (rel(c) == "case" && lower(c) != "'s") return lower(c);
    return "";
  }
  bool Passive(int32_t v) const {
    for (int32_t c : kids_[v])
      if (rel(c) == "nsubj:pass" || rel(c) == "aux:pass") return true;
    // "... in a swap mediated by the UAE" hung as xcomp: a participle with a "by" agent.
    if (xpos(v) == "VBN")
      for (int32_t c : kids_[v])
        if (rel(c) == "obl:agent") return true;
    return rel(v) == "acl" && xpos(v) == "VBN";
  }

  // The actor a nominal stands for: itself, or a modifier naming whose it is
  // ("Israeli forces", "Russia's army", "ministers of Russia", "attacks on
  // Saudi facilities"); nearest first, at most `depth` steps down.
  int32_t ActorAt(int32_t t, int depth) const {
    if (t < 0) return -1;
    int32_t self = mention_at_[t];
    // "the government of Syrian President Assad": an agent word with no
    // country of its own gives way to the actor that says whose it is.
    bool weak_self = self >= 0 && mention(self).kind == actors::ActorKind::kAgentOnly &&
                     mention(self).code.compare(0, 3, "---") == 0;
    // "Fighters from Islamic State West Africa Province": an agent word whose country came only
    // from the article gives way to the armed group or organisation it is from.
    if (self >= 0 && !weak_self && mention(self).kind == actors::ActorKind::kAgentOnly &&
        mention(self).entry.find("coref:") != std::string::npos)
      for (int32_t c : kids_[t]) {
        if (base_rel(c) != "nmod" || (CaseOf(c) != "from" && CaseOf(c) != "of")) continue;
        const int32_t k = mention_at_[c];
        if (k >= 0 && k != self &&
            (mention(k).kind == actors::ActorKind::kArmedGroup || mention(k).kind == actors::ActorKind::kIgo ||
             mention(k).code.compare(0, 3, "IMG") == 0))
          return k;
      }
    if (self >= 0 && !weak_self) return self;
    if (depth <= 0 || !Nominal(t)) return self;
    // Possessors and adjectives first, then compounds and appositions, then prepositional modifiers.
    for (int pass = 0; pass < 3; ++pass) {
      for (int32_t c : kids_[t]) {
        std::string_view r = rel(c);
        bool take = false;
        if (pass == 0) take = r == "nmod:poss" || r == "amod";
        if (pass == 1) take = r == "compound" || r == "flat" || r == "appos" || r == "nmod:desc";
        // "a declaration at the White House" is where, not whom.
        if (pass == 2)
          take = base_rel(c) == "nmod" && r != "nmod:poss" && CaseOf(c) != "at" &&
                 (TargetCase(CaseOf(c)) || CaseOf(c) == "by");
        if (!take) continue;
        int32_t k = mention_at_[c];
        // An agent word modifying a noun ("military cooperation", "police station") is no actor;
        // an agent that owns it is ("the army's headquarters").
        if (k >= 0 && k != self && mention(k).kind == actors::ActorKind::kAgentOnly && pass < 2 && r != "nmod:poss")
          continue;
        if (k < 0 || k == self) k = ActorAt(c, depth - 1);
        if (k >= 0 && k != self) return k;
      }
    }
    return self;
  }

  // True when mention k is the subject of a verb other than v ("pledged that Washington
  // would ...": Washington acts in its own clause).
  bool ClauseSubject(int32_t k, int32_t v) const {
    int32_t h = mention_head_[k];
    if (h < 0) return false;
    std::string_view r = base_rel(h);
    return (r == "nsubj") && head_[h] != v;
  }

  // True when the words right after mention k (adverbs skipped) are a verb: the mention
  // starts a clause of its own ("..., U.N. investigators later found").
  // ... unless that verb is the one the first conjunct `first` is the subject of: "Russia and
  // China said" shares one verb.
  bool SubjectOfNextVerb(int32_t k, int32_t first) const {
    for (int32_t i = static_cast<int32_t>(mention(k).end); i < n_; ++i) {
      if (upos(i) == "ADV") continue;
      if (upos(i) != "VERB" && upos(i) != "AUX") return false;
      const int32_t verb = upos(i) == "AUX" && head_[i] >= 0 ? head_[i] : i;
      return head_[first] != verb && head_[first] != i;
    }
    return false;
  }

  // The first actor in a nominal's modifiers of any kind, places included, nearest first.
  int32_t PlaceIn(int32_t t, int depth) const {
    if (mention_at_[t] >= 0) return mention_at_[t];
    if (depth <= 0 || !Nominal(t)) return -1;
    for (int32_t c : kids_[t]) {
      std::string_view br = base_rel(c);
      if (br != "nmod" && br != "amod" && br != "compound" && br != "obl" && br != "appos") continue;
      if (mention_at_[c] >= 0 && mention(mention_at_[c]).kind == actors::ActorKind::kAgentOnly) continue;
      // "after North Korea fired ..." names who provoked it; "the alert level after the attack
      // on the school" does not make the school a target.
      if (TimeCase(CaseOf(c)) && mention_at_[c] < 0) continue;
      int32_t k = PlaceIn(c, depth - 1);
      if (k >= 0) return k;
    }
    return -1;
  }

  bool Nominal(int32_t t) const {
    std::string_view u = upos(t);
    return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "ADJ" || u == "X" || u == "SYM";
  }

  // Mentions coordinated with mention k through `conj` ("Russia and China"), k first.
  std::vector<int32_t> Coordinated(int32_t k) const {
    std::vector<int32_t> out{k};
    int32_t h = mention_head_[k];
    if (h < 0) return out;
    // The first conjunct heads the others; start from it.
    while (rel(h) == "conj" && head_[h] >= 0 && mention_at_[head_[h]] >= 0) h = head_[h];
    if (mention_at_[h] >= 0 && mention_at_[h] != k) out = {mention_at_[h]};
    std::vector<int32_t> stack{h};
    while (!stack.empty()) {
      int32_t x = stack.back();
      stack.pop_back();
      for (int32_t c : kids_[x]) {
        // "South Korea, Japan and the United States": a list parsed as an apposition with conjuncts.
        bool list = rel(c) == "appos" && mention_at_[c] >= 0 && Child(c, "conj") >= 0;
        if (rel(c) != "conj" && !list) continue;
        int32_t m = mention_at_[c] >= 0 ? mention_at_[c] : ActorAt(c, 1);
        // ", U.N. investigators later found": the subject of a new clause, not a conjunct.
        if (m >= 0 && SubjectOfNextVerb(m, h)) continue;
        if (m >= 0 && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        stack.push_back(c);
      }
    }
    for (int32_t m : AdjacentCoordination(in_, k))
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    return out;
  }

 private:
  const LinkInput& in_;
  const syntax::Analysis& a_;
  int32_t n_;
  std::vector<int32_t> head_;
  std::vector<std::vector<int32_t>> kids_;
  std::vector<int32_t> mention_at_;
  std::vector<int32_t> mention_head_;
  std::vector<bool> trigger_;
};

struct Found {
  int32_t actor = -1;
  std::string why;
  bool pronoun = false;
  bool blocked = false;  // the tree names a doer that is no actor ("a truck bomb exploded")
  bool direct = false;   // the subject word itself is the actor mention (not a modifier of a thing)
};

// The doer an incident noun names: "Israeli", "Russia's", "by X", "planted by X", "it carried out";
// never its place or target ("an explosion at al-Ahli hospital", "a strike on its consulate").
int32_t IncidentDoer(const Tree& t, int32_t c) {
  for (int32_t p : t.kids(c)) {
    std::string_view r = t.rel(p);
    if (r == "nmod:poss" || r == "amod" || r == "compound" || (t.base_rel(p) == "nmod" && t.CaseOf(p) == "by")) {
      int32_t m = t.mention_at(p) >= 0 ? t.mention_at(p) : t.ActorAt(p, 1);
      if (m >= 0) return m;
    }
    // "a roadside bomb planted by al-Shabaab militants", "an air strike it carried out".
    if (t.base_rel(p) == "acl") {
      for (int32_t q : t.kids(p)) {
        bool agent = t.rel(q) == "obl:agent" || (t.base_rel(q) == "obl" && t.CaseOf(q) == "by");
        bool subject = r == "acl:relcl" && t.rel(q) == "nsubj";
        int32_t m = agent || subject ? t.ActorAt(q, 2) : -1;
        if (m >= 0) return m;
      }
    }
  }
  return -1;
}

// A participle clause takes the subject of the clause it hangs on when that
// clause is an event, or when its subject is an actor itself: "Israeli jets
// struck X, killing ..." but not "a Ukraine International Airlines Boeing
// crashed, killing ..." (the Boeing did not kill).
Found Inherited(const Tree& t, Found f, int32_t governor) {
  if ((f.actor < 0 || !f.direct) && !t.trigger(governor)) {
    Found none;
    none.blocked = true;
    none.why = "the subject of '" + t.form(governor) + "' is a thing, and '" + t.form(governor) + "' is no event";
    return none;
  }
  return f;
}

// The actor a pronoun subject stands for, from the governing clauses: "Hamas
// said it was ready", "Russia warned that it would respond".
// A mention that stands for a person: a named one, or a title ("Pakistan's prime minister").
bool PersonLike(const Tree& t, int32_t k) {
  const auto& m = t.mention(k);
  if (m.kind == actors::ActorKind::kPerson) return true;
  return m.end > m.first &&
         In(t.lower(static_cast<int32_t>(m.end) - 1),
            {"minister", "president", "leader", "chief", "premier", "chancellor", "spokesman", "spokeswoman",
             "spokesperson", "king", "queen", "emir", "prince", "envoy", "ambassador", "general", "commander",
             "secretary", "head", "governor", "mayor", "monarch", "sultan", "ayatollah"});
}

Found GoverningSubject(const Tree& t, int32_t v, bool person) {
  // "'I ordered a strike,' Trump said": the quote's speaker, when the parser hangs the
  // reporting verb under the quoted one.
  for (int32_t c : t.kids(v)) {
    if (t.base_rel(c) != "parataxis" && t.base_rel(c) != "ccomp") continue;
    if (!ReportingVerb(t.lower(c))) continue;
    int32_t k = t.ActorAt(t.Child(c, "nsubj"), 2);
    if (k >= 0 && PersonLike(t, k) == person)
      return {k, "pronoun -> speaker of '" + t.form(c) + "'", true};
  }
  for (int32_t x = v, hops = 0; x >= 0 && t.head(x) >= 0 && hops < 4; ++hops) {
    std::string_view r = t.base_rel(x);
    if (r != "ccomp" && r != "xcomp" && r != "conj" && r != "advcl" && r != "parataxis") break;
    x = t.head(x);
    int32_t s = t.Child(x, "nsubj");
    if (s < 0) continue;
    int32_t k = t.ActorAt(s, 2);
    if (k < 0) continue;
    if (PersonLike(t, k) != person) continue;
    return {k, "pronoun -> subject of '" + t.form(x) + "'", true};
  }
  return {};
}

// Nouns of violent incidents: their "at"/"on"/"in" modifiers are places and targets.
bool IncidentNoun(std::string_view lemma) {
  return In(lemma, {"explosion", "blast", "attack", "strike", "airstrike", "bombing", "bombardment", "shelling",
                    "raid", "fire", "crash", "assault", "ambush", "bomb", "shell", "missile", "rocket", "drone",
                    "shooting", "barrage", "salvo", "detonation", "incident", "clash", "fighting", "violence",
                    "massacre", "earthquake", "explosive", "projectile"});
}

// Who did what verb (or event noun) `v` says.
Found Subject(const Tree& t, int32_t v, int hops) {
  if (hops > 4) return {};
  // Two subjects are a parser error ("RSF fighters entered" read as two nouns): the one
  // that is an actor, else the one nearest the verb.
  int32_t subj = -1;
  for (int32_t c : t.kids(v))
    if (t.rel(c) == "nsubj" && (subj < 0 || c < v)) subj = c;
  for (int32_t c : t.kids(v))
    if (t.rel(c) == "nsubj" && c != subj && t.ActorAt(subj, 2) < 0 && t.ActorAt(c, 2) >= 0) subj = c;
  if (subj >= 0) {
    const int32_t c = subj;
    // "drawing a protest from Israel, which summoned the ambassador": the actor right before
    // ", which/who" is what the pronoun stands for, wherever the parser hung the clause.
    // (Not a place: "in the city of Kerman, which killed ..." is about the bombings.)
    if (RelativePronoun(t.lower(c)) && c >= 2 && t.lower(c - 1) == "," && t.mention_at(c - 2) >= 0 &&
        t.mention(t.mention_at(c - 2)).end == static_cast<uint32_t>(c - 1) &&
        !(t.mention(t.mention_at(c - 2)).first > 0 &&
          In(t.lower(static_cast<int32_t>(t.mention(t.mention_at(c - 2)).first) - 1),
             {"in", "at", "near", "of", "outside", "inside", "into", "across"})) &&
        (t.rel(v) != "acl:relcl" || t.head(v) < 0 || t.ActorAt(t.head(v), 2) < 0))
      return {t.mention_at(c - 2), "relative pronoun -> '" + t.form(c - 2) + "' before it"};
    if (RelativePronoun(t.lower(c)) && t.rel(v) == "acl:relcl" && t.head(v) >= 0) {
      // "an air strike on its consulate that killed seven": the incident's doer, not its target.
      int32_t k = t.mention_at(t.head(v)) < 0 && IncidentNoun(t.lemma(t.head(v))) ? IncidentDoer(t, t.head(v))
                                                                                    : t.ActorAt(t.head(v), 2);
      if (k >= 0) return {k, "relative pronoun -> '" + t.form(t.head(v)) + "'"};
      Found none;
      none.blocked = true;  // "the strike that killed ...": the doer is a thing
      none.why = "the relative clause '" + t.form(v) + "' modifies '" + t.form(t.head(v)) + "', no actor";
      return none;
    }
    // "Sudan's war has forced ten million from their homes", "the country's economic crisis drove":
    // a war, a disaster or a crisis acts for no one.
    if (t.mention_at(c) < 0 && In(t.lemma(c), {"war", "conflict", "crisis", "fighting", "violence", "earthquake",
                                               "flood", "floods", "drought", "famine", "storm", "cyclone",
                                               "hurricane", "typhoon", "economy", "collapse", "unrest", "pandemic",
                                               "epidemic", "outbreak", "inflation", "shortage", "shortages"})) {
      Found none;
      none.blocked = true;
      none.why = "the subject '" + t.form(c) + "' is no actor";
      return none;
    }
    int32_t k = t.ActorAt(c, 2);
    // "An explosion at al-Ahli hospital killed ...", "a chemical attack on Douma killed ...":
    // an incident's place or target is not its doer; only "Israeli", "Russia's", "by X" are.
    if (t.mention_at(c) < 0 && IncidentNoun(t.lemma(c))) k = IncidentDoer(t, c);
    if (k >= 0) {
      Found f{k, "nsubj of '" + t.form(v) + "'"};
      f.direct = t.mention_at(c) >= 0;
      return f;
    }
    std::string_view w = t.lower(c);
    if (In(w, {"it", "they", "we"})) {
      Found f = GoverningSubject(t, v, false);
      // "Shinzo Abe and Narendra Modi said they shared ...": "they" is also several persons.
      if (f.actor < 0 && w != "it") {
        f = GoverningSubject(t, v, true);
        if (f.actor >= 0 && t.Coordinated(f.actor).size() < 2) f = {};
      }
      return f;
    }
    if (In(w, {"he", "she", "i"})) return GoverningSubject(t, v, true);
    // "said its air defences had destroyed ...": the owner of the subject is the speaker.
    for (int32_t p : t.kids(c)) {
      if (t.rel(p) != "nmod:poss" || t.mention_at(p) >= 0) continue;
      std::string_view pw = t.lower(p);
      if (!In(pw, {"its", "their", "his", "her", "our", "my"})) continue;
      Found f = GoverningSubject(t, v, pw == "his" || pw == "her" || pw == "my");
      if (f.actor >= 0) {
        f.why = "'" + t.form(p) + " " + t.form(c) + "' -> " + f.why;
        return f;
      }
    }
    Found none;
    none.blocked = true;  // a subject that is no actor ("an offensive would threaten ...")
    none.why = "the subject '" + t.form(c) + "' of '" + t.form(v) + "' is no actor";
    return none;
  }
  int32_t h = t.head(v);
  if (h < 0) return {};
  std::string_view r = t.rel(v);
  std::string_view br = t.base_rel(v);
  if (br == "conj") {
    if (t.Passive(h) && !t.Passive(v)) {  // "was arrested and charged ..." vs. "attacked and was hit"
      // "He told Putin that peace could not be achieved ... and called for dialogue": an active
      // verb joined to a passive complement belongs to the verb that governs it.
      // Not when the passive's subject can do the act itself ("15 missiles were launched from
      // Iranian territory and struck the base": the missiles struck).
      const int32_t patient = t.Child(h, "nsubj:pass");
      const bool instrument = patient >= 0 && (IncidentNoun(t.lemma(patient)) ||
                                               In(t.lemma(patient), {"missile", "rocket", "drone", "shell", "bomb",
                                                                     "jet", "aircraft", "warship", "tank", "round"}));
      if (t.base_rel(h) == "ccomp" && t.head(h) >= 0 && !instrument) {
        Found f = Subject(t, t.head(h), hops + 1);
        if (f.actor >= 0) {
          f.why = "subject of '" + t.form(t.head(h)) + "', whose complement '" + t.form(h) + "' is passive (" + f.why + ")";
          return f;
        }
      }
      return {};
    }
    Found f = Subject(t, h, hops + 1);
    if (f.actor >= 0) f.why = "shared subject of '" + t.form(h) + "' (" + f.why + ")";
    return f;
  }
  if (br == "xcomp") {
    if (ObjectControl(t.lemma(h))) {
      int32_t o = t.Child(h, "obj");
      int32_t k = t.ActorAt(o, 2);
      if (k >= 0) return {k, "object of '" + t.form(h) + "' (object control)"};
    }
    Found f = Subject(t, h, hops + 1);
    if (f.actor >= 0) f.why = "subject of '" + t.form(h) + "' (control)";
    return f;
  }
  bool participle = t.xpos(v) == "VBG" || t.xpos(v) == "VBN" || t.xpos(v) == "VB";
  // ", killing 90 people" is often attached to the nearest noun: it belongs to the clause.
  if (r == "acl" && t.xpos(v) == "VBG" && v > 0 && t.lower(v - 1) == ",") {
    int32_t clause = h;
    while (clause >= 0 && t.upos(clause) != "VERB" && t.head(clause) >= 0) clause = t.head(clause);
    if (clause >= 0 && t.upos(clause) == "VERB") {
      Found f = Inherited(t, Subject(t, clause, hops + 1), clause);
      if (f.actor >= 0) f.why = "subject of '" + t.form(clause) + "' (participle clause)";
      return f;
    }
    // No verb above it (the parser made a list of countries the root): the word-order rules
    // give the sentence's subject.
    return {};
  }
  // "prompting Athens to put its navy on alert" parsed as a purpose clause: with an object-control
  // verb above it, the object acts, as with xcomp.
  if (br == "advcl" && t.xpos(v) == "VB" && ObjectControl(t.lemma(h)) && v > 0 && t.lower(v - 1) == "to") {
    const int32_t k = t.ActorAt(t.Child(h, "obj"), 2);
    if (k >= 0) return {k, "object of '" + t.form(h) + "' (object control)"};
  }
  if (br == "advcl" && participle) {
    // "Fighting in Hodeidah continued, residents said": a gerund before a finite verb that has
    // no subject of its own is that verb's subject, misparsed; the reporter did not fight.
    for (int32_t c : t.kids(h))
      if (c > v && c < h && t.upos(c) == "VERB" && In(t.xpos(c), {"VBD", "VBZ", "VBP"}) && t.Child(c, "nsubj") < 0 &&
          t.Child(c, "nsubj:pass") < 0 && t.xpos(v) == "VBG" && t.Child(v, "obj") < 0) {
        Found none;
        none.blocked = true;
        none.why = "'" + t.form(v) + "' is the subject of '" + t.form(c) + "' (a gerund), no one's act";
        return none;
      }
    // "demanded that Takaichi retract her remarks, warning that ...": a comma participle hung on
    // a complement clause belongs to the verb that governs the complement.
    int32_t owner = h;
    // (Words, not acts: ", killing five people" after "said troops had fired" is the troops'.)
    if (t.xpos(v) == "VBG" && v > 0 && t.lower(v - 1) == "," && t.base_rel(h) == "ccomp" && t.head(h) >= 0 &&
        t.upos(t.head(h)) == "VERB" &&
        In(t.lemma(v), {"warn", "say", "accuse", "call", "insist", "add", "urge", "threaten", "vow", "claim", "argue",
                        "describe", "denounce", "condemn", "demand", "blame", "cite"}))
      owner = t.head(h);
    // "Russian officials said Ukrainian troops had fired on buildings, killing five people", "RSF
    // fighters shelled the camp, killing five, the U.N. said": hung on the verb of saying, it
    // belongs to the reported act before it.
    if (t.xpos(v) == "VBG" && ReportingVerb(t.lower(h))) {
      int32_t reported = -1;
      for (int32_t c : t.kids(h))
        if (c < v && In(t.base_rel(c), {"ccomp", "parataxis"}) && t.upos(c) == "VERB") reported = c;
      if (reported < 0 && In(t.base_rel(h), {"parataxis", "ccomp"}) && t.head(h) >= 0 && t.head(h) < v &&
          t.upos(t.head(h)) == "VERB")
        reported = t.head(h);
      if (reported >= 0) owner = reported;
    }
    Found f = Subject(t, owner, hops + 1);
    if (t.xpos(v) == "VBG") f = Inherited(t, std::move(f), owner);  // not "poised to launch"
    if (f.actor >= 0) f.why = "subject of '" + t.form(owner) + "' (participle/purpose clause)";
    return f;
  }
  if (r == "acl" && t.xpos(v) == "VBG") {
    int32_t k = t.ActorAt(h, 2);
    if (k >= 0) return {k, "noun modified by '" + t.form(v) + "'"};
  }
  return {};
}

// The passive agent: "was attacked by X", "the convoy hit by X".
Found Agent(const Tree& t, int32_t v) {
  for (int32_t c : t.kids(v)) {
    if (t.rel(c) == "obl:agent" || (t.base_rel(c) == "obl" && t.CaseOf(c) == "by")) {
      int32_t k = t.ActorAt(c, 2);
      if (k >= 0) return {k, "passive agent of '" + t.form(v) + "'"};
    }
  }
  // "imposed on Russia by the EU": the parser often hangs the agent on the argument before it.
  for (int32_t c : t.kids(v)) {
    if (t.base_rel(c) != "obl") continue;
    for (int32_t g : t.kids(c)) {
      if (t.base_rel(g) != "nmod" || t.CaseOf(g) != "by" || g < c) continue;
      int32_t k = t.ActorAt(g, 2);
      if (k >= 0) return {k, "passive agent of '" + t.form(v) + "' (attached to '" + t.form(c) + "')"};
    }
  }
  // "backed by tanks and armoured vehicles": the doer is named, and it is a thing.
  for (int32_t c : t.kids(v))
    if (t.rel(c) == "obl:agent" && t.upos(c) == "NOUN") {
      Found none;
      none.blocked = true;
      none.why = "the agent of '" + t.form(v) + "' ('" + t.form(c) + "') is no actor";
      return none;
    }
  return {};
}

// The one a passive verb was done to: its subject, or the noun a participle modifies.
Found Patient(const Tree& t, int32_t v, int hops) {
  int32_t s = t.Child(v, "nsubj:pass");
  if (s >= 0) {
    int32_t k = t.ActorAt(s, 2);
    if (k >= 0) return {k, "passive subject of '" + t.form(v) + "'"};
    if (RelativePronoun(t.lower(s)) && t.head(v) >= 0) {
      k = t.ActorAt(t.head(v), 2);
      if (k >= 0) return {k, "relative pronoun -> '" + t.form(t.head(v)) + "'"};
    }
    return {};
  }
  int32_t h = t.head(v);
  if (h < 0 || hops > 3) return {};
  if (t.rel(v) == "acl") {
    int32_t k = t.ActorAt(h, 2);
    if (k >= 0) return {k, "noun modified by '" + t.form(v) + "'"};
  }
  if (t.base_rel(v) == "conj" && t.Passive(h)) return Patient(t, h, hops + 1);
  return {};
}

// The one acted upon by `v`, and whether it is only a place ("in Gaza").
// "met at the request of Estonia", "on behalf of the EU": who asked is no target.
bool Requester(const Tree& t, int32_t c) {
  // "agreed to resign under pressure from the United States" ("bowed to U.S. pressure" keeps it).
  if (t.lemma(c) == "pressure") return t.CaseOf(c) == "under";
  return In(t.lemma(c), {"request", "behest", "invitation", "urging", "initiative", "behalf", "suggestion"});
}

// The mention is an argument of a verb coordinated with `v` ("resigned and fled to India":
// India is where she fled, not whom she resigned to).
bool OtherVerbsArgument(const Tree& t, int32_t k, int32_t v) {
  int32_t x = t.head(static_cast<int32_t>(t.mention(k).first));
  for (int hops = 0; hops < 6 && x >= 0; ++hops, x = t.head(x)) {
    if (x == v) return false;
    if (t.upos(x) == "VERB")
      return t.base_rel(x) == "conj" && (t.head(x) == v || (t.base_rel(v) == "conj" && t.head(x) == t.head(v)));
  }
  return false;
}

// The mention hangs (within three heads) on "request", "behalf", ...
bool UnderRequester(const Tree& t, int32_t k) {
  int32_t x = static_cast<int32_t>(t.mention(k).first);
  for (int hops = 0; hops < 4 && x >= 0; ++hops, x = t.head(x))
    if (Requester(t, x)) return true;
  return false;
}

Found Object(const Tree& t, int32_t v, int32_t source, bool addressee_clause, bool* place) {
  *place = false;
  auto ok = [&](int32_t k) { return k >= 0 && k != source; };
  // "three officers whom Serbian forces had detained", "the activists the police arrested": in a
  // relative clause whose gap is the object, the noun it modifies is the object.
  if (t.rel(v) == "acl:relcl" && t.head(v) >= 0) {
    bool object_pronoun = false, has_object = false, subject_pronoun = false, has_subject = false, other_pronoun = false;
    for (int32_t c : t.kids(v)) {
      if (t.rel(c) == "obj") {
        has_object = true;
        object_pronoun |= RelativePronoun(t.lower(c));
      } else if (t.rel(c) == "nsubj") {
        has_subject = true;
        subject_pronoun |= RelativePronoun(t.lower(c));
      } else {
        other_pronoun |= RelativePronoun(t.lower(c));  // "a deal under which ...": the gap is elsewhere
      }
    }
    if (!other_pronoun && (object_pronoun || (!has_object && has_subject && !subject_pronoun))) {
      // (Only an actor the noun itself names: "an attack on the Kremlin that Moscow blamed on Kyiv"
      // is about the attack, not the Kremlin.)
      int32_t k = t.ActorAt(t.head(v), 0);
      // "Fethullah Gulen, the cleric he blames for the coup": a noun in apposition stands for the actor.
      if (k < 0 && t.rel(t.head(v)) == "appos" && t.head(t.head(v)) >= 0) k = t.ActorAt(t.head(t.head(v)), 0);
      if (ok(k)) return {k, "'" + t.form(t.head(v)) + "', which the relative clause '" + t.form(v) + "' is about"};
    }
  }
  for (std::string_view r : {"obj", "iobj"}) {
    for (int32_t c : t.kids(v)) {
      if (t.rel(c) != r) continue;
      // "condemned the Hamas attack on Israel", "welcomed Israel's strike": a reaction to an act
      // is aimed at its doer (gold README), never at the victim behind "on"/"against".
      if (In(t.lemma(v), {"condemn", "denounce", "deplore", "decry", "criticise", "criticize", "slam", "blast",
                          "welcome", "praise", "hail", "applaud", "protest"}) &&
          In(t.lemma(c), {"attack", "strike", "airstrike", "raid", "bombing", "shelling", "killing", "assassination",
                          "massacre", "offensive", "invasion", "incursion", "shooting", "execution", "assault"})) {
        for (int32_t d : t.kids(c)) {
          if (!In(t.rel(d), {"nmod:poss", "compound", "amod"}) && !(t.base_rel(d) == "nmod" && t.CaseOf(d) == "by"))
            continue;
          int32_t k = t.ActorAt(d, 1);
          if (ok(k)) return {k, "the doer of the '" + t.form(c) + "' that '" + t.form(v) + "' reacts to"};
        }
        Found none;
        none.why = "the '" + t.form(c) + "' that '" + t.form(v) + "' reacts to names no doer";
        none.blocked = true;  // not the victim either, by any rule
        return none;
      }
      int32_t k = t.ActorAt(c, 3);
      if (ok(k)) return {k, std::string(r) + " of '" + t.form(v) + "'"};
      // ", accusing it of spying": the pronoun is the object of the clause this one depends on.
      if (k < 0 && In(t.lower(c), {"it", "them"}) && t.head(v) >= 0 &&
          (t.base_rel(v) == "advcl" || t.base_rel(v) == "acl" || t.base_rel(v) == "conj")) {
        int32_t gov = t.head(v);
        while (gov >= 0 && t.upos(gov) != "VERB" && t.head(gov) >= 0) gov = t.head(gov);
        if (gov >= 0 && gov != v) {
          bool gov_place = false;
          Found f = Object(t, gov, source, false, &gov_place);
          if (ok(f.actor) && !gov_place) return {f.actor, "'" + t.form(c) + "' -> " + f.why};
        }
      }
    }
  }
  Found weak;
  for (int32_t c : t.kids(v)) {
    std::string_view br = t.base_rel(c);
    if (br != "obl" && br != "nmod") continue;
    if (t.rel(c) == "obl:agent") continue;
    std::string_view cs = t.CaseOf(c);
    if (cs == "by") continue;
    if (Requester(t, c)) continue;
    int32_t k = t.ActorAt(c, 2);
    if (!ok(k)) continue;
    // "a declaration at the White House": after a gathering or document, "at" says where
    // ("protest at her detention" stays a target).
    if (TargetCase(cs) && !(cs == "at" && In(t.lemma(v), {"declaration", "agreement", "deal", "accord", "treaty",
                                                          "summit", "meeting", "talk", "conference", "ceremony",
                                                          "statement", "communique", "pact"})))
      return {k, "'" + std::string(cs) + "' argument of '" + t.form(v) + "'"};
    if ((PlaceCase(cs) || cs == "at") && weak.actor < 0)
      weak = {k, "place '" + std::string(cs) + "' of '" + t.form(v) + "'"};
  }
  // "demanded that Britain release", "warned that Iran would pay": the clause's subject
  // (not for "pledged that Washington would ...": a promise has no addressee there).
  for (int32_t c : t.kids(v)) {
    if (!addressee_clause) break;
    if (t.rel(c) != "ccomp") continue;
    int32_t s = t.Child(c, "nsubj");
    if (s < 0) s = t.Child(c, "nsubj:pass");
    int32_t k = t.ActorAt(s, 2);
    // "blamed Israel and vowed that it would face a just punishment": who will face, pay or
    // suffer is not the one who vows it; a pronoun that coreference gave the speaker's own code
    // is the nearest other actor before it.
    if (ok(k) && source >= 0 && t.mention(k).code == t.mention(source).code &&
        In(t.lower(s), {"it", "they", "he", "she"}) && In(t.lemma(c), {"face", "pay", "suffer", "regret", "bear"}))
      for (int32_t j = s - 1; j >= 0; --j) {
        const int32_t o = t.mention_at(j);
        if (o < 0 || o == source || t.mention(o).code == t.mention(source).code ||
            t.mention(o).code.compare(0, 3, "---") == 0)
          continue;
        return {o, "'" + t.form(s) + "' who would " + t.form(c) + " -> the nearest earlier other actor"};
      }
    if (ok(k)) return {k, "subject of the clause '" + t.form(c) + "' under '" + t.form(v) + "'"};
  }
  // "a ceasefire in Gaza", "martial law across Ukraine", "a strike on the airfield in Syria":
  // a place inside the object or an adjunct.
  if (weak.actor < 0) {
    for (int32_t c : t.kids(v)) {
      std::string_view br = t.base_rel(c);
      if (br != "obj" && br != "obl" && br != "nmod") continue;
      if (Requester(t, c)) continue;
      int32_t k = t.PlaceIn(c, 3);
      if (ok(k)) {
        weak = {k, "place inside the " + std::string(br) + " '" + t.form(c) + "' of '" + t.form(v) + "'"};
        break;
      }
    }
  }
  // "protested along the border fence against the opening of the U.S. embassy": an "against"
  // phrase the parser hung inside a place phrase still names the target.
  for (int32_t c : t.kids(v)) {
    if (t.base_rel(c) != "obl") continue;
    for (int32_t g : t.kids(c)) {
      if (t.base_rel(g) != "nmod" || t.CaseOf(g) != "against") continue;
      int32_t k = t.ActorAt(g, 2);
      if (ok(k)) return {k, "'against' phrase under '" + t.form(c) + "' of '" + t.form(v) + "'"};
    }
  }
  if (weak.actor >= 0) *place = true;
  return weak;
}

// An event noun: "Israel's strikes on Gaza", "the attack by X on Y".
void NounArguments(const Tree& t, int32_t v, Found* src_out, Found* tgt_out, bool* place_out) {
  Found& src = *src_out;
  Found& tgt = *tgt_out;
  bool& place = *place_out;
  for (int32_t c : t.kids(v)) {
    std::string_view r = t.rel(c);
    if (src.actor < 0 && (r == "nmod:poss" || r == "amod" || r == "compound" ||
                          (t.base_rel(c) == "nmod" && (t.CaseOf(c) == "by" || t.CaseOf(c) == "from")))) {
      int32_t k = t.ActorAt(c, 1);
      // "a military strike": an agent word with no country says what kind, not who.
      if (k >= 0 && t.mention(k).kind == actors::ActorKind::kAgentOnly &&
          (r == "amod" || r == "compound" || t.mention(k).code.compare(0, 3, "---") == 0))
        continue;
      if (k >= 0) src = {k, std::string(r) + " of '" + t.form(v) + "'"};
    }
  }
  // The event noun inside an actor mention ("Russian shelling"): that actor did it.
  if (src.actor < 0 && t.mention_at(v) >= 0 && t.mention(t.mention_at(v)).kind != actors::ActorKind::kAgentOnly)
    src = {t.mention_at(v), "the actor named with '" + t.form(v) + "'"};
  // "launched strikes on X": the light verb's subject.
  if (src.actor < 0 && t.head(v) >= 0 && t.rel(v) == "obj") {
    src = Subject(t, t.head(v), 0);
    if (src.actor >= 0) src.why = "subject of '" + t.form(t.head(v)) + "' (light verb)";
  }
  tgt = Object(t, v, src.actor, false, &place);
  if (tgt.actor < 0 && t.head(v) >= 0 && t.rel(v) == "obj") tgt = Object(t, t.head(v), src.actor, false, &place);
  // "X came under heavy shelling": the subject of "came" suffered it.
  if (tgt.actor < 0 && t.CaseOf(v) == "under" && t.head(v) >= 0) {
    int32_t s2 = t.Child(t.head(v), "nsubj");
    int32_t k = t.ActorAt(s2, 2);
    if (k >= 0 && k != src.actor) tgt = {k, "subject of '" + t.form(t.head(v)) + "' (came under)"};
  }
  // A noun modifying another noun ("a carrier strike group", "peace talks delegation")
  // names a kind of thing, not an event.
  if (src.actor < 0 && t.rel(v) == "compound") {
    src.blocked = true;
    src.why = "'" + t.form(v) + "' modifies the noun '" + t.form(t.head(v)) + "'";
  }
  // "a day after Putin's visit to North Korea", "during the talks": an event named in a
  // temporal phrase is background, not reported (tests/data/gold/README.md).
  // (Also through a compound: "ahead of a protest march by Imran Khan's supporters".)
  const int32_t phrase = t.rel(v) == "compound" && t.head(v) >= 0 ? t.head(v) : v;
  bool ahead = false;  // "ahead of", "in the run-up to": what is planned
  for (int32_t i = std::max<int32_t>(0, v - 5); i + 1 < v; ++i)
    ahead |= t.lower(i) == "ahead" && t.lower(i + 1) == "of";
  if (ahead || In(t.CaseOf(phrase), {"after", "before", "during", "since", "following", "amid", "until", "ahead"})) {
    src = {};
    src.blocked = true;
    src.why = "the event noun '" + t.form(v) + "' is background ('" + std::string(t.CaseOf(phrase)) + "')";
    return;
  }
  // A bare event noun ("condemned the attack", "after the strike") names no doer: no event.
  bool nominal = t.Child(v, "det") >= 0 || t.Child(v, "case") >= 0;
  if (src.actor < 0 && nominal) {
    src.blocked = true;
    src.why = "the event noun '" + t.form(v) + "' names no doer";
  }
}

// Coordinated verbs share an object the one of them lacks: "Russia expelled Estonia's
// ambassador and downgraded relations" (the later verb takes the earlier one's),
// "condemned and sanctioned Russia" (an earlier verb with no object of its own takes
// the later one's). Only direct objects are shared.
Found SharedObject(const Tree& t, int32_t v, int32_t source) {
  // Only a direct object is shared: "resigned and fled to India" did not resign to India.
  auto from = [&](int32_t u, const char* how) -> Found {
    for (int32_t c : t.kids(u)) {
      if (t.rel(c) != "obj" && t.rel(c) != "iobj") continue;
      int32_t k = t.ActorAt(c, 3);
      if (k >= 0 && k != source) return {k, std::string(how) + " of '" + t.form(u) + "'"};
    }
    return {};
  };
  const int32_t h = t.head(v);
  // "rejected U.S. calls ... and agreed to cut production": a verb with a complement of its
  // own takes no other verb's object.
  if (t.Child(v, "xcomp") >= 0 || t.Child(v, "ccomp") >= 0) return {};
  // ("and released an arms dealer": a verb with an object of its own, actor or not)
  if (t.Child(v, "obj") >= 0) return {};
  if (t.base_rel(v) == "conj" && h >= 0 && t.upos(h) == "VERB") return from(h, "shared object");
  for (int32_t c : t.kids(v))
    if (t.base_rel(c) == "conj" && t.upos(c) == "VERB") return from(c, "object shared with the next verb");
  return {};
}

// "fighting between X and Y", "clashes broke out between X and Y": they fought
// each other. Sets the source from the "between" phrase; false when there is none.
bool BetweenSource(const Tree& t, int32_t v, Found* src) {
  // Where the "between" phrase hangs: the trigger, its head, or a verb it heads
  // ("Fighting broke out between ...", parsed with "broke" under "Fighting").
  std::vector<int32_t> hosts{v, t.head(v)};
  for (int32_t c : t.kids(v))
    if (t.upos(c) == "VERB") hosts.push_back(c);
  for (int32_t x : hosts) {
    if (x < 0) continue;
    for (int32_t c : t.kids(x)) {
      if (t.CaseOf(c) != "between") continue;
      int32_t k = t.ActorAt(c, 2);
      if (k < 0) continue;
      *src = {k, "'between' argument of '" + t.form(x) + "'"};
      return true;
    }
  }
  return false;
}

// A pronoun in the TARGET slot ("urged him to", "accused them of"): the nearest
// earlier actor of the right kind that is not the source.
Found SlotPronoun(const Tree& t, const PredicateMatch& pm, int32_t source) {
  for (int32_t i = pm.target_first; i < pm.target_end && i < t.size(); ++i) {
    std::string_view w = t.lower(i);
    bool person = w == "him" || w == "her";
    if (!person && w != "them" && w != "it") continue;
    // "police fired tear gas to disperse them": "them" are people (protesters), not the city
    // they were in; a bare place is taken only when no group is named.
    for (int pass = w == "them" ? 0 : 1; pass < 2; ++pass)
      for (int32_t j = pm.target_first - 1; j >= 0; --j) {
        int32_t k = t.mention_at(j);
        if (k < 0 || k == source || t.mention(k).code == t.mention(source).code) continue;
        if ((t.mention(k).kind == actors::ActorKind::kPerson) != person) continue;
        if (pass == 0) {  // a group named by a plural noun ("protesters", "the rebels")
          const std::string_view last = t.lower(static_cast<int32_t>(t.mention(k).end) - 1);
          if (last.size() < 3 || last.back() != 's' || last[last.size() - 2] == 's') continue;
        }
        return {k, "'" + t.form(i) + "' -> the nearest earlier " + (person ? "person" : "actor")};
      }
  }
  return {};
}

// "Israel has not confirmed that it carried out the strike": a complement of a
// negated verb is not asserted.
bool Unasserted(const Tree& t, int32_t v) {
  for (int32_t x = v, hops = 0; x >= 0 && t.head(x) >= 0 && hops < 3; x = t.head(x), ++hops) {
    std::string_view r = t.base_rel(x);
    if (r != "ccomp" && r != "xcomp") break;
    for (int32_t c : t.kids(t.head(x)))
      if (t.rel(c) == "advmod" && Negator(t.lower(c))) return true;
  }
  // "Officials fear that Russia could use the drills as cover for moving troops": anything
  // inside what is feared, believed or suspected, however deep, is not reported as fact.
  for (int32_t x = v, hops = 0; x >= 0 && t.head(x) >= 0 && hops < 6; x = t.head(x), ++hops) {
    std::string_view r = t.base_rel(x);
    if (r == "parataxis") break;
    if (r == "ccomp" && Epistemic(t.lower(t.head(x)))) return true;
  }
  // "a U.S. or Israeli strike on Iran would become more likely", "an attack could trigger a
  // war": an act named as the subject of a conditional or possible outcome did not happen.
  if (t.upos(v) == "NOUN" && t.base_rel(v) == "nsubj" && t.head(v) >= 0)
    for (int32_t c : t.kids(t.head(v)))
      if (t.base_rel(c) == "aux" && In(t.lower(c), {"would", "could", "might", "may"})) return true;
  return false;
}

// Codes whose that-clause subject is their target: requests, demands, criticism, rejections
// and threats ("warned that Iran would pay"), and pessimism or optimism about someone ("said he
// was confident that North Korea was serious").
bool AddresseeClause(std::string_view code) {
  return In(code.substr(0, 2), {"02", "10", "11", "12", "13"}) || In(code.substr(0, 3), {"012", "013"});
}

// The word of the match that the tree should be read from: its first verb, else its anchor.
int32_t Predicate(const Tree& t, const PredicateMatch& pm) {
  for (uint32_t i = pm.trigger_first; i < pm.trigger_end && static_cast<int32_t>(i) < t.size(); ++i)
    if (pm.IsLiteral(i) && (t.upos(i) == "VERB")) return static_cast<int32_t>(i);
  return static_cast<int32_t>(pm.trigger_first);
}

}  // namespace

DependencyLinker::DependencyLinker(syntax::Model model) : model_(std::move(model)) {}

std::vector<Link> DependencyLinker::LinkArguments(const LinkInput& in) const {
  std::vector<Link> word_order = fallback_.LinkArguments(in);
  if (!in.parse || in.parse->upos.size() != in.tokens.size() || in.parse->head.size() != in.tokens.size())
    return word_order;
  Tree t(in);
  std::vector<Link> out;
  for (uint32_t mi = 0; mi < in.matches.size(); ++mi) {
    const PredicateMatch& pm = in.matches[mi];
    const int32_t v = Predicate(t, pm);
    const std::string_view code = mi < in.codes.size() ? std::string_view(in.codes[mi]) : std::string_view();
    Link base;
    base.match = mi;
    base.from_parse = true;
    // "from occupied areas", "the besieged city": a participle modifying a noun describes
    // it; it reports no act.
    // The parser also hangs real verbs as amod ("troops demolished Palestinian homes", "and
    // shelled villages"): only after a determiner, preposition, adjective, number, verb or
    // possessive ("struck suspected hideouts", "its detained citizens").
    const int32_t anchor = static_cast<int32_t>(pm.trigger_first);
    // ("had used chlorine" is a perfect tense, not an adjective).
    if (anchor < t.size() && t.rel(anchor) == "amod" && anchor < t.head(anchor) &&
        !(anchor > 0 && In(t.lower(anchor - 1), {"had", "has", "have", "having"})) &&
        (anchor == 0 || In(t.upos(anchor - 1), {"DET", "ADP", "ADJ", "NUM", "VERB"}) || t.xpos(anchor - 1) == "PRP$")) {
      base.why = "'" + t.form(anchor) + "' only describes the noun '" + t.form(t.head(anchor)) + "'";
      out.push_back(base);  // source -1: no event, but the trace says why
      continue;
    }
    // "A suicide bomber struck a mosque", "jets struck hideouts": the tagger, trained on web
    // text, takes a past-tense verb between two noun phrases for a noun or an adjective, and
    // the tree around it is wrong; the word-order rules decide when they find a source.
    bool mistagged = false;
    for (uint32_t i = pm.trigger_first; i < pm.trigger_end && !mistagged; ++i) {
      const int32_t u = static_cast<int32_t>(i);
      if (!pm.IsLiteral(i) || u < 1 || u + 1 >= t.size() || !(in.views[i].flags & kPastForm)) continue;
      mistagged = In(t.upos(u), {"NOUN", "ADJ"}) && In(t.upos(u - 1), {"NOUN", "PROPN"}) &&
                  In(t.upos(u + 1), {"DET", "NUM", "NOUN", "PROPN", "ADJ", "ADP"});
    }
    if (mistagged) {
      std::vector<Link> wo;
      for (const Link& l : word_order)
        if (l.match == mi && l.source >= 0) wo.push_back(l);
      if (!wo.empty()) {
        for (Link& l : wo) l.why = "a verb tagged as a noun or adjective: " + l.why;
        out.insert(out.end(), wo.begin(), wo.end());
        continue;
      }
    }
    Found src, tgt;
    std::vector<int32_t> parties;  // the targets of a mediation, when they are several
    bool place = false, mutual_between = false;
    const bool noun = t.upos(v) == "NOUN" || t.upos(v) == "PROPN";
    if (t.Passive(v)) {
      base.passive = true;
      src = Agent(t, v);
      tgt = Patient(t, v, 0);
      // "Sanctions were imposed on Russia by the EU": the subject is a thing; the target
      // is the prepositional argument.
      if (tgt.actor < 0) tgt = Object(t, v, src.actor, false, &place);
      // "in an exchange mediated by Turkey", "under a deal brokered by the United States": the
      // mediator acts between the parties of the clause the deal belongs to.
      if (code.rfind("045", 0) == 0 && In(t.rel(v), {"acl", "xcomp", "advcl"}) && src.actor >= 0) {
        for (int32_t x = t.head(v), hops = 0; x >= 0 && hops < 6; x = t.head(x), ++hops) {
          if (t.upos(x) != "VERB") continue;
          Found s = Subject(t, x, 0);
          if (s.actor < 0) continue;
          bool p = false;
          Found o = Object(t, x, s.actor, false, &p);
          parties = t.Coordinated(s.actor);
          if (o.actor >= 0 && !p)
            for (int32_t k : t.Coordinated(o.actor)) parties.push_back(k);
          base.why = "the parties of '" + t.form(x) + "', which the mediated '" + t.form(t.head(v)) + "' belongs to";
          break;
        }
      }
    } else if (noun) {
      NounArguments(t, v, &src, &tgt, &place);
    } else {
      src = Subject(t, v, 0);
      const bool addressee = AddresseeClause(code);
      tgt = Object(t, v, src.actor, addressee, &place);
      // "tried to kill the governor", "threatened to expel the peacekeepers": the
      // object of a later verb or noun of the pattern.
      for (uint32_t i = pm.trigger_first; (tgt.actor < 0 || place) && i < pm.trigger_end; ++i) {
        int32_t u = static_cast<int32_t>(i);
        if (u == v || u >= t.size() || !pm.IsLiteral(i) || (t.upos(u) != "VERB" && t.upos(u) != "NOUN")) continue;
        bool p2 = false;
        Found o = Object(t, u, src.actor, addressee, &p2);
        if (o.actor >= 0 && (tgt.actor < 0 || !p2)) {
          tgt = o;
          place = p2;
        }
      }
    }
    bool word_order_source = false;
    for (const Link& l : word_order) word_order_source |= l.match == mi && l.source >= 0;
    if (src.actor < 0 && !src.blocked && pm.target_first < 0 && !word_order_source && BetweenSource(t, v, &src)) {
      tgt = {};
      mutual_between = true;
    }
    // The pattern's TARGET slot, when it holds an actor, says where the target is.
    if (pm.target_first >= 0) {
      for (int32_t i = pm.target_first; i < pm.target_end && i < t.size(); ++i) {
        int32_t k = t.mention_at(i);
        if (k >= 0 && k != src.actor) {
          // "Congo ... demanded that it withdraw": a pronoun that coreference gave the source's
          // own code is whom the source addresses, the nearest other actor before it.
          if (src.actor >= 0 && t.mention(k).code == t.mention(src.actor).code &&
              In(t.lower(i), {"it", "they", "him", "her", "them"})) {
            Found p = SlotPronoun(t, pm, src.actor);
            if (p.actor >= 0) k = p.actor;
          }
          tgt = {k, "the pattern's TARGET slot"};
          place = false;
          base.target_from_slot = true;
          break;
        }
      }
    }
    if (src.actor < 0 && src.blocked) {
      base.why = src.why;
      out.push_back(base);  // source -1: no event, but the trace says why
      continue;
    }
    if (src.actor < 0) {
      // The tree found no subject: the word-order rules decide this match; a
      // target the tree found stands.
      for (Link l : word_order) {
        if (l.match != mi) continue;
        if (l.target < 0 && tgt.actor >= 0 && tgt.actor != l.source && !place) {
          l.target = tgt.actor;
          l.why += "; target from the tree: " + tgt.why;
        }
        out.push_back(l);
      }
      continue;
    }
    // An agent word that is part of the predicate ("send ground forces into", "pledged 300
    // troops") is what is sent, not the target; after "with"/"against" it is the opponent.
    if (tgt.actor >= 0 && !base.target_from_slot) {
      const auto& m = t.mention(tgt.actor);
      // An owner is no instrument: "captured the army's headquarters".
      const bool owner = m.end < static_cast<uint32_t>(t.size()) && t.lower(static_cast<int32_t>(m.end)) == "'s";
      // People are not sent: "killed 38 protesters" names its victims.
      const bool victims = In(AgentCode(m.code), {"CVL", "REF"});
      if (m.kind == actors::ActorKind::kAgentOnly && !victims && m.first >= pm.trigger_first && m.first < pm.trigger_end &&
          !owner && !(m.first > 0 && In(t.lower(m.first - 1), {"with", "against", "at", "on", "upon"}))) {
        tgt = {};
        place = false;
        // The next argument may still be the target ("into Rafah").
        for (int32_t c : t.kids(v)) {
          std::string_view br = t.base_rel(c);
          if (br != "obl") continue;
          int32_t k = t.ActorAt(c, 2);
          if (k >= 0 && k != src.actor && k != t.mention_at(m.first)) {
            tgt = {k, "'" + std::string(t.CaseOf(c)) + "' argument of '" + t.form(v) +
                          "' (the object is part of the predicate)"};
            place = PlaceCase(t.CaseOf(c));
            break;
          }
        }
      }
    }
    // "China threatened to retaliate if the United States raised tariffs": a threat's target
    // is the subject of its condition.
    if (tgt.actor < 0 && code.substr(0, 2) == "13") {
      std::vector<int32_t> hosts{v, t.head(v)};
      for (uint32_t i = pm.trigger_first; i < pm.trigger_end; ++i)
        if (pm.IsLiteral(i) && static_cast<int32_t>(i) < t.size()) hosts.push_back(static_cast<int32_t>(i));
      for (int32_t host : hosts) {
        if (host < 0 || tgt.actor >= 0) continue;
        for (int32_t c : t.kids(host)) {
          if (t.base_rel(c) != "advcl") continue;
          int32_t mk = t.Child(c, "mark");
          if (mk < 0 || !In(t.lower(mk), {"if", "unless", "should"})) continue;
          int32_t s2 = t.Child(c, "nsubj");
          int32_t k = t.ActorAt(s2, 2);
          if (k >= 0 && k != src.actor) {
            tgt = {k, "subject of the condition '" + t.form(c) + "' of the threat"};
            place = false;
            break;
          }
        }
      }
    }
    // "Mexico broke off relations with Ecuador, calling the raid a violation of international
    // law": an evaluation in a participle clause is about the main clause's target.
    // A place is where the evaluated act happened, not who did it ("brought a case against
    // Israel, alleging genocide in Gaza").
    // So is a pledge or offer in one ("hosted Nigerian President Bola Tinubu ..., pledging
    // closer economic ties").
    if ((tgt.actor < 0 || (place && In(code.substr(0, 2), {"11", "12"}))) &&
        In(code.substr(0, 2), {"03", "05", "10", "11", "12"}) &&
        t.base_rel(v) == "advcl" && t.xpos(v) == "VBG" && t.head(v) >= 0 && t.upos(t.head(v)) == "VERB") {
      bool p2 = false;
      Found o = Object(t, t.head(v), src.actor, false, &p2);
      if (o.actor >= 0 && !p2) {
        tgt = {o.actor, "target of '" + t.form(t.head(v)) + "', which the participle clause evaluates"};
        place = false;
      }
    }
    // "denounced Finland's accession to NATO and promised countermeasures", "apologised to
    // Namibia and pledged aid": a verb coordinated with an event's verb, with no target of
    // its own, acts on the same target.
    // So do appeals and statements after a verb that names whom they were made to ("told Putin
    // that ... and called for dialogue").
    if (tgt.actor < 0 && src.actor >= 0 && !noun && t.rel(v) == "conj" && t.head(v) >= 0 &&
        (t.trigger(t.head(v)) || In(code.substr(0, 2), {"01", "02", "03", "04", "05"})) &&
        t.upos(t.head(v)) == "VERB" && t.Child(v, "nsubj") < 0 &&
        // ("rejected U.S. calls ... and agreed to cut production": what it agreed to is its own)
        t.Child(v, "xcomp") < 0) {
      bool p2 = false;
      Found o = Object(t, t.head(v), src.actor, false, &p2);
      if (o.actor >= 0 && !p2) tgt = {o.actor, "target of '" + t.form(t.head(v)) + "', the verb it is coordinated with"};
    }
    // "Israel's strikes on Gaza killed 40 people": what an incident subject was aimed at is
    // the target when the object names no actor.
    if (tgt.actor < 0 && v < t.size() && t.upos(v) == "VERB") {
      int32_t subj = t.Child(v, "nsubj");
      if (subj >= 0 && IncidentNoun(t.lemma(subj)))
        for (int32_t c : t.kids(subj)) {
          if (t.base_rel(c) != "nmod" || !In(t.CaseOf(c), {"on", "against"})) continue;
          int32_t k = t.ActorAt(c, 2);
          if (k >= 0 && k != src.actor) {
            tgt = {k, "what the subject '" + t.form(subj) + "' was aimed at"};
            place = false;
            break;
          }
        }
    }
    // "Taiwan scrambled jets after Chinese warplanes approached", "held drills after North Korea
    // fired shells": a show of force answers whoever acted in its "after" clause.
    if ((tgt.actor < 0 || place) && code.substr(0, 2) == "15") {
      for (int32_t c : t.kids(v)) {
        if (t.base_rel(c) != "advcl" || t.Child(c, "mark") < 0 || !In(t.lower(t.Child(c, "mark")), {"after", "as", "when"}))
          continue;
        int32_t k = t.ActorAt(t.Child(c, "nsubj"), 2);
        if (k >= 0 && k != src.actor) {
          tgt = {k, "who acted in the clause '" + t.form(c) + "' it answers"};
          place = false;
          break;
        }
      }
    }
    // "carried out the car bombing that killed 40 Indian police officers": an incident noun of
    // the pattern whose relative clause names its victims.
    if ((tgt.actor < 0 || place) && In(code.substr(0, 2), {"18", "19", "20"})) {
      for (uint32_t i = pm.trigger_first; i < pm.trigger_end && (tgt.actor < 0 || place); ++i) {
        const int32_t u = static_cast<int32_t>(i);
        if (u >= t.size() || !pm.IsLiteral(i) || !IncidentNoun(t.lemma(u))) continue;
        for (int32_t c : t.kids(u)) {
          if (t.rel(c) != "acl:relcl") continue;
          int32_t k = t.ActorAt(t.Child(c, "obj"), 2);
          if (k >= 0 && k != src.actor) {
            tgt = {k, "the victims of '" + t.form(u) + "' in its relative clause"};
            place = false;
            break;
          }
        }
      }
    }
    // "stormed the U.S. Capitol": a word of the pattern inside a named actor (not an agent
    // word: "sent U.S. troops" names what is sent) names the target.
    if (tgt.actor < 0) {
      for (uint32_t i = pm.trigger_first + 1; i < pm.trigger_end && tgt.actor < 0; ++i) {
        int32_t k = static_cast<int32_t>(i) < t.size() && pm.IsLiteral(i) ? t.mention_at(static_cast<int32_t>(i)) : -1;
        // ("ban the main opposition parties": repression names its target by an agent word)
        if (k < 0 || k == src.actor ||
            (t.mention(k).kind == actors::ActorKind::kAgentOnly && code.substr(0, 2) != "17") ||
            t.mention(k).code == t.mention(src.actor).code)
          continue;
        tgt = {k, "the actor named by the pattern's word '" + t.form(static_cast<int32_t>(i)) + "'"};
        place = false;
      }
    }
    if (tgt.actor < 0 && pm.target_first >= 0) {
      tgt = SlotPronoun(t, pm, src.actor);
      if (tgt.actor >= 0) base.target_from_slot = true;
    }
    // No target in the tree (a pronoun in the TARGET slot, "warned him against"; an object
    // the parser hung elsewhere): the word-order rules' choice for the same source.
    if (tgt.actor < 0 && !tgt.blocked) {
      for (const Link& l : word_order)
        if (l.match == mi && l.source == src.actor && l.target >= 0 &&
            (pm.target_first >= 0 || (!t.ClauseSubject(l.target, v) && !UnderRequester(t, l.target) &&
                                       !OtherVerbsArgument(t, l.target, v)))) {
          tgt = {l.target, "the word-order rules (none in the tree)"};
          base.target_from_slot = pm.target_first >= 0;
          break;
        }
    }
    if (tgt.actor < 0) tgt = SharedObject(t, v, src.actor);
    base.unasserted = Unasserted(t, v);
    base.source_in_clause = true;
    base.resolved_pronoun = src.pronoun || t.mention(src.actor).entry.rfind("coref:", 0) == 0;
    base.why = "source: " + src.why + "; target: " + (tgt.actor >= 0 ? tgt.why : "none");
    // "Russia and Ukraine accused each other of breaking the truce".
    // (the pair may start at the match's last token or right after it)
    for (uint32_t i = pm.first; i <= pm.end && i + 1 < static_cast<uint32_t>(t.size()); ++i)
      if ((t.lower(static_cast<int32_t>(i)) == "each" && t.lower(static_cast<int32_t>(i + 1)) == "other") ||
          (t.lower(static_cast<int32_t>(i)) == "one" && t.lower(static_cast<int32_t>(i + 1)) == "another")) {
        base.each_other = true;
        tgt = {};
        place = false;
      }
    // "an investigation into the killing of civilians by Russian troops": an inquiry targets
    // the doer named by "by" inside what is investigated.
    if (code.substr(0, 2) == "09") {
      std::vector<int32_t> todo;
      for (int32_t c : t.kids(v))
        if (In(t.base_rel(c), {"obj", "obl", "nmod"})) todo.push_back(c);
      for (uint32_t i = pm.trigger_first; i < pm.trigger_end; ++i)
        if (static_cast<int32_t>(i) != v && static_cast<int32_t>(i) < t.size())
          for (int32_t c : t.kids(static_cast<int32_t>(i)))
            if (In(t.base_rel(c), {"obj", "obl", "nmod"})) todo.push_back(c);
      for (size_t q = 0; q < todo.size() && q < 24; ++q) {
        int32_t x = todo[q];
        if (In(t.base_rel(x), {"nmod", "obl"}) && t.CaseOf(x) == "by") {
          int32_t k = t.ActorAt(x, 2);
          if (k >= 0 && k != src.actor) {
            tgt = {k, "the doer ('by') inside what '" + t.form(v) + "' investigates"};
            place = false;
            break;
          }
        }
        for (int32_t c : t.kids(x))
          if (In(t.base_rel(c), {"nmod", "acl"})) todo.push_back(c);
      }
    }
    // "Iran denied any involvement in the Hamas attack on Israel": a denial is of a claim; the
    // actors named inside the claim are not its target (only one denied to, or the object).
    if (code == "016" && tgt.actor >= 0 && !base.target_from_slot) {
      int32_t obj = t.Child(v, "obj");
      // ... but the one who made it is ("brushed off the accusations from the United States").
      int32_t head = static_cast<int32_t>(t.mention(tgt.actor).end) - 1;
      bool author = In(t.CaseOf(head), {"from", "by"});
      // ... and so is the owner of the claim rejected: "rejected Ukrainian accusations",
      // "dismissed Kyiv's claims".
      if (obj >= 0 && t.head(head) == obj && In(t.base_rel(head), {"amod", "nmod", "compound"}) &&
          In(t.lemma(obj), {"accusation", "claim", "allegation", "charge", "report", "assertion", "statement"}))
        author = t.base_rel(head) != "nmod" || t.rel(head) == "nmod:poss";
      if (!author && (obj < 0 || t.mention_at(obj) != tgt.actor)) {
        tgt = {};
        place = false;
      }
    }
    // "fired missiles at two Iraqi bases housing U.S. troops": the troops a struck site houses
    // are the target, not the country it stands in.
    if (tgt.actor >= 0 && In(code.substr(0, 2), {"18", "19", "20"})) {
      const int32_t h = t.mention_head(tgt.actor);
      const int32_t site = h >= 0 && In(t.base_rel(h), {"amod", "compound", "nmod"}) ? t.head(h) : -1;
      for (int32_t c : site >= 0 ? t.kids(site) : std::vector<int32_t>{}) {
        if (t.base_rel(c) != "acl" || !In(t.lemma(c), {"house", "host"})) continue;
        int32_t k = t.ActorAt(t.Child(c, "obj"), 2);
        if (k >= 0 && k != src.actor) {
          tgt = {k, "who the struck '" + t.form(site) + "' houses"};
          place = false;
          base.why = "source: " + src.why + "; target: " + tgt.why;
        }
        break;
      }
    }
    // "Ukraine received the bodies of 757 defenders from Russia", "received a phone call from
    // Iran's president": what is received comes from the "from" actor, who did it to the subject.
    if (!base.passive && v < t.size() && t.lemma(v) == "receive" && !base.target_from_slot) {
      // Also "the bodies of 757 defenders from Russia", "missiles supplied by the United States".
      std::vector<int32_t> args = t.kids(v);
      if (int32_t o = t.Child(v, "obj"); o >= 0)
        for (int32_t c : t.kids(o)) {
          args.push_back(c);
          if (t.base_rel(c) == "acl")
            for (int32_t g : t.kids(c))
              if (t.rel(g) == "obl:agent") args.push_back(g);
        }
      for (int32_t c : args) {
        const bool giver = t.CaseOf(c) == "from" || t.rel(c) == "obl:agent";
        if ((t.base_rel(c) != "obl" && t.base_rel(c) != "nmod") || !giver) continue;
        int32_t k = t.ActorAt(c, 2);
        if (k < 0 || k == src.actor) continue;
        tgt = {src.actor, "the receiver, subject of '" + t.form(v) + "'"};
        src = {k, "the giver ('" + t.form(c) + "') of what '" + t.form(v) + "' got"};
        place = false;
        base.why = "source: " + src.why + "; target: " + tgt.why;
        break;
      }
    }
    // "met in Bali on the eve of the Group of 20 summit", "on the sidelines of the summit": an
    // actor inside a phrase of time or occasion is where, not whom.
    if (tgt.actor >= 0 && !base.target_from_slot) {
      for (int32_t x = t.mention_head(tgt.actor), hops = 0; x >= 0 && x != v && hops < 6; x = t.head(x), ++hops)
        if (In(t.lemma(x), {"eve", "sideline", "sidelines", "margin", "margins"})) {
          place = true;
          break;
        }
    }
    // "voted to start withdrawing U.N. peacekeepers from Congo", "withdrew its troops from
    // Kherson": what the source moves is its own; the place it leaves is the target.
    if (tgt.actor >= 0 && src.actor >= 0 && !base.target_from_slot &&
        t.mention(tgt.actor).code.compare(0, 3, t.mention(src.actor).code, 0, 3) == 0) {
      // ("opened the Erez crossing into northern Gaza": the way leads to the target.)
      for (int32_t c : t.kids(v)) {
        if (t.base_rel(c) != "obl" || !In(t.CaseOf(c), {"from", "into", "to", "toward", "towards"})) continue;
        int32_t k = t.ActorAt(c, 2);
        if (k >= 0 && t.mention(k).code.compare(0, 3, t.mention(src.actor).code, 0, 3) != 0) {
          tgt = {k, "the '" + std::string(t.CaseOf(c)) + "' argument of '" + t.form(v) + "' (what it moves is its own)"};
          place = false;
          base.why = "source: " + src.why + "; target: " + tgt.why;
          break;
        }
      }
    }
    std::vector<int32_t> sources = t.Coordinated(src.actor);
    // "The United States and the Taliban signed an agreement on the withdrawal of U.S. troops":
    // with several sources of a joint act, an actor of a source's own country inside the topic is
    // no target; they act on each other.
    if (sources.size() >= 2 && tgt.actor >= 0 && !base.target_from_slot &&
        In(code.substr(0, 3), {"030", "031", "032", "036", "040", "043", "046", "050", "057", "061", "062", "063", "064"})) {
      const std::string& tc = t.mention(tgt.actor).code;
      for (int32_t x : sources)
        if (tc.size() >= 3 && t.mention(x).code.compare(0, 3, tc, 0, 3) == 0) {
          tgt = {};
          place = false;
          break;
        }
    }
    // "The UAE and Bahrain signed agreements to establish ties with Israel": the partner named
    // in the purpose of a joint act is its target; the sources do not act on each other.
    if (sources.size() >= 2 && (tgt.actor < 0 || place) && In(code.substr(0, 2), {"03", "04", "05", "06"})) {
      std::vector<int32_t> heads{v};
      if (int32_t o = t.Child(v, "obj"); o >= 0) heads.push_back(o);
      for (int32_t h : heads)
        for (int32_t c : t.kids(h)) {
          if (!In(t.base_rel(c), {"acl", "advcl", "xcomp"}) || t.Child(c, "mark") < 0 || t.lower(t.Child(c, "mark")) != "to")
            continue;
          std::vector<int32_t> under{c};
          if (int32_t o = t.Child(c, "obj"); o >= 0) under.push_back(o);
          for (int32_t x : under)
            for (int32_t g : t.kids(x)) {
              if (!In(t.base_rel(g), {"obl", "nmod"}) || t.CaseOf(g) != "with") continue;
              int32_t k = t.ActorAt(g, 2);
              if (k < 0 || std::find(sources.begin(), sources.end(), k) != sources.end()) continue;
              tgt = {k, "the partner ('with') in the purpose '" + t.form(c) + "' of '" + t.form(v) + "'"};
              place = false;
              mutual_between = true;  // not each other ...
            }
        }
      if (mutual_between && tgt.actor >= 0) mutual_between = false;  // ... but the partner
    }
    // "Indian troops exchanged fire with Pakistani soldiers": the "with" partner of a
    // reciprocal act is the other side, both ways.
    if ((pm.mutual || mutual_between) && sources.size() == 1) {
      for (uint32_t i = pm.trigger_first; i < pm.trigger_end && sources.size() == 1; ++i) {
        int32_t u = static_cast<int32_t>(i);
        if (u >= t.size() || !pm.IsLiteral(i)) continue;
        for (int32_t c : t.kids(u)) {
          if (t.base_rel(c) != "obl" && t.base_rel(c) != "nmod") continue;
          if (t.CaseOf(c) != "with") continue;
          int32_t k = t.ActorAt(c, 2);
          if (k < 0 || k == src.actor) continue;
          for (int32_t x : t.Coordinated(k)) sources.push_back(x);
          base.why += "; the other side: 'with' argument of '" + t.form(u) + "'";
          break;
        }
      }
    }
    std::vector<int32_t> targets =
        !parties.empty() ? parties
        : tgt.actor >= 0 && !pm.mutual && !mutual_between ? t.Coordinated(tgt.actor) : std::vector<int32_t>{-1};
    // "Erdogan told Zelensky that Turkey was ready to act as a facilitator": an intention or a
    // comment told to someone is addressed to that one too.
    if (In(code.substr(0, 2), {"01", "02", "03", "11", "12", "13"}) && !pm.mutual && !mutual_between &&
        targets.size() == 1 && (targets[0] < 0 || code.substr(0, 2) == "03")) {
      for (int32_t x = v, hops = 0; x >= 0 && t.head(x) >= 0 && hops < 3; ++hops) {
        if (!In(t.base_rel(x), {"ccomp", "xcomp", "conj"})) break;
        x = t.head(x);
        if (t.lemma(x) != "tell") continue;
        int32_t o = t.Child(x, "iobj");
        if (o < 0) o = t.Child(x, "obj");
        const int32_t k = t.ActorAt(o, 1);
        if (k >= 0 && k != src.actor && std::find(targets.begin(), targets.end(), k) == targets.end()) {
          if (targets.size() == 1 && targets[0] < 0) targets.clear();
          targets.push_back(k);
          base.why += "; also told to '" + t.form(o) + "'";
        }
        break;
      }
    }
    std::erase_if(targets,
                  [&](int32_t k) { return k >= 0 && std::find(sources.begin(), sources.end(), k) != sources.end(); });
    if (targets.empty()) targets.push_back(-1);
    EmitLinks(in, base, sources, targets, place, &out);
  }
  return out;
}

}  // namespace dyad::coder
