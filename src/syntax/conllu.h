// CoNLL-U (Universal Dependencies) reading and writing.
//
// A sentence keeps everything needed to write it back byte for byte:
// comment lines, multiword-token lines ("3-4") and empty nodes ("5.1") are
// kept verbatim in the order they appeared, anchored before a syntactic word.
// Only syntactic words (integer ids) take part in tagging and parsing.
//
// Errors name the file (or "<stdin>") and the 1-based line.
#ifndef DYAD_SYNTAX_CONLLU_H_
#define DYAD_SYNTAX_CONLLU_H_

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::syntax {

struct Word {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int head = -1;              // 0 = root, 1-based otherwise; -1 = unknown ("_")
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
};

struct Sentence {
  // Lines that are not syntactic words, with the index of the word they
  // precede (words.size() for lines after the last word).
  struct ExtraLine {
    size_t before_word = 0;
    std::string text;
  };
  std::vector<ExtraLine> extra;
  std::vector<Word> words;
};

// Reads sentences from `in` until EOF. `name` is used in error messages.
// Rejects: wrong column count, ids out of sequence, non-numeric or
// out-of-range heads, empty forms. Blank lines separate sentences; a final
// sentence without a trailing blank line is accepted.
Result<std::vector<Sentence>> ReadConllu(std::istream& in, std::string_view name);
Result<std::vector<Sentence>> ReadConlluFile(const std::string& path);

// Writes `s` followed by a blank line.
void WriteConllu(const Sentence& s, std::ostream& out);

// The universal part of a relation: "nsubj:pass" -> "nsubj".
std::string_view UniversalRelation(std::string_view deprel);

}  // namespace dyad::syntax

#endif  // DYAD_SYNTAX_CONLLU_H_
