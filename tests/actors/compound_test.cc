// Hyphenated compounds: "<country>-led", "-flagged", "-owned", "-registered"
// make the country an actor; other compounds ("-backed", "-made", "pro-")
// only modify. The country part keeps its own case rule ("U.S.-led", not "us-led").
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "actors/test_util.h"

namespace dyad::actors {
namespace {

class CompoundTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::map<std::string, std::string> files = {
        {"VERSION", "dyad-actors 1 test\n"},
        {"countries.tsv",
         "code\tname\taliases\tadjectives\tcapitals\n"
         "USA\tUnited States\t=US|United States\tAmerican|Americans\tWashington\n"
         "TCD\tChad\t^Chad\tChadian\t-\n"
         "MHL\tMarshall Islands\tMarshall Islands\tMarshallese\t-\n"
         "IRN\tIran\tIran\tIranian|Iranians\tTehran\n"},
        {"agents.tsv", "agent\talone\tplace\tphrases\nMIL\ty\tn\ttroops|forces\nREB\ty\ty\tmilitias\n"},
        {"organizations.tsv", "code\tkind\tstart\tend\tname\taliases\nIRQREB\tarmed\t-\t-\tKH\tKataib Hezbollah\n"},
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
  static std::vector<std::string> Codes(const std::string& s) { return testing::MentionCodes(*dict_, s, "2020-01-01"); }
  static ActorDictionary* dict_;
};
ActorDictionary* CompoundTest::dict_ = nullptr;

using V = std::vector<std::string>;

TEST_F(CompoundTest, LedFlaggedOwnedNameTheCountry) {
  EXPECT_EQ(Codes("U.S.-led forces"), V({"U.S.-led forces => USAMIL"}));
  EXPECT_EQ(Codes("the American-led strikes"), V({"American-led => USA"}));
  EXPECT_EQ(Codes("a Marshall Islands-flagged ship"), V({"Marshall Islands-flagged => MHL"}));
  EXPECT_EQ(Codes("an Iranian-owned, Chadian-registered tanker"),
            V({"Iranian-owned => IRN", "Chadian-registered => TCD"}));
}

TEST_F(CompoundTest, OtherCompoundsOnlyModify) {
  EXPECT_EQ(Codes("Iranian-backed militias fired Iranian-made drones"), V({"militias => ---REB"}));
  EXPECT_EQ(Codes("pro-Iranian militias"), V({"militias => ---REB"}));
  EXPECT_EQ(Codes("the Iran-Chad talks"), V({}));
  EXPECT_EQ(Codes("Iran-led-ish talks"), V({}));
}

TEST_F(CompoundTest, TheCountryKeepsItsCaseRule) {
  EXPECT_EQ(Codes("us-led forces"), V({"forces => ---MIL"}));
  EXPECT_EQ(Codes("chad-led troops"), V({"troops => ---MIL"}));
  EXPECT_EQ(Codes("Chad-led troops"), V({"Chad-led troops => TCDMIL"}));
}

TEST_F(CompoundTest, AGroupIsNotACompoundCountry) {
  // Only countries, demonyms and capitals compose; a listed phrase still wins.
  EXPECT_EQ(Codes("Kataib Hezbollah-led militias"), V({"militias => ---REB"}));
}

}  // namespace
}  // namespace dyad::actors
