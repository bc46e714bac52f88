#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad::syntax {
namespace {

const char kSample[] =
    "# newdoc id = test\n"
    "# text = They don't go.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tgone\t_\t_\t_\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"
    "\n";

std::string RoundTrip(const std::string& text) {
  std::istringstream in(text);
  auto r = ReadConllu(in, "sample");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::ostringstream out;
  for (const auto& s : *r) WriteConllu(s, out);
  return out.str();
}

TEST(Conllu, RoundTripKeepsCommentsMultiwordTokensAndEmptyNodes) {
  EXPECT_EQ(RoundTrip(kSample), kSample);
}

TEST(Conllu, ReadsWordsOnly) {
  std::istringstream in(kSample);
  auto r = ReadConllu(in, "sample");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  const Sentence& s = (*r)[0];
  ASSERT_EQ(s.words.size(), 5u);
  EXPECT_EQ(s.words[2].form, "n't");
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[0].head, 3);
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_EQ(s.words[4].deprel, "punct");
}

TEST(Conllu, AcceptsMissingFinalBlankLineAndCrLf) {
  std::istringstream in("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n");
  auto r = ReadConllu(in, "x");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].words[0].misc, "_");
}

void ExpectError(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  auto r = ReadConllu(in, "bad.conllu");
  ASSERT_FALSE(r.ok()) << text;
  EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("bad.conllu:"), std::string::npos) << r.status().message();
}

TEST(Conllu, RejectsMalformedInputNamingTheLine) {
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\n", "10 tab-separated");
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\textra\n", "10 tab-separated");
  ExpectError("2\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "out of sequence");
  ExpectError("x\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "bad word id");
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\tz\troot\t_\t_\n", "bad head");
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\t-3\troot\t_\t_\n", "bad head");
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\t5\troot\t_\t_\n\n", "beyond the sentence end");
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\t1\troot\t_\t_\n\n", "its own head");
  ExpectError("1\t\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "empty form");
  ExpectError("# ok\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n1\tHi\n", "bad.conllu:4");
}

TEST(Conllu, EmptyInputIsNoSentences) {
  std::istringstream in("");
  auto r = ReadConllu(in, "empty");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(Conllu, MissingFileIsNotFound) {
  auto r = ReadConlluFile("/nonexistent/dir/x.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(Conllu, UniversalRelationDropsSubtype) {
  EXPECT_EQ(UniversalRelation("nsubj:pass"), "nsubj");
  EXPECT_EQ(UniversalRelation("obj"), "obj");
  EXPECT_EQ(UniversalRelation(""), "");
}

}  // namespace
}  // namespace dyad::syntax
