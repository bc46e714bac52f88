#include "export/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace dyad::exporting {
namespace {

Event Sample() {
  Event e;
  e.article_id = "0123456789abcdef";
  e.article_url = "https://example.org/a";
  e.date = Date::Parse("2024-03-22").value();
  e.sentence_index = 0;
  e.sentence = {0, 40};
  e.sentence_text = "Blinken warned Netanyahu, \"again\".";
  e.source = {"USAGOV", "USA", "GOV", "Antony Blinken", "persons.tsv:3", {0, 7}, "Blinken"};
  e.target = {"ISRGOV", "ISR", "GOV", "Benjamin Netanyahu", "persons.tsv:9", {15, 24}, "Netanyahu"};
  e.code = "130";
  e.root = "13";
  e.plover_type = "THREATEN";
  e.goldstein = -4.4;
  e.quad_class = QuadClass::kVerbalConflict;
  e.confidence = 0.8;
  e.trigger = {8, 14};
  e.trigger_text = "warned";
  e.pattern = "warn TARGET";
  return e;
}

TEST(ExportTest, CsvHeaderAndRowHaveTheDocumentedColumns) {
  std::ostringstream out;
  EventWriter w(out, Format::kCsv);
  w.WriteHeader();
  w.Write(Sample());
  std::string text = out.str();
  std::string header = text.substr(0, text.find('\n'));
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), static_cast<long>(TableColumns().size() - 1));
  EXPECT_NE(text.find(",20240322,202403,2024,2024.2213,USAGOV,Antony Blinken,USA,,GOV,ISRGOV,"), std::string::npos)
      << text;
  // The sentence holds a comma and quotes: RFC 4180 quoting.
  EXPECT_NE(text.find("\"Blinken warned Netanyahu, \"\"again\"\".\""), std::string::npos) << text;
  EXPECT_NE(text.find(",130,130,13,3,-4.4,1,https://example.org/a,"), std::string::npos) << text;
}

TEST(ExportTest, TsvReplacesTabsAndNewlines) {
  Event e = Sample();
  e.sentence_text = "a\tb\nc";
  std::ostringstream out;
  EventWriter(out, Format::kTsv).Write(e);
  const std::string row = out.str();
  EXPECT_NE(row.find("\ta b c\t"), std::string::npos);
  EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), static_cast<long>(TableColumns().size() - 1));
}

TEST(ExportTest, JsonLinesArePloverShaped) {
  std::ostringstream out;
  EventWriter(out, Format::kJsonl, {"dyad-coder test", "CAMEO; PLOVER 0.8"}).Write(Sample());
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["id"], EventId(Sample()));
  EXPECT_EQ(j["date"], "2024-03-22");
  EXPECT_EQ(j["actor"][0]["code"], "USA");
  EXPECT_EQ(j["actor"][0]["cameo"], "USAGOV");
  EXPECT_EQ(j["recipient"][0]["entity_text"], "Netanyahu");
  EXPECT_EQ(j["event"][0], "THREATEN");
  EXPECT_EQ(j["quad_code"], 3);
  EXPECT_EQ(j["cameo"]["code"], "130");
  EXPECT_EQ(j["cite_info"]["coder"], "dyad-coder test");
  EXPECT_FALSE(j.contains("negated"));
}

TEST(ExportTest, EventIdDependsOnWhatTheEventIs) {
  Event a = Sample(), b = Sample();
  EXPECT_EQ(EventId(a), EventId(b));
  b.code = "131";
  EXPECT_NE(EventId(a), EventId(b));
  EXPECT_FALSE(ParseFormat("parquet").ok());
}

}  // namespace
}  // namespace dyad::exporting
