#include "forecast/tkg.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::forecast {
namespace {

TEST(ParseQuadruples, ReadsFieldsAndIgnoresExtraColumns) {
  auto q = ParseQuadruples("0\t1\t2\t5\t0\n3 0 1 7\n", "x", 4, 2);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_EQ(q->size(), 2u);
  EXPECT_EQ((*q)[0], (Quad{0, 1, 2, 5}));
  EXPECT_EQ((*q)[1], (Quad{3, 0, 1, 7}));
}

TEST(ParseQuadruples, RejectsMalformedLinesNamingTheLine) {
  struct Case {
    const char* text;
    const char* needle;
  } cases[] = {
      {"0 0 1 1\n0 0 1\n", "line 2: expected 4 fields"},
      {"0 0 x 1\n", "line 1: object is not an integer"},
      {"0 0 9 1\n", "line 1: entity id out of range"},
      {"0 5 1 1\n", "line 1: relation id out of range"},
      {"0 0 1 -3\n", "line 1: time out of range"},
      {"0 0 1 1\n\n0 0 1 2\n", "line 2: expected 4 fields"},
      {"0 0 1 99999999999999999999\n", "line 1: time is not an integer"},
  };
  for (const Case& c : cases) {
    auto q = ParseQuadruples(c.text, "train.txt", 4, 2);
    ASSERT_FALSE(q.ok()) << c.text;
    EXPECT_EQ(q.status().code(), StatusCode::kDataError);
    EXPECT_NE(q.status().message().find(std::string("train.txt ") + c.needle), std::string::npos)
        << q.status().message();
  }
}

TEST(ParseQuadruples, RejectsBinaryData) {
  const std::string text("0 0 1 1\n0 0\0 1 2\n", 16);
  auto q = ParseQuadruples(text, "train.txt", 4, 2);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("train.txt line 2: binary data"), std::string::npos) << q.status().message();
}

TEST(ParseIdMap, NeedsDenseIds) {
  auto ok = ParseIdMap("b\t1\na b\t0\n", "e.txt");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)[0], "a b");
  EXPECT_EQ((*ok)[1], "b");
  EXPECT_FALSE(ParseIdMap("a\t0\nb\t2\n", "e.txt").ok());
  EXPECT_FALSE(ParseIdMap("a\t0\nb\t0\n", "e.txt").ok());
  auto bad = ParseIdMap("a 0\n", "e.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("e.txt line 1"), std::string::npos);
}

TEST(LoadTkgDataset, LoadsTinyDataset) {
  auto d = LoadTkgDataset(DYAD_TEST_DATA_DIR "/forecast/tiny");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->num_entities, 4);
  EXPECT_EQ(d->num_relations, 2);
  EXPECT_EQ(d->time_step, 1);
  EXPECT_EQ(d->entity_names[2], "C");
  EXPECT_EQ(d->relation_names[1], "threaten");
  EXPECT_EQ(d->train.size(), 2u);
  EXPECT_EQ(d->test.size(), 2u);
}

TEST(LoadTkgDataset, DividesHoursIntoDays) {
  auto d = LoadTkgDataset(DYAD_TEST_DATA_DIR "/forecast/hours");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->time_step, 24);
  EXPECT_EQ(d->train[1].time, 1);
  EXPECT_EQ(d->test[0].time, 3);
}

TEST(LoadTkgDataset, MissingDirectoryAndFiles) {
  EXPECT_EQ(LoadTkgDataset("/nonexistent/tkg").status().code(), StatusCode::kNotFound);
  auto d = LoadTkgDataset(DYAD_TEST_DATA_DIR "/forecast");  // no split files there
  EXPECT_FALSE(d.ok());
}

}  // namespace
}  // namespace dyad::forecast
