#include "dyad/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_store_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Article MakeArticle(const std::string& text, const char* date) {
    Article a;
    a.text = text;
    a.date = Date::Parse(date).value();
    a.id = ArticleId("", text);
    return a;
  }
  static Event MakeEvent(const Article& a, const std::string& src, const std::string& tgt, const std::string& code) {
    Event e;
    e.article_id = a.id;
    e.date = a.date;
    e.sentence_index = 0;
    e.source.code = src;
    e.source.country = src.substr(0, 3);
    e.source.span = {0, 3};
    e.source.text = a.text.substr(0, 3);
    e.target.code = tgt;
    e.code = code;
    e.root = code.substr(0, 2);
    e.goldstein = -10;
    e.quad_class = QuadClass::kMaterialConflict;
    e.confidence = 0.9;
    e.trigger = {4, 10};
    e.pattern = "test";
    return e;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, AddsQueriesAndDeduplicates) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto& s = *store.value();
  int64_t run = s.BeginRun({"test", "0.1", "c1", "d1", "o1", ""}).value();
  Article a = MakeArticle("Israel struck Gaza. Hamas fired rockets.", "2023-10-09");
  Article b = MakeArticle("Russia shelled Kharkiv \xE2\x80\x94 again.", "2022-05-01");
  b.source = "Wire";
  std::vector<SentenceRecord> sa = {{0, {0, 19}, false}, {1, {20, 40}, false}};
  Event second = MakeEvent(a, "PSEHMS", "ISR", "195");
  second.sentence_index = 1;
  ASSERT_TRUE(s.AddArticle(a, sa, {MakeEvent(a, "ISRMIL", "PSE", "190"), second}, run).value());
  ASSERT_TRUE(s.AddArticle(b, {{0, {0, 33}, false}}, {MakeEvent(b, "RUSMIL", "UKR", "195")}, run).value());
  // The same article again is not stored twice.
  EXPECT_FALSE(s.AddArticle(a, sa, {MakeEvent(a, "ISRMIL", "PSE", "190")}, run).value());
  ASSERT_TRUE(s.FinishRun(run, 2, 3, 0).ok());
  EXPECT_TRUE(s.HasArticle(a.id).value());
  EXPECT_FALSE(s.HasArticle("0000000000000000").value());

  std::vector<Event> got;
  auto collect = [&](const Event& e) {
    got.push_back(e);
    return true;
  };
  ASSERT_TRUE(s.QueryEvents({}, collect).ok());
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].source.code, "RUSMIL");  // date order
  EXPECT_EQ(got[0].article_source, "Wire");
  EXPECT_EQ(got[0].sentence_text, "Russia shelled Kharkiv \xE2\x80\x94 again.");
  got.clear();
  EventQuery q;
  q.actor = "isr";  // prefix, case-insensitive: ISRMIL as source, ISR as target
  ASSERT_TRUE(s.QueryEvents(q, collect).ok());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].sentence_text, "Hamas fired rockets.");
  got.clear();
  q = {};
  q.code = "19";
  q.from = Date::Parse("2023-01-01").value();
  ASSERT_TRUE(s.QueryEvents(q, collect).ok());
  EXPECT_EQ(got.size(), 2u);
  got.clear();
  q = {};
  q.source = "ISRGOV";
  ASSERT_TRUE(s.QueryEvents(q, collect).ok());
  EXPECT_TRUE(got.empty());

  auto st = s.Stats().value();
  EXPECT_EQ(st.articles, 2);
  EXPECT_EQ(st.sentences, 3);
  EXPECT_EQ(st.events, 3);
  EXPECT_EQ(st.first_date->ToString(), "2022-05-01");
  ASSERT_EQ(st.by_root.size(), 1u);
  EXPECT_EQ(st.by_root[0].n, 3);
}

TEST_F(StoreTest, UncommittedBatchIsLostWholeAndReRunCompletes) {
  Article a = MakeArticle("First article.", "2024-01-01");
  Article b = MakeArticle("Second article.", "2024-01-02");
  {
    auto s = Store::Open(path_).value();
    int64_t run = s->BeginRun({}).value();
    ASSERT_TRUE(s->AddArticle(a, {{0, {0, 14}, false}}, {MakeEvent(a, "USA", "CHN", "010")}, run).ok());
    ASSERT_TRUE(s->Commit().ok());
    ASSERT_TRUE(s->AddArticle(b, {{0, {0, 15}, false}}, {MakeEvent(b, "USA", "CHN", "010")}, run).ok());
    // Simulate a crash: a second connection sees only the committed article.
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(other, "SELECT count(*) FROM articles", -1, &st, nullptr);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(other);
  }
  auto s = Store::Open(path_).value();
  EXPECT_TRUE(s->HasArticle(b.id).value());  // committed on close
}

TEST_F(StoreTest, RefusesFilesThatAreNotDyadDatabases) {
  std::ofstream(path_) << "this is not a database at all, just some text that is long enough";
  auto s = Store::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);

  fs::remove(path_);
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE x(a)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  s = Store::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not one of dyad's"), std::string::npos);
}

TEST_F(StoreTest, RefusesANewerSchema) {
  { ASSERT_TRUE(Store::Open(path_).ok()); }
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = Store::Open(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace dyad
