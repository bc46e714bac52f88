// Helpers shared by the syntax tests: a synthetic treebank small enough to
// train on in a second, and a tree checker.
#ifndef DYAD_TESTS_SYNTAX_TEST_UTIL_H_
#define DYAD_TESTS_SYNTAX_TEST_UTIL_H_

#include <random>
#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace dyad::syntax::testing {

// "the minister criticised a plan in Paris ." style sentences with gold
// tags, lemmas and trees, generated from a fixed seed.
inline std::vector<Sentence> SyntheticTreebank(int sentences, uint32_t seed) {
  struct Lex {
    const char* form;
    const char* lemma;
    const char* upos;
    const char* xpos;
  };
  const std::vector<Lex> dets = {{"the", "the", "DET", "DT"}, {"a", "a", "DET", "DT"}};
  const std::vector<Lex> adjs = {{"new", "new", "ADJ", "JJ"}, {"foreign", "foreign", "ADJ", "JJ"}};
  const std::vector<Lex> nouns = {{"minister", "minister", "NOUN", "NN"}, {"plan", "plan", "NOUN", "NN"},
                                  {"troops", "troop", "NOUN", "NNS"}, {"talks", "talk", "NOUN", "NNS"}};
  const std::vector<Lex> names = {{"Paris", "Paris", "PROPN", "NNP"}, {"Egypt", "Egypt", "PROPN", "NNP"}};
  const std::vector<Lex> verbs = {{"criticised", "criticise", "VERB", "VBD"}, {"signed", "sign", "VERB", "VBD"},
                                  {"rejects", "reject", "VERB", "VBZ"}};
  const Lex in = {"in", "in", "ADP", "IN"};
  const Lex dot = {".", ".", "PUNCT", "."};
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<Lex>& v) { return v[rng() % v.size()]; };
  std::vector<Sentence> out;
  for (int s = 0; s < sentences; ++s) {
    Sentence sent;
    auto add = [&](const Lex& l, int head, const char* rel) {
      Word w;
      w.form = l.form;
      w.lemma = l.lemma;
      w.upos = l.upos;
      w.xpos = l.xpos;
      w.head = head;
      w.deprel = rel;
      sent.words.push_back(w);
      return static_cast<int>(sent.words.size());
    };
    // Heads are patched once the verb's position is known.
    const bool subj_adj = rng() % 2;
    add(pick(dets), 0, "det");
    if (subj_adj) add(pick(adjs), 0, "amod");
    int subj = add(pick(nouns), 0, "nsubj");
    int verb = add(pick(verbs), 0, "root");
    for (int i = 0; i < subj - 1; ++i) sent.words[i].head = subj;
    sent.words[subj - 1].head = verb;
    int det = add(pick(dets), 0, "det");
    int obj = add(pick(nouns), verb, "obj");
    sent.words[det - 1].head = obj;
    if (rng() % 2) {
      int c = add(in, 0, "case");
      int name = add(pick(names), verb, "obl");
      sent.words[c - 1].head = name;
    }
    add(dot, verb, "punct");
    sent.extra.push_back({0, "# sent_id = synthetic-" + std::to_string(s + 1)});
    out.push_back(std::move(sent));
  }
  return out;
}

// Empty string if `heads` (0 = root, 1-based) is a tree with one root.
inline std::string TreeProblem(const std::vector<int>& heads, size_t n) {
  if (heads.size() != n) return "wrong number of heads";
  int roots = 0;
  for (size_t i = 0; i < n; ++i) {
    if (heads[i] < 0 || heads[i] > static_cast<int>(n)) return "head out of range at " + std::to_string(i + 1);
    if (heads[i] == static_cast<int>(i + 1)) return "self loop at " + std::to_string(i + 1);
    roots += heads[i] == 0;
  }
  if (n > 0 && roots != 1) return std::to_string(roots) + " roots";
  for (size_t i = 0; i < n; ++i) {
    int k = static_cast<int>(i + 1);
    size_t steps = 0;
    while (k != 0 && steps++ <= n) k = heads[k - 1];
    if (k != 0) return "cycle through " + std::to_string(i + 1);
  }
  return "";
}

}  // namespace dyad::syntax::testing

#endif  // DYAD_TESTS_SYNTAX_TEST_UTIL_H_
