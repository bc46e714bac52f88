#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace dyad::ingest {
namespace {

struct Collected {
  std::vector<Article> articles;
  std::vector<Reject> rejects;
};

Collected ReadString(const std::string& content, Format format = Format::kAuto, ReadOptions options = {}) {
  Collected c;
  std::istringstream in(content);
  Status s = ReadStream(
      in, "mem", format, options,
      [&](Article&& a) {
        c.articles.push_back(std::move(a));
        return Status::Ok();
      },
      [&](const Reject& r) { c.rejects.push_back(r); });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return c;
}

TEST(DatedTextTest, ReadsHeaderOnTheSameLineOrTheNext) {
  for (std::string doc : {"date 2024-03-22 Israel said it would act.", "date 2024-03-22\n\nIsrael said it would act.\n",
                          "\xEF\xBB\xBF  date 2024-03-22T08:00:00Z\nIsrael said it would act."}) {
    auto a = ParseDatedText(doc, "f", {});
    ASSERT_TRUE(a.ok()) << doc << ": " << a.status().ToString();
    EXPECT_EQ(a->date.ToString(), "2024-03-22");
    EXPECT_EQ(a->text, "Israel said it would act.");
    EXPECT_EQ(a->id.size(), 16u);
  }
}

TEST(DatedTextTest, RejectsWithLineAndReason) {
  struct Case {
    std::string doc;
    uint64_t line;
    std::string reason;
  };
  std::vector<Case> cases = {
      {"Israel said it would act.", 1, "no 'date YYYY-MM-DD' header"},
      {"\n\ndate 2023-02-30 Text.", 3, "invalid date '2023-02-30'"},
      {"date 2024-03-22\n\n   \n", 1, "empty text"},
      {"date\nText", 1, "has no date"},
      {"", 0, "empty file"},
      {"date 2024-03-22 Line one.\nBad \xC3\x28 byte.", 2, "invalid UTF-8 at byte"},
      {std::string("date 2024-03-22 \0\0\0 text", 24), 0, "binary file"},
  };
  for (const auto& c : cases) {
    uint64_t line = 99;
    auto a = ParseDatedText(c.doc, "f", {}, &line);
    ASSERT_FALSE(a.ok()) << c.doc;
    EXPECT_EQ(a.status().code(), StatusCode::kDataError);
    EXPECT_NE(a.status().message().find(c.reason), std::string::npos) << a.status().message();
    EXPECT_EQ(line, c.line) << c.doc;
  }
}

TEST(DatedTextTest, RejectsTextOverTheLimit) {
  ReadOptions o;
  o.max_text_bytes = 10;
  auto a = ParseDatedText("date 2024-01-01 This text is longer than ten bytes.", "f", o);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("exceeds the limit"), std::string::npos);
}

TEST(JsonLinesTest, ReadsValidLinesAndReportsEachBadOne) {
  std::string doc =
      "{\"id\": \"a1\", \"date\": \"2023-10-09\", \"title\": \"T\", \"text\": \"Hamas fired rockets.\", \"url\": "
      "\"https://example.org/1\", \"source\": \"Wire\"}\n"
      "{\"date\": \"2023-10-09T14:05:00Z\", \"text\": \"Israel struck Gaza.\"}\n"
      "\n"
      "{\"date\": \"2023-10-09\", \"text\": \"cut in the mid\n"           // line 4: truncated
      "not json at all\n"                                                 // 5
      "{\"text\": \"No date here.\"}\n"                                   // 6
      "{\"date\": \"2023-10-09\", \"text\": \"   \"}\n"                   // 7
      "{\"date\": \"2023-13-09\", \"text\": \"Bad month.\"}\n"            // 8
      "[1, 2, 3]\n"                                                       // 9
      "{\"date\": \"2023-10-09\", \"text\": 42}\n"                        // 10
      "{\"date\": \"2023-10-10\", \"text\": \"Egypt mediated.\", \"id\": 7}";  // 11, no final newline
  auto c = ReadString(doc);
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0].external_id, "a1");
  EXPECT_EQ(c.articles[0].source, "Wire");
  EXPECT_EQ(c.articles[0].origin, "mem:1");
  EXPECT_EQ(c.articles[1].date.ToString(), "2023-10-09");
  EXPECT_EQ(c.articles[2].external_id, "7");
  std::vector<std::pair<uint64_t, std::string>> want = {
      {4, "malformed JSON"}, {5, "malformed JSON"}, {6, "missing field 'date'"}, {7, "empty text"},
      {8, "invalid date"},   {9, "not an object"},  {10, "field 'text' is not a string"}};
  ASSERT_EQ(c.rejects.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(c.rejects[i].line, want[i].first);
    EXPECT_NE(c.rejects[i].reason.find(want[i].second), std::string::npos) << c.rejects[i].reason;
  }
}

TEST(JsonLinesTest, AbsurdlyLongLineIsRejectedAndTheNextLineStillRead) {
  ReadOptions o;
  o.max_line_bytes = 1000;
  std::string doc = "{\"date\": \"2023-10-09\", \"text\": \"" + std::string(200000, 'x') + "\"}\n" +
                    "{\"date\": \"2023-10-09\", \"text\": \"Short.\"}\n";
  auto c = ReadString(doc, Format::kJsonLines, o);
  ASSERT_EQ(c.articles.size(), 1u);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].line, 1u);
  EXPECT_NE(c.rejects[0].reason.find("exceeds the limit of 1000"), std::string::npos);
}

TEST(JsonLinesTest, InvalidUtf8IsRejected) {
  auto c = ReadString("{\"date\": \"2023-10-09\", \"text\": \"bad \xFF byte\"}\n");
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_NE(c.rejects[0].reason.find("invalid UTF-8"), std::string::npos);
}

// Found by fuzz/jsonl_fuzz: nlohmann's parser throws on number overflow even
// when asked not to throw.
TEST(JsonLinesTest, Regression_NumberOverflowIsARejectNotACrash) {
  auto c = ReadString("[1e9103]\n{\"date\": \"2024-01-01\", \"text\": \"x\", \"n\": 1e9999}\n", Format::kJsonLines);
  ASSERT_EQ(c.rejects.size(), 2u);
  EXPECT_NE(c.rejects[0].reason.find("malformed JSON"), std::string::npos) << c.rejects[0].reason;
  EXPECT_TRUE(c.articles.empty());
}

TEST(ArticleIdTest, StableAcrossWhitespaceAndQuotesButNotSource) {
  EXPECT_EQ(ArticleId("", "Israel  said\n\"yes\"."), ArticleId("", "Israel said \xE2\x80\x9Cyes\xE2\x80\x9D."));
  EXPECT_NE(ArticleId("A", "text"), ArticleId("B", "text"));
  EXPECT_EQ(ArticleId("Wire", "Hamas fired rockets."), "13b5d30cdbdd00c6");
}

TEST(ReadPathTest, DirectoriesRecursivelyInPathOrderWithRejects) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "dyad_reader_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "b" / "c");
  std::ofstream(dir / "a.txt") << "date 2024-01-01 First.";
  std::ofstream(dir / "b" / "c" / "d.jsonl") << "{\"date\": \"2024-01-02\", \"text\": \"Second.\"}\n{bad\n";
  std::ofstream(dir / "b" / "notes.md") << "# not an article";
  std::ofstream(dir / "b" / "e.txt") << "no header";
  std::vector<Article> arts;
  std::vector<Reject> rejects;
  Status s = ReadPath(dir.string(), {},
                      [&](Article&& a) {
                        arts.push_back(std::move(a));
                        return Status::Ok();
                      },
                      [&](const Reject& r) { rejects.push_back(r); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(arts.size(), 2u);
  EXPECT_EQ(arts[0].text, "First.");
  EXPECT_EQ(arts[1].text, "Second.");
  ASSERT_EQ(rejects.size(), 3u);
  EXPECT_EQ(rejects[0].line, 2u);  // b/c/d.jsonl:2
  EXPECT_TRUE(rejects[1].origin.ends_with("e.txt"));
  EXPECT_TRUE(rejects[2].skipped);  // notes.md
  EXPECT_EQ(ReadPath((dir / "missing").string(), {}, nullptr, nullptr).code(), StatusCode::kNotFound);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad::ingest
