#include "evaluation/coder_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dyad::evaluation {
namespace {

// A stand-in engine whose output is fixed per sentence text: the scores can be
// worked out by hand.
class FixedEngine final : public Engine {
 public:
  CodedArticle Code(const Article& a) const override {
    CodedArticle c;
    c.sentences.push_back({0, {0, static_cast<uint32_t>(a.text.size())}, false});
    auto add = [&](const char* s, const char* t, const char* code, bool hypothetical = false) {
      Event e;
      e.source.code = s;
      e.target.code = t;
      e.code = code;
      e.sentence = {0, static_cast<uint32_t>(a.text.size())};
      e.hypothetical = hypothetical;
      c.events.push_back(e);
    };
    if (a.text == "A") {           // gold: USAGOV>ISRGOV 130
      add("USAGOV", "ISRGOV", "130");
    } else if (a.text == "B") {    // gold: RUSMIL>UKR 190, RUS>UKR 111
      add("RUS", "UKR", "193");    // root match, not full
      add("UKR", "RUS", "111");    // wrong direction
    } else if (a.text == "C") {    // gold: none
      add("IRN", "ISR", "138", /*hypothetical=*/true);  // not counted
      add("IRN", "ISR", "112");                         // a false positive
    }
    return c;
  }
  RunInfo versions() const override { return {}; }
  const std::string& data_dir() const override { return dir_; }

 private:
  std::string dir_;
};

std::string WriteGold(const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("gold_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(p) << content;
  return p.string();
}

TEST(CoderEvalTest, ScoresAtThreeLevels) {
  std::string path = WriteGold(
      "{\"id\": \"a\", \"date\": \"2024-03-22\", \"text\": \"A\", \"events\": [{\"source\": \"USAGOV\", \"target\": "
      "\"ISRGOV\", \"code\": \"130\"}], \"tags\": [\"t1\"], \"split\": \"dev\"}\n"
      "{\"id\": \"b\", \"date\": \"2022-02-24\", \"text\": \"B\", \"events\": [{\"source\": \"RUSMIL\", \"target\": "
      "\"UKR\", \"code\": \"190\"}, {\"source\": \"RUS\", \"target\": \"UKR\", \"code\": \"111\"}], \"split\": \"test\"}\n"
      "\n"
      "{\"id\": \"c\", \"date\": \"2024-04-01\", \"text\": \"C\", \"events\": [], \"split\": \"test\"}\n");
  auto gold = LoadGold(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_EQ(gold->size(), 3u);
  FixedEngine engine;
  EvalReport r = Evaluate(engine, *gold, {});
  EXPECT_EQ(r.sentences, 3u);
  EXPECT_EQ(r.gold_events, 3u);
  EXPECT_EQ(r.predicted_events, 4u);
  // root level: A matches; B: (19,RUS,UKR) matches, (11,UKR,RUS) vs (11,RUS,UKR) does not; C: one fp.
  EXPECT_EQ(r.root.tp, 2);
  EXPECT_EQ(r.root.fp, 2);
  EXPECT_EQ(r.root.fn, 1);
  // full level: only A.
  EXPECT_EQ(r.full.tp, 1);
  EXPECT_EQ(r.full.fp, 3);
  EXPECT_EQ(r.full.fn, 2);
  // actors alone: A; B's (RUS,UKR) matches the gold (RUS,UKR) of 111.
  EXPECT_EQ(r.actors.tp, 2);
  EXPECT_NEAR(r.root.precision(), 0.5, 1e-9);
  EXPECT_NEAR(r.root.recall(), 2.0 / 3, 1e-9);
  EXPECT_EQ(r.root_by_gold_root["13"].tp, 1);
  EXPECT_EQ(r.root_by_gold_root["11"].fn, 1);
  EXPECT_EQ(r.root_by_tag["t1"].tp, 1);
  EXPECT_FALSE(r.confusions.empty());

  EvalReport dev = Evaluate(engine, *gold, {.split = "dev"});
  EXPECT_EQ(dev.sentences, 1u);
}

TEST(CoderEvalTest, LoaderNamesFileAndLine) {
  std::string path = WriteGold("{\"date\": \"2024-01-01\", \"text\": \"x\", \"events\": []}\n{\"text\": 3}\n");
  auto gold = LoadGold(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(gold.ok());
  EXPECT_NE(gold.status().message().find(":2: "), std::string::npos) << gold.status().message();
  EXPECT_EQ(LoadGold("/nonexistent/gold.jsonl").status().code(), StatusCode::kNotFound);
}

}  // namespace
TEST(CoderEvalTest, SplitsSeparatedByCommas) {
  EXPECT_TRUE(InSplits("", "holdout6"));
  EXPECT_TRUE(InSplits("dev", "dev"));
  EXPECT_TRUE(InSplits("dev,test,holdout5", "test"));
  EXPECT_TRUE(InSplits("dev,test,holdout5", "holdout5"));
  EXPECT_FALSE(InSplits("dev,test,holdout5", "holdout"));
  EXPECT_FALSE(InSplits("dev,test", "holdout6"));
  EXPECT_FALSE(InSplits("dev,", "test"));
}

}  // namespace dyad::evaluation
