#include "syntax/evaluate.h"

namespace dyad::syntax {

Result<Scores> Evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& pred) {
  if (gold.size() != pred.size()) {
    return Status::InvalidArgument("gold has " + std::to_string(gold.size()) + " sentences, system output " +
                                   std::to_string(pred.size()));
  }
  Scores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    const auto& g = gold[i].words;
    const auto& p = pred[i].words;
    if (g.size() != p.size()) {
      return Status::InvalidArgument("sentence " + std::to_string(i + 1) + ": word counts differ");
    }
    for (size_t j = 0; j < g.size(); ++j) {
      if (g[j].form != p[j].form) {
        return Status::InvalidArgument("sentence " + std::to_string(i + 1) + " word " + std::to_string(j + 1) +
                                       ": forms differ");
      }
      ++s.words;
      s.upos += g[j].upos == p[j].upos;
      s.xpos += g[j].xpos == p[j].xpos;
      s.lemma += g[j].lemma == "_" || g[j].lemma == p[j].lemma;
      const bool punct = g[j].upos == "PUNCT";
      s.words_no_punct += !punct;
      if (g[j].head == p[j].head) {
        const bool label = UniversalRelation(g[j].deprel) == UniversalRelation(p[j].deprel);
        ++s.uas;
        s.las += label;
        s.las_full += g[j].deprel == p[j].deprel;
        s.uas_no_punct += !punct;
        s.las_no_punct += !punct && label;
      }
    }
  }
  return s;
}

void AnalyzeSentence(const Model& model, Sentence& s, const AnalyzeOptions& options) {
  std::vector<std::string_view> forms;
  forms.reserve(s.words.size());
  for (const Word& w : s.words) forms.push_back(w.form);
  Analysis a = model.Analyze(forms, options);
  for (size_t i = 0; i < s.words.size(); ++i) {
    Word& w = s.words[i];
    w.upos = a.upos[i];
    w.xpos = a.xpos[i];
    w.lemma = a.lemma[i];
    if (options.parse) {
      w.head = a.head[i];
      w.deprel = a.deprel[i];
    }
  }
}

}  // namespace dyad::syntax
