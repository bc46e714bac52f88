// Syntax: part-of-speech tags, lemmas and labelled dependency trees for
// tokenised English sentences, from one model file trained on UD English EWT.
//
//   dyad::Result<dyad::syntax::Model> m = dyad::syntax::Model::Load("data/syntax/en_ewt.dyadsyn");
//   if (!m.ok()) return m.status();
//   std::vector<std::string_view> forms = {"Israel", "struck", "targets", "in", "Gaza", "."};
//   dyad::syntax::Analysis a = m->Analyze(forms);
//   // a.upos[1] == "VERB", a.lemma[1] == "strike", a.head[0] == 2, a.deprel[0] == "nsubj"
//
// Input is one sentence, tokenised the Penn/UD way (punctuation split, clitics
// split: "do n't", "Israel 's"). Any sequence of tokens is accepted, including
// an empty one, and always yields a well-formed tree: exactly one word with
// head 0, no cycles, every word attached. Time and memory are linear in the
// sentence length.
//
// Thread-safety: a loaded Model is immutable; Analyze may be called from many
// threads at once.
#ifndef DYAD_SYNTAX_SYNTAX_H_
#define DYAD_SYNTAX_SYNTAX_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::syntax {

struct AnalyzeOptions {
  // false: tags and lemmas only (head and deprel are left empty); about
  // four times faster than a full analysis.
  bool parse = true;
  // Tokens known to be part of a name (one entry per token, or empty): such a token is
  // never tagged a verb or auxiliary. The web-text tagger reads "Trump announced" or
  // "Recep Tayyip Erdogan" as verbs; the caller (the coder, from its actor dictionary)
  // knows better. Default empty: the tagger decides alone.
  std::vector<bool> names;
};

// One entry per input token. The string_views point into the Model and stay
// valid as long as it lives.
struct Analysis {
  std::vector<std::string_view> upos;    // universal tag: NOUN, VERB, PROPN, ...
  std::vector<std::string_view> xpos;    // Penn Treebank tag: NN, VBD, NNP, ...
  std::vector<std::string> lemma;
  std::vector<int> head;                 // 0 = root, else 1-based index of the head
  std::vector<std::string_view> deprel;  // UD relation with subtype: nsubj, nsubj:pass, obl:agent, ...
};

struct ModelData;

// Where the shipped model is looked for: $DYAD_DATA/syntax/en_ewt.dyadsyn if
// DYAD_DATA is set, else the source tree's data/, else the install prefix.
std::string DefaultModelPath();

class Model {
 public:
  // Reads a model file. Errors: NotFound/IOError if unreadable, Corruption if
  // the magic, version, checksum or any table is wrong. Takes well under 0.5 s.
  static Result<Model> Load(const std::string& path);
  // Same from bytes already in memory; `name` appears in error messages.
  static Result<Model> FromBytes(std::string_view bytes, const std::string& name);

  explicit Model(std::unique_ptr<ModelData> data);
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  ~Model();

  Analysis Analyze(const std::vector<std::string_view>& forms, const AnalyzeOptions& options = {}) const;

  // Serialised model (magic, version, payload, checksum).
  std::string ToBytes() const;
  Status Save(const std::string& path) const;

  // A smaller model: weights below the thresholds (in score units) dropped.
  Model Pruned(float tagger_threshold, float parser_threshold) const;

  // Sizes for reports: features kept in the tagger and the parser.
  std::string Describe() const;

  const ModelData& data() const { return *data_; }

 private:
  std::unique_ptr<ModelData> data_;
};

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_SYNTAX_H_
