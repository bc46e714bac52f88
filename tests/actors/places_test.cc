// The shipped dictionary's places and groups against ordinary prose: names
// that are also English words, given names or shared places must not turn
// plain text into actors, and places left out as disputed stay out
// (data/actors/README.md, "Places"). Sentences written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors.h"
#include "support/shipped_actors.h"
#include "text/text.h"

namespace dyad::actors {
namespace {

class PlacesTest : public dyad::testing::ShippedActorsTest {
 protected:
  // "span => CODE" for every mention of every sentence of `text`.
  static std::vector<std::string> Mentions(const std::string& text) {
    ActorRecognizer rec(*dict_);
    std::vector<std::string> out;
    for (const auto& s : text::Segment(text)) {
      for (const auto& m : rec.Recognize(s, Date::FromYmd(2024, 6, 1))) {
        std::string span;
        for (uint32_t t = m.first; t < m.end; ++t) span += (t > m.first ? " " : "") + s.tokens[t].form;
        out.push_back(span + " => " + m.code);
      }
    }
    return out;
  }
};

TEST_F(PlacesTest, LowercaseWordsThatNameTownsAreNoActors) {
  // Each word here is also a town or region somewhere (Most, Split, Bled,
  // Hue, Muse, Pest, Coca, Penal, Angered, Sale, Reading, Mango, Drama ...).
  const char* const kProse[] = {
      "Most of the shoppers said the split was nice and the sale was fair.",
      "The ink bled, the hue faded and the muse left him angered.",
      "A pest ate the mango, and the coca leaves were sold at a penal price.",
      "It is easier said than to do, and the drama on the terrace was a marathon.",
      "We save more than we spend, and reading the logo took a clerk a minute.",
      "The brass band played, the cork popped and the jasper ring shone.",
      "Let us hope the turbo engine and the hydra of rumours both die down.",
      "She will say it once; the mayo and the gouda are in the fridge.",
  };
  for (const char* s : kProse) {
    EXPECT_TRUE(Mentions(s).empty()) << s << "\n  first mention: " << Mentions(s).front();
  }
}

TEST_F(PlacesTest, DisputedAndSharedPlacesAreLeftOut) {
  // Left out on purpose: the coder would otherwise give one side's code.
  const char* const kShared[] = {
      "Patrols met near Pangong Tso and on the Siachen Glacier.",
      "Ships gathered at Scarborough Shoal and Second Thomas Shoal.",
      "We sailed to Abu Musa, then drove to Halaib and Demchok.",
      "Trucks waited at Torkham and on the Allenby Bridge.",
      "Tankers slowed near the Gulf of Aden and in the southern Red Sea.",
  };
  for (const char* s : kShared) {
    EXPECT_TRUE(Mentions(s).empty()) << s << "\n  first mention: " << Mentions(s).front();
  }
}

TEST_F(PlacesTest, GivenNamesThatAreAlsoTownsAreNotPlaces) {
  EXPECT_TRUE(Mentions("Nikki, Adama and Kanye arrived late.").empty());
  EXPECT_TRUE(Mentions("George and Alexandra met Katherine and Logan.").empty());
}

TEST_F(PlacesTest, TownsStandForTheirStateOnEveryContinent) {
  EXPECT_EQ(Mentions("Barsalogho, Kismayo and Bunia were calm."),
            (std::vector<std::string>{"Barsalogho => BFA", "Kismayo => SOM", "Bunia => COD"}));
  EXPECT_EQ(Mentions("Khiam, Jableh and Tulkarem were shelled."),
            (std::vector<std::string>{"Khiam => LBN", "Jableh => SYR", "Tulkarem => PSE"}));
  EXPECT_EQ(Mentions("Laukkai, Paletwa and Zamboanga were cut off."),
            (std::vector<std::string>{"Laukkai => MMR", "Paletwa => MMR", "Zamboanga => PHL"}));
  EXPECT_EQ(Mentions("Guayaquil, Culiacan and Pont-Sonde saw new killings."),
            (std::vector<std::string>{"Guayaquil => ECU", "Culiacan => MEX", "Pont-Sonde => HTI"}));
  EXPECT_EQ(Mentions("Grindavik, Paiporta and Wajima were evacuated."),
            (std::vector<std::string>{"Grindavik => ISL", "Paiporta => ESP", "Wajima => JPN"}));
}

TEST_F(PlacesTest, OccupiedPlacesAreTheirStatesInLaw) {
  EXPECT_EQ(Mentions("Drones hit Katzrin and Ein Zivan."),
            (std::vector<std::string>{"Katzrin => SYR", "Ein Zivan => SYR"}));
  EXPECT_EQ(Mentions("He was held at Ofer prison."), (std::vector<std::string>{"Ofer prison => PSE"}));
  EXPECT_EQ(Mentions("He flew from RAF Akrotiri."), (std::vector<std::string>{"RAF Akrotiri => GBR"}));
}

TEST_F(PlacesTest, GroupsOfTheSameKindShareTheirCode) {
  EXPECT_EQ(Mentions("IS-K and the Islamic State in West Africa Province claimed the attacks."),
            (std::vector<std::string>{"IS-K => IMGMUS", "Islamic State in West Africa Province => IMGMUS"}));
  EXPECT_EQ(Mentions("The Giants Brigades and Amotekun deployed."),
            (std::vector<std::string>{"Giants Brigades => YEMUAF", "Amotekun => NGAUAF"}));
  EXPECT_EQ(Mentions("Los Viagras and Kraze Barye gunmen fought."),
            (std::vector<std::string>{"Los Viagras => MEXCRM", "Kraze Barye gunmen => HTICRM"}));
}

}  // namespace
}  // namespace dyad::actors
