// End to end: events in a store, `dyad forecast --db` out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "dyad/store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string RunCommand(const std::string& cmd, int* rc) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

Event MakeEvent(const Article& a, const std::string& src, const std::string& tgt, const std::string& code) {
  Event e;
  e.article_id = a.id;
  e.date = a.date;
  e.source.code = src;
  e.target.code = tgt;
  e.code = code;
  e.root = code.substr(0, 2);
  e.confidence = 0.9;
  e.pattern = "test";
  return e;
}

TEST(ForecastCli, ForecastsFromTheStore) {
  fs::path dir = fs::temp_directory_path() / ("dyad_forecast_cli_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "e.db").string();
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    int64_t run = store.value()->BeginRun({"test", "0", "", "", "", ""}).value();
    // Israeli officials consult the US every third day; an agreement follows the next day.
    for (int d = 0; d < 60; d += 3) {
      for (int k = 0; k < 2; ++k) {
        Article a;
        a.date = Date{Date::FromYmd(2024, 1, 1).days + d + k};
        a.text = "article " + std::to_string(d) + "/" + std::to_string(k);
        a.id = ArticleId("", a.text);
        Event e = k == 0 ? MakeEvent(a, "ISRGOV", "USA", "040") : MakeEvent(a, "ISR", "USAGOV", "057");
        ASSERT_TRUE(store.value()->AddArticle(a, {{0, {0, 5}, false}}, {e}, run).ok());
      }
    }
    ASSERT_TRUE(store.value()->Commit().ok());
  }
  int rc = -1;
  // 2024-03-01 is day 60: a consultation is due (every third day).
  std::string out = RunCommand(std::string(DYAD_CLI) + " forecast --db " + db +
                            " --source ISR --target USA --date 2024-03-01 --horizon 1 --format json",
                        &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("\"relation\":\"04\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"source\":\"ISR\""), std::string::npos) << out;
  // Missing required options is a usage error; a missing database an I/O error.
  RunCommand(std::string(DYAD_CLI) + " forecast --db " + db + " --source ISR 2>/dev/null", &rc);
  EXPECT_EQ(rc, 1);
  RunCommand(std::string(DYAD_CLI) + " forecast --db " + (dir / "none.db").string() +
          " --source ISR --target USA --date 2024-03-01 2>/dev/null",
      &rc);
  EXPECT_EQ(rc, 3);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
