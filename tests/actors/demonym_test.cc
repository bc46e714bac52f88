// Demonyms as nouns: a country's people (CVL), not the state; as adjectives
// they still compose with agent words or stay the country.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "actors/test_util.h"

namespace dyad::actors {
namespace {

class DemonymTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::map<std::string, std::string> files = {
        {"VERSION", "dyad-actors 1 test\n"},
        {"countries.tsv",
         "code\tname\taliases\tadjectives\tcapitals\n"
         "SDN\tSudan\t^Sudan\tSudanese\tKhartoum\n"
         "IRN\tIran\tIran\tIranian|Iranians\tTehran\n"
         "AFG\tAfghanistan\tAfghanistan\tAfghan|Afghans\tKabul\n"
         "CHE\tSwitzerland\tSwitzerland\tSwiss\tBern\n"
         "PRK\tNorth Korea\tNorth Korea\tNorth Korean|North Koreans\tPyongyang\n"
         "ISR\tIsrael\tIsrael\tIsraeli|Israelis\tJerusalem\n"},
        {"agents.tsv",
         "agent\talone\tplace\tphrases\nMIL\ty\tn\tarmy|troops\nGOV\ty\ty\tofficials\nREF\ty\ty\trefugees\n"},
        {"organizations.tsv", "code\tkind\tstart\tend\tname\taliases\n"},
        {"persons.tsv", "id\tname\tcountry\taliases\n"},
        {"roles.tsv", "person\tcode\tstart\tend\trole\n"},
    };
    auto d = ActorDictionary::LoadFromMemory(files);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    dict_ = new ActorDictionary(std::move(*d));
  }
  static void TearDownTestSuite() {
    delete dict_;
    dict_ = nullptr;
  }
  static std::vector<std::string> Codes(const std::string& s) { return testing::MentionCodes(*dict_, s, "2023-05-01"); }
  static ActorDictionary* dict_;
};
ActorDictionary* DemonymTest::dict_ = nullptr;

using V = std::vector<std::string>;

TEST_F(DemonymTest, CountedPeopleAreCivilians) {
  EXPECT_EQ(Codes("Tens of thousands of Sudanese marched in Khartoum"),
            V({"Sudanese => SDNCVL", "Khartoum => SDN"}));
  EXPECT_EQ(Codes("many Sudanese have fled"), V({"Sudanese => SDNCVL"}));
  EXPECT_EQ(Codes("thousands of Sudanese banged pots"), V({"Sudanese => SDNCVL"}));
  EXPECT_EQ(Codes("two Israelis were wounded"), V({"Israelis => ISRCVL"}));
}

TEST_F(DemonymTest, PluralFormsWithoutAnArticleArePeople) {
  EXPECT_EQ(Codes("Iranians voted on Friday"), V({"Iranians => IRNCVL"}));
  EXPECT_EQ(Codes("hundreds of Afghans fled"), V({"Afghans => AFGCVL"}));
  EXPECT_EQ(Codes("North Koreans bowed"), V({"North Koreans => PRKCVL"}));
  // "the Iranians" at a negotiating table are often the government: left the country.
  EXPECT_EQ(Codes("the Iranians rejected the offer"), V({"Iranians => IRN"}));
}

TEST_F(DemonymTest, SingularPersonAfterAnArticle) {
  EXPECT_EQ(Codes("an Israeli was killed"), V({"Israeli => ISRCVL"}));
  EXPECT_EQ(Codes("an Israeli company lost"), V({"Israeli => ISR"}));
}

TEST_F(DemonymTest, AdjectivesStayTheStateOrCompose) {
  EXPECT_EQ(Codes("the Sudanese army"), V({"Sudanese army => SDNMIL"}));
  EXPECT_EQ(Codes("Sudanese officials said"), V({"Sudanese officials => SDNGOV"}));
  EXPECT_EQ(Codes("thousands of Sudanese refugees"), V({"Sudanese refugees => SDNREF"}));
  // Before a noun that is no agent the demonym is an adjective: not people.
  EXPECT_EQ(Codes("thousands of Sudanese homes"), V({"Sudanese => SDN"}));
  // Uncounted, the same form as the adjective: people only before a verb of people.
  EXPECT_EQ(Codes("Sudanese marched in Khartoum"), V({"Sudanese => SDNCVL", "Khartoum => SDN"}));
  EXPECT_EQ(Codes("the Sudanese marched"), V({"Sudanese => SDN"}));
  EXPECT_EQ(Codes("Iranian enriched uranium"), V({"Iranian => IRN"}));
  // "Swiss" ends in 's' but is no plural of a listed demonym: people only before a verb of people.
  EXPECT_EQ(Codes("Iranians rejected the plan"), V({"Iranians => IRNCVL"}));
  EXPECT_EQ(Codes("Swiss rejected the plan"), V({"Swiss => CHE"}));
  EXPECT_EQ(Codes("Swiss voted"), V({"Swiss => CHECVL"}));
}

}  // namespace
}  // namespace dyad::actors
