// The GDELT 2.0 and ICEWS exports: column counts, order and the values that
// land in each named column.
#include <gtest/gtest.h>

#include <sstream>

#include "export/export.h"

namespace dyad::exporting {
namespace {

Event Sample() {
  Event e;
  e.article_id = "0123456789abcdef";
  e.article_url = "https://example.org/a";
  e.date = Date::Parse("2024-03-22").value();
  e.sentence_index = 2;
  e.sentence_text = "Blinken\twarned Netanyahu.";
  e.source = {"USAGOV", "USA", "GOV", "Antony Blinken", "persons.tsv:3", {0, 7}, "Blinken"};
  e.target = {"IGOUNO", "", "", "", "organizations.tsv:1", {15, 24}, "UN"};
  e.code = "0233";
  e.root = "02";
  e.goldstein = 3.4;
  e.quad_class = QuadClass::kVerbalCooperation;
  e.confidence = 0.8;
  e.mentions = 2;
  return e;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t t = line.find('\t', b);
    out.push_back(line.substr(b, t == std::string::npos ? std::string::npos : t - b));
    if (t == std::string::npos) return out;
    b = t + 1;
  }
}

// The value of the named column of a split row.
std::string Col(const std::vector<std::string>& row, const std::vector<std::string_view>& cols, std::string_view name) {
  for (size_t i = 0; i < cols.size(); ++i) {
    if (cols[i] == name) return row.at(i);
  }
  ADD_FAILURE() << "no column " << name;
  return "";
}

TEST(GdeltExportTest, SixtyOneColumnsInOrderNoHeader) {
  const auto& cols = GdeltColumns();
  ASSERT_EQ(cols.size(), 61u);
  EXPECT_EQ(cols[0], "GLOBALEVENTID");
  EXPECT_EQ(cols[5], "Actor1Code");
  EXPECT_EQ(cols[15], "Actor2Code");
  EXPECT_EQ(cols[25], "IsRootEvent");
  EXPECT_EQ(cols[26], "EventCode");
  EXPECT_EQ(cols[34], "AvgTone");
  EXPECT_EQ(cols[35], "Actor1Geo_Type");
  EXPECT_EQ(cols[51], "ActionGeo_Type");
  EXPECT_EQ(cols[59], "DATEADDED");
  EXPECT_EQ(cols[60], "SOURCEURL");

  std::ostringstream out;
  EventWriter w(out, Format::kGdelt);
  w.WriteHeader();  // nothing: GDELT files have no header
  w.Write(Sample());
  std::string text = out.str();
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  auto row = SplitTabs(text.substr(0, text.size() - 1));
  ASSERT_EQ(row.size(), 61u);
  EXPECT_EQ(Col(row, cols, "GLOBALEVENTID"), NumericEventId(Sample()));
  EXPECT_TRUE(std::all_of(row[0].begin(), row[0].end(), [](char c) { return c >= '0' && c <= '9'; }));
  EXPECT_EQ(Col(row, cols, "SQLDATE"), "20240322");
  EXPECT_EQ(Col(row, cols, "MonthYear"), "202403");
  EXPECT_EQ(Col(row, cols, "Actor1Code"), "USAGOV");
  EXPECT_EQ(Col(row, cols, "Actor1Name"), "Antony Blinken");
  EXPECT_EQ(Col(row, cols, "Actor1CountryCode"), "USA");
  EXPECT_EQ(Col(row, cols, "Actor1Type1Code"), "GOV");
  EXPECT_EQ(Col(row, cols, "Actor1Type2Code"), "");
  EXPECT_EQ(Col(row, cols, "Actor2Code"), "IGOUNO");
  EXPECT_EQ(Col(row, cols, "Actor2CountryCode"), "");
  EXPECT_EQ(Col(row, cols, "Actor2KnownGroupCode"), "UNO");
  EXPECT_EQ(Col(row, cols, "IsRootEvent"), "0");
  EXPECT_EQ(Col(row, cols, "EventCode"), "0233");  // leading zero kept
  EXPECT_EQ(Col(row, cols, "EventBaseCode"), "023");
  EXPECT_EQ(Col(row, cols, "EventRootCode"), "02");
  EXPECT_EQ(Col(row, cols, "QuadClass"), "1");
  EXPECT_EQ(Col(row, cols, "GoldsteinScale"), "3.4");
  EXPECT_EQ(Col(row, cols, "NumMentions"), "2");
  EXPECT_EQ(Col(row, cols, "NumArticles"), "1");
  EXPECT_EQ(Col(row, cols, "AvgTone"), "");
  EXPECT_EQ(Col(row, cols, "ActionGeo_Lat"), "");
  EXPECT_EQ(Col(row, cols, "DATEADDED"), "20240322000000");
  EXPECT_EQ(Col(row, cols, "SOURCEURL"), "https://example.org/a");
}

TEST(IcewsExportTest, TwentyColumnsWithHeader) {
  const auto& cols = IcewsColumns();
  ASSERT_EQ(cols.size(), 20u);
  EXPECT_EQ(cols[0], "Event ID");
  EXPECT_EQ(cols[6], "CAMEO Code");
  EXPECT_EQ(cols[19], "Longitude");
  std::ostringstream out;
  WriterInfo info;
  info.event_text = [](std::string_view code) { return code == "0233" ? std::string("Appeal for humanitarian aid") : ""; };
  info.country_name = [](std::string_view c) { return c == "USA" ? std::string("United States") : ""; };
  EventWriter w(out, Format::kIcews, info);
  w.WriteHeader();
  Event e = Sample();
  w.Write(e);
  e.source.name = "";  // no dictionary name: sector (country)
  w.Write(e);
  std::istringstream in(out.str());
  std::string header, line1, line2;
  std::getline(in, header);
  std::getline(in, line1);
  std::getline(in, line2);
  auto h = SplitTabs(header);
  ASSERT_EQ(h.size(), 20u);
  for (size_t i = 0; i < h.size(); ++i) EXPECT_EQ(h[i], cols[i]);
  auto row = SplitTabs(line1);
  ASSERT_EQ(row.size(), 20u);
  EXPECT_EQ(Col(row, cols, "Event Date"), "2024-03-22");
  EXPECT_EQ(Col(row, cols, "Source Name"), "Antony Blinken");
  EXPECT_EQ(Col(row, cols, "Source Sectors"), "Government");
  EXPECT_EQ(Col(row, cols, "Source Country"), "United States");
  EXPECT_EQ(Col(row, cols, "Event Text"), "Appeal for humanitarian aid");
  EXPECT_EQ(Col(row, cols, "CAMEO Code"), "0233");
  EXPECT_EQ(Col(row, cols, "Intensity"), "3.4");
  EXPECT_EQ(Col(row, cols, "Target Country"), "");
  EXPECT_EQ(Col(row, cols, "Story ID"), "0123456789abcdef");
  EXPECT_EQ(Col(row, cols, "Sentence Number"), "3");
  auto row2 = SplitTabs(line2);
  ASSERT_EQ(row2.size(), 20u);
  EXPECT_EQ(Col(row2, cols, "Source Name"), "Government (United States)");
}

TEST(ExportFormatTest, ParsesTheNewNames) {
  EXPECT_EQ(ParseFormat("gdelt").value(), Format::kGdelt);
  EXPECT_EQ(ParseFormat("icews").value(), Format::kIcews);
  EXPECT_FALSE(ParseFormat("xml").ok());
}

}  // namespace
}  // namespace dyad::exporting
