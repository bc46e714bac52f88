#include "common/utf8.h"

#include <gtest/gtest.h>

#include "common/hash.h"
#include "dyad/status.h"

namespace dyad {
namespace {

TEST(Utf8Test, FindsTheFirstInvalidSequence) {
  EXPECT_TRUE(utf8::IsValid("plain ASCII"));
  EXPECT_TRUE(utf8::IsValid("Kyiv \xE2\x80\x94 \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x98\x80"));
  EXPECT_EQ(utf8::FindInvalid("ab\xC3\x28"), 2u);          // bad continuation
  EXPECT_EQ(utf8::FindInvalid("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(utf8::FindInvalid("\xED\xA0\x80"), 0u);        // surrogate
  EXPECT_EQ(utf8::FindInvalid("x\xF4\x90\x80\x80"), 1u);   // above U+10FFFF
  EXPECT_EQ(utf8::FindInvalid("abc\xE2\x80"), 3u);         // truncated
  EXPECT_EQ(utf8::FindInvalid("\xFF"), 0u);
}

TEST(Utf8Test, DecodesAndEncodes) {
  std::string s;
  for (uint32_t cp : {0x41u, 0xE9u, 0x2014u, 0x1F600u}) utf8::Append(&s, cp);
  EXPECT_EQ(s, "A\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80");
  int len = 0;
  EXPECT_EQ(utf8::Decode(s, 3, &len), 0x2014u);
  EXPECT_EQ(len, 3);
}

TEST(Utf8Test, TellsBinaryFromText) {
  EXPECT_FALSE(utf8::LooksBinary("date 2024-01-01\nText.\r\n\tMore."));
  EXPECT_TRUE(utf8::LooksBinary(std::string("abc\0def", 7)));
  EXPECT_TRUE(utf8::LooksBinary("\x01\x02\x03\x04 text"));
}

TEST(HashTest, StableValuesAndHex) {
  EXPECT_EQ(Hex64(0), "0000000000000000");
  EXPECT_EQ(Hex64(0xDEADBEEFull), "00000000deadbeef");
  // Saved ids depend on these values: a change here needs a store migration.
  EXPECT_EQ(Hex64(Hash64("dyad")), Hex64(Hash64("dyad")));
  EXPECT_EQ(Hex64(Hash64("")), "2d06800538d394c2");
  EXPECT_NE(Hash64("a"), Hash64("b"));
}

TEST(StatusTest, ResultCarriesValueOrError) {
  Result<int> ok = 3;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  Result<int> bad = Status::NotFound("x.tsv");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(), "NotFound: x.tsv");
  EXPECT_EQ(Status().ToString(), "OK");
}

}  // namespace
}  // namespace dyad
