// End to end: the example article through text -> actors (the real recogniser
// and data/actors) -> coder, via the Engine. Checks the events the article must
// give; actor codes are compared by their country or organisation prefix so
// that dictionary refinements (USA vs USAGOV for "Washington") do not break it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dyad/engine.h"

namespace dyad {
namespace {

TEST(Pipeline, RafahExampleGivesTheExpectedEvents) {
  auto engine = Engine::Create({.data_dir = DYAD_DATA_DIR});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/examples/rafah-2024-03-22.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  Article a;
  a.text = ss.str();
  if (a.text.rfind("date ", 0) == 0) a.text = a.text.substr(16);
  ASSERT_FALSE(a.text.empty());
  a.date = Date::FromYmd(2024, 3, 22);
  a.id = "rafah";
  CodedArticle coded = engine.value()->Code(a);

  std::string all;
  for (const auto& e : coded.events)
    all += "\n  " + e.source.code + " " + e.target.code + " " + e.code + " [" + e.trigger_text + "]";
  auto has = [&](const std::string& src, const std::string& tgt, const std::string& code) {
    for (const auto& e : coded.events)
      if (e.source.code.rfind(src, 0) == 0 && e.target.code.rfind(tgt, 0) == 0 && e.code == code &&
          (!tgt.empty() || e.target.code.empty()))
        return true;
    return false;
  };
  EXPECT_TRUE(has("ISRGOV", "USAGOV", "040")) << all;  // during their meeting in Tel Aviv
  EXPECT_TRUE(has("ISRGOV", "USAGOV", "051")) << all;  // Netanyahu thanked Blinken
  EXPECT_TRUE(has("USAGOV", "ISRGOV", "130")) << all;  // Blinken warned him
  EXPECT_TRUE(has("USA", "ISR", "0255")) << all;       // urged Israel to ... let more aid in
  EXPECT_TRUE(has("ISR", "PSE", "1384")) << all;       // would send ground forces into Rafah
  EXPECT_TRUE(has("IGOEU", "", "0256")) << all;        // called on both sides to pause hostilities
  EXPECT_TRUE(has("IGOUNOHLHWHO", "PSE", "0233")) << all;  // appealed for more aid deliveries to Gaza
  EXPECT_TRUE(has("USA", "IGOUNO", "022")) << all;     // pressing the Security Council to back a resolution
  EXPECT_TRUE(has("QAT", "ISR", "045")) << all;        // continue to mediate talks between Israel and Hamas
  for (const auto& e : coded.events) {
    EXPECT_EQ(e.article_id, "rafah");
    EXPECT_FALSE(e.pattern.empty());
    EXPECT_NE(e.code, "010");
  }
  EXPECT_LE(coded.events.size(), 20u) << all;
}

// Codes one article of plain-text sentences (separated by blank lines) with the shipped data.
CodedArticle CodeText(const std::string& id, Date date, const std::string& text) {
  static auto engine = Engine::Create({.data_dir = DYAD_DATA_DIR});
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  Article a;
  a.id = id;
  a.date = date;
  a.text = text;
  return engine.ok() ? engine.value()->Code(a) : CodedArticle{};
}

// One line per event, "sentence source target code", for failure messages.
std::string Listing(const CodedArticle& coded) {
  std::string all;
  for (const auto& e : coded.events)
    all += "\n  " + std::to_string(e.sentence_index) + " " + e.source.code + " " + e.target.code + " " + e.code;
  return all;
}

// Agent words take a country from coreference; a sanction's target whose country came
// only from the sanctioning state itself is not known, a domestic target keeps it.
TEST(Pipeline, SanctionedAgentsTakeNoCountryFromTheSanctioningState) {
  CodedArticle coded = CodeText("generals", Date::FromYmd(2021, 2, 10),
                                "Britain froze the assets of three generals.\n\nThe protesters in Minsk demanded the "
                                "resignation of the government.");
  const std::string all = Listing(coded);
  for (const auto& e : coded.events) EXPECT_NE(e.target.code, "GBRMIL") << all;
  bool domestic = false;
  for (const auto& e : coded.events) domestic |= e.source.code == "BLRCVL" && e.target.code == "BLRGOV";
  EXPECT_TRUE(domestic) << all;
}

// A reaction to "the attack" of an earlier sentence is aimed at whoever carried it out; "an
// attack" is another one, and the victim behind "on" is never the target.
TEST(Pipeline, ReactionsToAnEarlierActTargetItsDoer) {
  CodedArticle coded = CodeText("consulate", Date::FromYmd(2024, 4, 2),
                                "Israeli jets struck the Iranian consulate in Damascus on Monday.\n\n"
                                "Russia condemned the attack as a gross violation of international law.\n\n"
                                "China condemned an attack on its embassy in Kabul.");
  const std::string all = Listing(coded);
  bool reaction = false;
  for (const auto& e : coded.events) {
    reaction |= e.sentence_index == 1 && e.source.code == "RUS" && e.target.code == "ISRMIL" && e.code == "111";
    EXPECT_FALSE(e.sentence_index == 2 && e.code == "111") << all;  // no doer named, no victim as target
  }
  EXPECT_TRUE(reaction) << all;
}

// "The two leaders" are the two sides of the sentence before; a lone attacker of no stated
// country is a civilian of the country attacked; "Judges at the International Criminal Court"
// are the court; "NATO-led peacekeepers" are NATO's.
TEST(Pipeline, PairsLoneAttackersAndOrganisationsOfTheirAgents) {
  CodedArticle coded = CodeText(
      "pairs", Date::FromYmd(2023, 5, 29),
      "Egyptian President Abdel Fattah al-Sisi received Kenyan President William Ruto in Cairo.\n\n"
      "The two leaders signed a defence cooperation agreement.\n\n"
      "A man threw an explosive device at Japanese Prime Minister Fumio Kishida in Wakayama.\n\n"
      "Judges at the International Criminal Court authorised an investigation into war crimes in Ukraine.\n\n"
      "Protesters clashed with NATO-led peacekeepers in northern Kosovo.");
  const std::string all = Listing(coded);
  auto has = [&](uint32_t s, const std::string& src, const std::string& tgt, const std::string& code) {
    for (const auto& e : coded.events)
      if (e.sentence_index == s && e.source.code.rfind(src, 0) == 0 && e.target.code.rfind(tgt, 0) == 0 &&
          e.code == code)
        return true;
    return false;
  };
  EXPECT_TRUE(has(1, "EGY", "KEN", "057")) << all;
  EXPECT_TRUE(has(1, "KEN", "EGY", "057")) << all;
  EXPECT_TRUE(has(2, "JPNCVL", "JPNGOV", "185")) << all;
  EXPECT_TRUE(has(3, "IGOJUDICC", "UKR", "094")) << all;
  bool nato = false;
  for (const auto& e : coded.events) nato |= e.sentence_index == 4 && e.target.code == "IGOWSTNAT";
  EXPECT_TRUE(nato) << all;
}

}  // namespace
}  // namespace dyad
