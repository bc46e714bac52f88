#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "syntax/conllu.h"
#include "syntax_test_util.h"

namespace dyad::syntax {
namespace {

// Runs a shell command, returning its stdout and exit status.
std::string RunCommand(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    *status = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

TEST(SyntaxCli, ParsesTextIntoValidConllu) {
  int status = 0;
  std::string out = RunCommand(std::string(DYAD_CLI) + " syntax parse " + DYAD_TEST_DATA_DIR + "/syntax/news_sentences.txt",
                        &status);
  ASSERT_EQ(status, 0);
  std::istringstream in(out);
  auto r = ReadConllu(in, "cli output");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 5u);
  for (const Sentence& s : *r) {
    std::vector<int> heads;
    for (const Word& w : s.words) {
      heads.push_back(w.head);
      EXPECT_NE(w.upos, "_");
      EXPECT_NE(w.lemma, "_");
    }
    EXPECT_EQ(testing::TreeProblem(heads, heads.size()), "");
  }
  // "U.S." stays one token, "said." is split.
  EXPECT_EQ((*r)[3].words[0].form, "U.S.");
  EXPECT_EQ((*r)[0].words.back().form, ".");
}

TEST(SyntaxCli, ReadsConlluFromStdinAndKeepsComments) {
  int status = 0;
  std::string out = RunCommand("printf '# sent_id = a\\n1\\tHello\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\n\\n' | " +
                            std::string(DYAD_CLI) + " syntax parse -",
                        &status);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(out.rfind("# sent_id = a\n1\tHello\t", 0), 0u) << out;
  EXPECT_NE(out.find("\t0\troot\t"), std::string::npos) << out;
}

TEST(SyntaxCli, EvalPrintsTheCoNLL2018Figures) {
  auto path = std::filesystem::temp_directory_path() / "dyad_syntax_cli_eval.conllu";
  {
    std::ofstream f(path);
    for (const Sentence& s : testing::SyntheticTreebank(20, 11)) WriteConllu(s, f);
  }
  int status = 0;
  std::string out = RunCommand(std::string(DYAD_CLI) + " syntax eval --test " + path.string(), &status);
  ASSERT_EQ(status, 0) << out;
  for (const char* key : {"UPOS\t", "XPOS\t", "Lemmas\t", "UAS\t", "LAS\t", "tokens_per_cpu_second\t"}) {
    EXPECT_NE(out.find(key), std::string::npos) << key;
  }
  std::filesystem::remove(path);
}

TEST(SyntaxCli, DamagedModelExitsWithCode4) {
  auto path = std::filesystem::temp_directory_path() / "dyad_syntax_bad.model";
  {
    std::ofstream f(path);
    f << "DYADSYNX garbage";
  }
  int status = 0;
  RunCommand("echo hi | " + std::string(DYAD_CLI) + " syntax parse --model " + path.string() + " - 2>/dev/null", &status);
  EXPECT_EQ(WEXITSTATUS(status), 4);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad::syntax
