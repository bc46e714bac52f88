#include "dyad/date.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(DateTest, ParsesPlainDate) {
  auto d = Date::Parse("2024-03-22");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2024-03-22");
  EXPECT_EQ(d->ToYyyymmdd(), 20240322);
  EXPECT_EQ(d->weekday(), 4);  // a Friday
}

TEST(DateTest, ParsesDateTimesAndKeepsTheWrittenDay) {
  for (const char* s : {"2024-03-22T23:59:59Z", "2024-03-22 10:15", "2024-03-22T10:15:00.123+02:00",
                        "2024-03-22T01:00:00-0500"}) {
    auto d = Date::Parse(s);
    ASSERT_TRUE(d.ok()) << s << " " << d.status().ToString();
    EXPECT_EQ(d->ToString(), "2024-03-22") << s;
  }
}

TEST(DateTest, RejectsImpossibleAndMalformedDates) {
  for (const char* s : {"", "2024", "2024-02-30", "2023-02-29", "2024-13-01", "24-03-22", "2024/03/22",
                        "2024-03-22junk", "2024-03-22T25:00", "0000-01-01"}) {
    EXPECT_FALSE(Date::Parse(s).ok()) << s;
  }
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
}

TEST(DateTest, DaysSinceEpoch) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).days, 0);
  EXPECT_EQ(Date::FromYmd(2000, 3, 1).days, 11017);
  EXPECT_LT(Date::FromYmd(2015, 1, 1), Date::FromYmd(2025, 1, 1));
}

}  // namespace
}  // namespace dyad
