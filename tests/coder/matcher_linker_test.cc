#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "coder/coder.h"
#include "coder/marked.h"
#include "coder/matcher.h"

namespace dyad::coder {
namespace {

class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto d = EventDictionary::Parse(std::string(kEventsFormatLine) +
                                        "\nversion t\nclass @aid aid help\nurge TARGET to\t020\n"
                                        "urge TARGET to * @aid\t023\nattack\t190\nfire * missile at TARGET\t195\n"
                                        "meet with TARGET\t040\n",
                                    "ev.txt", std::string(kVerbFormsFormatLine) + "\nmeet met\n", "vf.txt");
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    dict_ = std::make_unique<EventDictionary>(std::move(d).value());
  }
  std::vector<PredicateMatch> Run(const std::string& marked, bool select = true) {
    ms_ = ParseMarked(marked);
    std::vector<TokenView> v(ms_.sentence.tokens.size());
    for (size_t i = 0; i < v.size(); ++i) {
      const auto& t = ms_.sentence.tokens[i];
      v[i].lemma = dict_->LemmaOf(t.lower);
      v[i].form = dict_->WordOf(t.lower);
      if (t.kind == text::TokenKind::kPunct) v[i].flags |= kPunct;
      if (t.lower == ";") v[i].flags |= kHardBoundary;
    }
    std::vector<uint32_t> me(v.size(), 0);
    for (const auto& m : ms_.mentions) me[m.first] = m.end;
    Matcher mt(*dict_);
    auto all = mt.Find(v, me);
    return select ? mt.SelectMatches(all) : all;
  }
  std::unique_ptr<EventDictionary> dict_;
  MarkedSentence ms_;
};

TEST_F(MatcherTest, TargetSlotAndGapsAndSpecificity) {
  auto m = Run("[USA Washington] urged [ISR Israel] to allow more aid.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(dict_->patterns()[m[0].pattern].code, "023");  // more words beat "urge TARGET to"
  EXPECT_EQ(m[0].target_first, 2);
  EXPECT_EQ(m[0].target_end, 3);
  EXPECT_EQ(m[0].trigger_first, 1u);
  EXPECT_EQ(m[0].trigger_end, 7u);
  EXPECT_EQ(Run("[USA Washington] urged [ISR Israel] to allow more aid.", false).size(), 2u);

  m = Run("[IRN Iran] fired three ballistic missiles at [ISR Israel].");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(dict_->patterns()[m[0].pattern].code, "195");

  m = Run("[IRN Iran] fired one missile; later it was at [ISR Israel].");  // gaps never cross ';'
  EXPECT_TRUE(m.empty());

  m = Run("[IRN Iran] fired one two three four five six seven missile at [ISR Israel].");  // gap bound 6
  EXPECT_TRUE(m.empty());

  m = Run("[FRAGOV Macron] met with [DEUGOV Scholz] and then attacked nobody.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(dict_->patterns()[m[0].pattern].code, "040");
  EXPECT_EQ(dict_->patterns()[m[1].pattern].code, "190");
}

class LinkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = Coder::Load(DYAD_DATA_DIR);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = new Coder(std::move(c).value());
  }
  static void TearDownTestSuite() { delete coder_; }
  std::vector<Event> Code(const std::string& marked) {
    ms_ = ParseMarked(marked);
    EXPECT_TRUE(ms_.error.empty()) << ms_.error;
    return coder_->CodeSentence(ms_.text, ms_.sentence, 7, ms_.mentions, Date::FromYmd(2024, 1, 1));
  }
  static Coder* coder_;
  MarkedSentence ms_;
};
Coder* LinkerTest::coder_ = nullptr;

TEST_F(LinkerTest, SourceIsNearestActorBeforeTheVerbInItsClause) {
  auto ev = Code("[USAGOV:p Biden] said [RUSMIL Russian troops] attacked [UKR Ukraine].");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.code, "RUSMIL");
  EXPECT_EQ(ev[0].target.code, "UKR");
  EXPECT_EQ(ev[0].source.country, "RUS");
  EXPECT_EQ(ev[0].source.agent, "MIL");
  EXPECT_EQ(ev[0].sentence_index, 7u);
  EXPECT_EQ(ev[0].trigger_text, "attacked");
}

TEST_F(LinkerTest, PrepositionalActorsAreNotSources) {
  auto ev = Code("[PSEREBHMS:a Hamas] fighters in [PSE Gaza] fired rockets at [ISR Israel].");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.code, "PSEREBHMS");
  EXPECT_EQ(ev[0].target.code, "ISR");
  EXPECT_EQ(ev[0].code, "194");
  EXPECT_EQ(ev[0].source.country, "PSE");
}

TEST_F(LinkerTest, PassiveSwapsAndNoAgentMeansNoEvent) {
  auto ev = Code("[UKR Kharkiv] was shelled by [RUSMIL Russian forces] on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.code, "RUSMIL");
  EXPECT_EQ(ev[0].target.code, "UKR");
  EXPECT_NE(ev[0].pattern.find("passive"), std::string::npos);
  EXPECT_TRUE(Code("[UKR Kharkiv] was shelled on Monday.").empty());
}

TEST_F(LinkerTest, CoordinatedActorsGiveOneEventEach) {
  auto ev = Code("[FRA France], [DEU Germany] and [ITA Italy] condemned [RUS Russia].");
  ASSERT_EQ(ev.size(), 3u);
  for (const auto& e : ev) {
    EXPECT_EQ(e.target.code, "RUS");
    EXPECT_EQ(e.code, "111");
  }
  ev = Code("[USA Washington] condemned [RUS Russia] and [BLR Belarus].");
  ASSERT_EQ(ev.size(), 2u);
}

TEST_F(LinkerTest, DuplicateTriplesCountMentions) {
  auto ev = Code("[ISR Israel] attacked [PSEREBHMS:a Hamas] and attacked [PSEREBHMS:a Hamas] again.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].mentions, 2u);
}

TEST_F(LinkerTest, NegationModalityAndRefusal) {
  EXPECT_TRUE(Code("[ISR Israel] did not attack [IRN Iran].").empty());
  EXPECT_TRUE(Code("[ISR Israel] has never attacked [IRN Iran].").empty());
  auto ev = Code("[IRN Iran] refused to release [USA---:g the sailors].");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "1243");
  EXPECT_EQ(ev[0].trigger_text, "refused to release");
  ev = Code("[RUS Russia] could attack [UKR Ukraine].");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].hypothetical);
  ev = Code("If [RUS Russia] attacks [EST Estonia], NATO will respond.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].hypothetical);
  ev = Code("[RUS Russia] plans to mobilize more troops against [UKR Ukraine].");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "138");  // future/intent of 154 is a threat of force
  ev = Code("[USA Washington] urged [ISR Israel] to attack nobody.");  // infinitive complement: no attack event
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "020");
}

TEST_F(LinkerTest, NoPatternNoEventAndNoSourceNoEvent) {
  EXPECT_TRUE(Code("[ISRGOV:p Netanyahu] spoke about [USA America] at length.").empty());
  EXPECT_TRUE(Code("The attack on [ISR Israel] was condemned.").empty());
  EXPECT_TRUE(Code("").empty());
}

TEST_F(LinkerTest, OptionsFilterEvents) {
  auto o = ontology::Ontology::Load(std::string(DYAD_DATA_DIR) + "/ontology/cameo.tsv");
  auto d = EventDictionary::LoadDir(std::string(DYAD_DATA_DIR) + "/coder");
  ASSERT_TRUE(o.ok() && d.ok());
  CoderOptions opt;
  opt.keep_negated = true;
  opt.keep_hypothetical = false;
  opt.require_target = true;
  auto c = Coder::Create(std::move(o).value(), std::move(d).value(), opt);
  ASSERT_TRUE(c.ok());
  auto ms = ParseMarked("[ISR Israel] did not attack [IRN Iran].");
  auto ev = c->CodeSentence(ms.text, ms.sentence, 0, ms.mentions, Date{});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].negated);
  ms = ParseMarked("[RUS Russia] could attack [UKR Ukraine].");
  EXPECT_TRUE(c->CodeSentence(ms.text, ms.sentence, 0, ms.mentions, Date{}).empty());
  ms = ParseMarked("[IGOEU The EU] called for a ceasefire.");
  EXPECT_TRUE(c->CodeSentence(ms.text, ms.sentence, 0, ms.mentions, Date{}).empty());
}

TEST_F(LinkerTest, HostileMentionsAreIgnored) {
  auto ms = ParseMarked("[ISR Israel] attacked [IRN Iran].");
  auto mentions = ms.mentions;
  actors::ActorMention bad;
  bad.first = 50;
  bad.end = 60;
  bad.code = "XXX";
  mentions.push_back(bad);
  bad.first = 3;
  bad.end = 2;
  mentions.push_back(bad);
  auto ev = coder_->CodeSentence(ms.text, ms.sentence, 0, mentions, Date{});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].target.code, "IRN");
  // Article text shorter than the sentence claims: no crash, empty copies.
  auto ev2 = coder_->CodeSentence("short", ms.sentence, 0, ms.mentions, Date{});
  ASSERT_EQ(ev2.size(), 1u);
}

}  // namespace
}  // namespace dyad::coder

namespace dyad::coder {
namespace {

TEST(CoderThreads, ConcurrentCallsAgreeWithSerialOnes) {
  auto c = Coder::Load(DYAD_DATA_DIR);
  ASSERT_TRUE(c.ok());
  const char* kSentences[] = {
      "[RUSMIL Russian forces] fired missiles at [UKR Kyiv] and shelled [UKR Kharkiv].",
      "[USA Washington] urged [ISR Israel] to let more aid into [PSE Gaza].",
      "[QAT Qatar] and [EGY Egypt] continue to mediate talks between [ISR Israel] and [PSEREBHMS:a Hamas].",
      "[IRNGOV Tehran] refused to meet [USAGOV U.S. officials].",
  };
  std::vector<MarkedSentence> ms;
  std::vector<size_t> serial;
  for (const char* s : kSentences) {
    ms.push_back(ParseMarked(s));
    serial.push_back(c->CodeSentence(ms.back().text, ms.back().sentence, 0, ms.back().mentions, Date{}).size());
  }
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 500; ++round)
        for (size_t i = 0; i < ms.size(); ++i)
          if (c->CodeSentence(ms[i].text, ms[i].sentence, 0, ms[i].mentions, Date{}).size() != serial[i]) ++mismatches;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace dyad::coder
