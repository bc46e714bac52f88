// End-to-end runs of the analysis subcommands and the new export formats over
// the example articles (examples/articles, copied from tests/data/corpus).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/run_cli.h"

namespace {

namespace fs = std::filesystem;

using dyad::testing::RunResult;

class AnalysisCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("dyad_analysis_cli_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const std::string examples = std::string(DYAD_TEST_DATA_DIR) + "/../../examples/articles";
    RunResult r = Dyad("ingest " + examples + " --db " + Db());
    ASSERT_EQ(r.code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Db() { return (*dir_ / "ex.db").string(); }

  static RunResult Dyad(const std::string& args) { return dyad::testing::RunDyad(args, *dir_); }

  static std::vector<std::string> Lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
  }

  static fs::path* dir_;
};
fs::path* AnalysisCliTest::dir_ = nullptr;

TEST_F(AnalysisCliTest, TimelineOfUsIsraelShowsBidensVisitAsCooperation) {
  RunResult r = Dyad("timeline USA ISR --period month --format csv --db " + Db());
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = Lines(r.out);
  ASSERT_GT(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("period,source,target,events,verbal_cooperation,", 0), 0u);
  bool found = false;
  for (const auto& l : lines) {
    if (l.rfind("2023-10,USA,ISR,", 0) == 0) {
      found = true;
      // events > 0, and no conflict: the wartime visit of 18 October 2023.
      std::vector<std::string> f;
      std::stringstream ss(l);
      for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
      EXPECT_GT(std::stoi(f[3]), 0);
      EXPECT_EQ(f[6], "0");
      EXPECT_EQ(f[7], "0");
    }
  }
  EXPECT_TRUE(found) << r.out;
}

TEST_F(AnalysisCliTest, JsonOutputsAndPictures) {
  RunResult t = Dyad("timeline ISR --period week --normalize --format json --db " + Db() + " --plot " +
                     (*dir_ / "t.png").string());
  ASSERT_EQ(t.code, 0) << t.err;
  auto j = nlohmann::json::parse(t.out);
  EXPECT_EQ(j["series"][0]["source"], "ISR");
  EXPECT_EQ(j["series"][0]["target"], "*");
  EXPECT_TRUE(j["series"][0]["buckets"][0].contains("share"));
  EXPECT_GT(fs::file_size(*dir_ / "t.png"), 1000u);

  RunResult s = Dyad("shifts USA ISR --format json --db " + Db());
  ASSERT_EQ(s.code, 0) << s.err;
  auto js = nlohmann::json::parse(s.out);
  EXPECT_EQ(js["parameters"]["method"], "cusum");
  EXPECT_EQ(js["parameters"]["threshold"], 5.0);
  EXPECT_NE(js["method"].get<std::string>().find("CUSUM"), std::string::npos);

  RunResult a = Dyad("actors --by conflict --level country --format json --db " + Db());
  ASSERT_EQ(a.code, 0) << a.err;
  auto ja = nlohmann::json::parse(a.out);
  ASSERT_FALSE(ja["rows"].empty());
  EXPECT_GE(ja["rows"][0]["conflict"].get<int>(), ja["rows"].back()["conflict"].get<int>());
}

TEST_F(AnalysisCliTest, NetworkFormats) {
  for (const char* f : {"graphml", "gexf", "dot", "csv"}) {
    RunResult r = Dyad(std::string("network --level country --format ") + f + " --db " + Db());
    ASSERT_EQ(r.code, 0) << f << ": " << r.err;
    EXPECT_NE(r.out.find("USA"), std::string::npos) << f;
  }
  RunResult p = Dyad("network --format csv --db " + Db() + " --plot " + (*dir_ / "n.svg").string());
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_GT(fs::file_size(*dir_ / "n.svg"), 1000u);
}

TEST_F(AnalysisCliTest, ExportGdeltAndIcewsColumns) {
  RunResult g = Dyad("export --format gdelt --db " + Db());
  ASSERT_EQ(g.code, 0) << g.err;
  auto lines = Lines(g.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].rfind("GLOBALEVENTID", 0), std::string::npos);  // no header
  for (const auto& l : lines) EXPECT_EQ(std::count(l.begin(), l.end(), '\t'), 60) << l;
  RunResult i = Dyad("export --format icews --db " + Db());
  ASSERT_EQ(i.code, 0) << i.err;
  auto il = Lines(i.out);
  ASSERT_GT(il.size(), 1u);
  EXPECT_EQ(il[0].rfind("Event ID\tEvent Date\tSource Name\t", 0), 0u);
  for (const auto& l : il) EXPECT_EQ(std::count(l.begin(), l.end(), '\t'), 19) << l;
}

TEST_F(AnalysisCliTest, BadPatternsAndFilesAreUsageOrIoErrors) {
  EXPECT_EQ(Dyad("timeline 'US A' ISR --db " + Db()).code, 1);
  EXPECT_EQ(Dyad("shifts USA 'ISR;' --db " + Db()).code, 1);
  EXPECT_EQ(Dyad("actors --actor 'x-y' --db " + Db()).code, 1);
  EXPECT_EQ(Dyad("timeline USA ISR --from 2024-13-01 --db " + Db()).code, 1);
  EXPECT_EQ(Dyad("timeline USA ISR --plot out.jpg --format csv --db " + Db()).code, 1);
  EXPECT_EQ(Dyad("network --db /nonexistent/x.db").code, 3);
}

}  // namespace
