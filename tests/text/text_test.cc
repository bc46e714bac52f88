#include "text/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::text {
namespace {

std::vector<std::string> Forms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.form);
  return out;
}

std::vector<std::string> SentenceTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : Segment(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizeTest, SplitsPunctuationAndClitics) {
  std::string s = "Israel's army didn't stop (yet), officials said.";
  EXPECT_EQ(Forms(Tokenize(s, 0, s.size())),
            (V{"Israel", "'s", "army", "did", "n't", "stop", "(", "yet", ")", ",", "officials", "said", "."}));
}

TEST(TokenizeTest, KeepsAbbreviationsNumbersAndHyphens) {
  std::string s = "U.S. Gen. J. Smith paid $1,200 (3.5%) to pro-Russian groups at 10:30 a.m.";
  EXPECT_EQ(Forms(Tokenize(s, 0, s.size())),
            (V{"U.S.", "Gen.", "J.", "Smith", "paid", "$", "1,200", "(", "3.5", "%", ")", "to", "pro-Russian",
               "groups", "at", "10:30", "a.m."}));
}

TEST(TokenizeTest, FoldsTypographyButKeepsOffsetsIntoTheOriginal) {
  std::string s = "\xE2\x80\x9CWe won\xE2\x80\x99t\xE2\x80\x9D \xE2\x80\x94 Kyiv";
  auto toks = Tokenize(s, 0, s.size());
  EXPECT_EQ(Forms(toks), (V{"\"", "We", "wo", "n't", "\"", "--", "Kyiv"}));
  for (const auto& t : toks) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, s.size());
  }
  EXPECT_EQ(s.substr(toks[3].begin, toks[3].end - toks[3].begin), "n\xE2\x80\x99t");
  EXPECT_EQ(toks.back().lower, "kyiv");
  EXPECT_EQ(toks.back().kind, TokenKind::kWord);
  EXPECT_EQ(toks[0].kind, TokenKind::kPunct);
}

TEST(TokenizeTest, DropsInvisibleCharacters) {
  std::string s = "Ha\xC2\xADmas \xE2\x80\x8B said";
  EXPECT_EQ(Forms(Tokenize(s, 0, s.size())), (V{"Hamas", "said"}));
}

TEST(SegmentTest, NewsAbbreviationsDoNotEndSentences) {
  EXPECT_EQ(SentenceTexts("U.S. Secretary of State Antony Blinken met Gen. Smith on Jan. 5 in Washington. "
                          "They talked."),
            (V{"U.S. Secretary of State Antony Blinken met Gen. Smith on Jan. 5 in Washington.", "They talked."}));
}

TEST(SegmentTest, AcronymAtSentenceEndBeforeAStarterWord) {
  EXPECT_EQ(SentenceTexts("China imposed sanctions on the U.S. The ministry said more would follow."),
            (V{"China imposed sanctions on the U.S.", "The ministry said more would follow."}));
  EXPECT_EQ(SentenceTexts("He briefed the U.N. Security Council."), (V{"He briefed the U.N. Security Council."}));
}

TEST(SegmentTest, QuotationsWithAttributionStayWhole) {
  EXPECT_EQ(SentenceTexts("\"We will not retreat!\" he said. \"Never.\" The crowd cheered."),
            (V{"\"We will not retreat!\" he said.", "\"Never.\"", "The crowd cheered."}));
  EXPECT_EQ(SentenceTexts("\"The talks failed,\" the minister said."), (V{"\"The talks failed,\" the minister said."}));
}

TEST(SegmentTest, HeadingsAndParagraphs) {
  std::string text = "Israel said it would act. Hamas refused.\n\nTalks in Tel Aviv\n\nNetanyahu thanked Blinken.\n";
  auto sents = Segment(text);
  ASSERT_EQ(sents.size(), 4u);
  EXPECT_FALSE(sents[0].heading);
  EXPECT_TRUE(sents[2].heading);
  EXPECT_EQ(text.substr(sents[2].begin, sents[2].end - sents[2].begin), "Talks in Tel Aviv");
  EXPECT_EQ(text.substr(sents[3].begin, sents[3].end - sents[3].begin), "Netanyahu thanked Blinken.");
}

TEST(SegmentTest, HardWrappedLinesAreNotHeadings) {
  auto s = SentenceTexts("The WHO appealed for more aid\ndeliveries to Gaza. It warned of famine.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "The WHO appealed for more aid\ndeliveries to Gaza.");
}

TEST(SegmentTest, OneLineWithoutPunctuationIsASentence) {
  auto s = Segment("Russia attacks Kyiv");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_FALSE(s[0].heading);
}

TEST(SegmentTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(Segment("").empty());
  EXPECT_TRUE(Segment(" \n\n\t \n").empty());
}

TEST(SegmentTest, RunOnTextIsCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  auto s = Segment(text);
  ASSERT_GE(s.size(), 5u);
  size_t total = 0;
  for (const auto& x : s) {
    EXPECT_LE(x.tokens.size(), 200u);
    total += x.tokens.size();
  }
  EXPECT_EQ(total, 1000u);
}

TEST(NormalizeTest, FoldsQuotesDashesAndSpaces) {
  EXPECT_EQ(Normalize("\xE2\x80\x98Hi\xE2\x80\x99 \xE2\x80\x93 a\xC2\xA0" "b\xE2\x80\xA6"), "'Hi' -- a b...");
  EXPECT_EQ(Normalize("Caf\xC3\xA9"), "Caf\xC3\xA9");
}

}  // namespace
}  // namespace dyad::text
