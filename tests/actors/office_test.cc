// Offices named without their holder ("the Israeli prime minister") are named
// after the one person holding them on the article's date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors.h"
#include "support/shipped_actors.h"
#include "text/text.h"

namespace dyad::actors {
namespace {

class OfficeTest : public dyad::testing::ShippedActorsTest {
 protected:
  // "CODE name" of the first mention.
  static std::string First(const std::string& sentence, const std::string& date) {
    ActorRecognizer rec(*dict_);
    text::Sentence s = text::Segment(sentence).at(0);
    std::vector<ActorMention> ms = rec.Recognize(s, *Date::Parse(date));
    return ms.empty() ? "" : ms[0].code + " " + ms[0].name;
  }
};

TEST_F(OfficeTest, TheHolderOnTheDateIsNamed) {
  EXPECT_EQ(First("The Israeli prime minister spoke.", "2022-03-01"), "ISRGOV Naftali Bennett");
  EXPECT_EQ(First("The Israeli prime minister spoke.", "2024-03-01"), "ISRGOV Benjamin Netanyahu");
  EXPECT_EQ(First("The U.S. secretary of state flew in.", "2019-05-01"), "USAGOV Mike Pompeo");
  EXPECT_EQ(First("The U.S. secretary of state flew in.", "2023-05-01"), "USAGOV Antony Blinken");
  // Holders added with the 2026-11-26.5 dictionary.
  EXPECT_EQ(First("The Australian prime minister spoke.", "2020-03-01"), "AUSGOV Scott Morrison");
  EXPECT_EQ(First("The Australian prime minister spoke.", "2023-03-01"), "AUSGOV Anthony Albanese");
  EXPECT_EQ(First("The Kenyan president spoke.", "2016-03-01"), "KENGOV Uhuru Kenyatta");
  EXPECT_EQ(First("The Ghanaian president spoke.", "2019-03-01"), "GHAGOV Nana Akufo-Addo");
  EXPECT_EQ(First("The Ghanaian president spoke.", "2025-03-01"), "GHAGOV John Mahama");
}

TEST_F(OfficeTest, NoSingleHolderLeavesTheOffice) {
  // Not an exact office ("officials"), a former holder, or a date with nobody in the dictionary.
  EXPECT_EQ(First("Israeli officials spoke.", "2022-03-01"), "ISRGOV Israel (government)");
  EXPECT_EQ(First("The former Israeli prime minister spoke.", "2022-03-01"), "ISRELI Israel (government)");
  EXPECT_EQ(First("The U.S. secretary of state flew in.", "1990-05-01"), "USAGOV United States (government)");
}

}  // namespace
}  // namespace dyad::actors
