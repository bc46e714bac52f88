// Hyphenated compounds: "<country>-led", "-flagged", "-owned", "-registered"
// make the country an actor; other compounds ("-backed", "-made", "pro-")
// only modify. An armed group or IGO before "-led", "-linked", "-affiliated" or
// "-aligned" is the actor of the agent word after it. The country part keeps its own case rule ("U.S.-led", not "us-led").
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
         "IRN\tIran\tIran\tIranian|Iranians\tTehran\n"
         "RUS\tRussia\tRussia\tRussian|Russians\tMoscow\n"},
        {"agents.tsv",
         "agent\talone\tplace\tphrases\nMIL\ty\tn\ttroops|forces|peacekeepers\nREB\ty\ty\tmilitias\n"
         "INS\ty\ty\tinsurgents\nUAF\ty\ty\thackers\n"},
        {"organizations.tsv",
         "code\tkind\tstart\tend\tname\taliases\nIRQREB\tarmed\t-\t-\tKH\tKataib Hezbollah\n"
         "IGOWSTNAT\tigo\t-\t-\tNATO\tNATO\nIMGMUS\tarmed\t-\t-\tIslamic State\tIslamic State\n"},
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

TEST_F(CompoundTest, ArmedGroupsAndIgosComposeAsTheActor) {
  // An armed group or an IGO before "-led", "-linked", "-affiliated" or "-aligned" is the actor
  // of the agent word after it (the group acts through them).
  EXPECT_EQ(Codes("Kataib Hezbollah-led militias"), V({"Kataib Hezbollah-led militias => IRQREB"}));
  EXPECT_EQ(Codes("NATO-led peacekeepers"), V({"NATO-led peacekeepers => IGOWSTNAT"}));
  EXPECT_EQ(Codes("Islamic State-linked insurgents"), V({"Islamic State-linked insurgents => IMGMUS"}));
}

TEST_F(CompoundTest, LinkedOrAlignedCountriesAreNoActors) {
  // "Russian-linked hackers", "Iran-aligned militias" are not Russia's or Iran's own.
  EXPECT_EQ(Codes("Russian-linked hackers attacked"), V({"hackers => ---UAF"}));
  EXPECT_EQ(Codes("American-led troops"), V({"American-led troops => USAMIL"}));
}

}  // namespace
}  // namespace dyad::actors
