#include "syntax/conllu.h"

#include <charconv>
#include <fstream>

namespace dyad::syntax {
namespace {

Status LineError(std::string_view name, size_t line_no, std::string_view what) {
  return Status::DataError(std::string(name) + ":" + std::to_string(line_no) + ": " + std::string(what));
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Checks heads once the sentence length is known.
Status FinishSentence(Sentence& s, std::string_view name, size_t line_no) {
  const int n = static_cast<int>(s.words.size());
  for (int i = 0; i < n; ++i) {
    if (s.words[i].head > n) {
      return LineError(name, line_no, "head " + std::to_string(s.words[i].head) + " of word " +
                                          std::to_string(i + 1) + " is beyond the sentence end");
    }
    if (s.words[i].head == i + 1) {
      return LineError(name, line_no, "word " + std::to_string(i + 1) + " is its own head");
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view UniversalRelation(std::string_view deprel) {
  size_t colon = deprel.find(':');
  return colon == std::string_view::npos ? deprel : deprel.substr(0, colon);
}

Result<std::vector<Sentence>> ReadConllu(std::istream& in, std::string_view name) {
  std::vector<Sentence> out;
  Sentence cur;
  bool open = false;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (open) {
        DYAD_RETURN_IF_ERROR(FinishSentence(cur, name, line_no));
        out.push_back(std::move(cur));
        cur = Sentence();
        open = false;
      }
      continue;
    }
    open = true;
    if (line[0] == '#') {
      cur.extra.push_back({cur.words.size(), line});
      continue;
    }
    std::string_view cols[10];
    size_t ncols = 0;
    std::string_view rest(line);
    while (ncols < 10) {
      size_t tab = rest.find('\t');
      cols[ncols++] = rest.substr(0, tab);
      if (tab == std::string_view::npos) {
        rest = {};
        break;
      }
      rest.remove_prefix(tab + 1);
    }
    if (ncols != 10 || !rest.empty()) return LineError(name, line_no, "expected 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
      cur.extra.push_back({cur.words.size(), line});
      continue;
    }
    int idv = 0;
    if (!ParseInt(id, &idv)) return LineError(name, line_no, "bad word id '" + std::string(id) + "'");
    if (idv != static_cast<int>(cur.words.size()) + 1) {
      return LineError(name, line_no, "word id " + std::string(id) + " out of sequence");
    }
    if (cols[1].empty()) return LineError(name, line_no, "empty form");
    Word w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    if (cols[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(cols[6], &w.head) || w.head < 0) {
      return LineError(name, line_no, "bad head '" + std::string(cols[6]) + "'");
    }
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    cur.words.push_back(std::move(w));
  }
  if (in.bad()) return Status::IOError(std::string(name) + ": read failed");
  if (open) {
    DYAD_RETURN_IF_ERROR(FinishSentence(cur, name, line_no));
    out.push_back(std::move(cur));
  }
  return out;
}

Result<std::vector<Sentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  return ReadConllu(in, path);
}

void WriteConllu(const Sentence& s, std::ostream& out) {
  size_t e = 0;
  for (size_t i = 0; i <= s.words.size(); ++i) {
    while (e < s.extra.size() && s.extra[e].before_word <= i) out << s.extra[e++].text << '\n';
    if (i == s.words.size()) break;
    const Word& w = s.words[i];
    out << (i + 1) << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos << '\t'
        << w.feats << '\t';
    if (w.head < 0) {
      out << '_';
    } else {
      out << w.head;
    }
    out << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc << '\n';
  }
  out << '\n';
}

}  // namespace dyad::syntax
