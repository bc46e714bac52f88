// The analysis module on a corpus planted through the Store API, where every
// right answer is known by construction (see the comment on PlantedCorpus).
#include "analysis/analysis.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/plot.h"
#include "dyad/store.h"
#include "export/graph.h"

namespace dyad::analysis {
namespace {

namespace fs = std::filesystem;

// 2024-01-01 is a Monday: week k runs from Monday 2024-01-01 + 7k; every
// planted event falls on the Tuesday of its week.
//   USAGOV -> ISRGOV: 3 events a week in weeks 0-4 and 6-9 (none in week 5),
//                     code 042, Goldstein +1.9, QuadClass 1; then 3 a week in
//                     weeks 10-19, code 190, Goldstein -10, QuadClass 4.
//                     Plus one hypothetical 190 in week 2 (hidden by default).
//   ISRGOV -> USAGOV: 1 event a week in weeks 0-19, code 051, +3.4, QuadClass 1.
//   ISRMIL -> USA:    1 event in week 3, code 051, +3.4.
//   IGOUNO -> ISRGOV: 2 events in week 12, code 111, -2.0, QuadClass 3.
//   RUSMIL -> UKRMIL: 5 events in week 15, code 190, -10, QuadClass 4.
// The pooled weekly mean Goldstein of USA-ISR is about +2.3 in weeks 0-9 and
// (3 x -10 + 3.4) / 4 = -6.65 from week 10: the shift is planted at 2024-03-11.
class PlantedCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("dyad_analysis_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    path_ = new std::string((*dir_ / "planted.db").string());
    auto store = Store::Open(*path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Store& s = *store.value();
    int64_t run = s.BeginRun({"test", "0.1", "c", "d", "o", ""}).value();
    int serial = 0;
    auto add = [&](int week, const std::string& src, const std::string& tgt, const std::string& code, double g,
                   QuadClass q, int n, bool hypothetical = false) {
      for (int i = 0; i < n; ++i) {
        Article a;
        a.date = Date{Date::FromYmd(2024, 1, 2).days + 7 * week};
        a.text = "Planted article " + std::to_string(serial++) + ": " + src + " " + code + " " + tgt + ".";
        a.id = "a" + std::to_string(serial);
        Event e;
        e.article_id = a.id;
        e.date = a.date;
        e.source.code = src;
        e.source.country = src.substr(0, 3) == "IGO" ? "" : src.substr(0, 3);
        e.source.agent = src.size() > 3 ? src.substr(3) : "";
        e.source.span = {0, 7};
        e.target.code = tgt;
        e.target.country = tgt.substr(0, 3);
        e.target.agent = tgt.size() > 3 ? tgt.substr(3) : "";
        e.target.span = {8, 15};
        e.code = code;
        e.root = code.substr(0, 2);
        e.goldstein = g;
        e.quad_class = q;
        e.confidence = 0.9;
        e.hypothetical = hypothetical;
        e.trigger = {16, 20};
        ASSERT_TRUE(s.AddArticle(a, {{0, {0, static_cast<uint32_t>(a.text.size())}, false}}, {e}, run).ok());
      }
    };
    for (int w = 0; w < 20; ++w) {
      if (w < 10 && w != 5) add(w, "USAGOV", "ISRGOV", "042", 1.9, QuadClass::kVerbalCooperation, 3);
      if (w >= 10) add(w, "USAGOV", "ISRGOV", "190", -10, QuadClass::kMaterialConflict, 3);
      add(w, "ISRGOV", "USAGOV", "051", 3.4, QuadClass::kVerbalCooperation, 1);
    }
    add(2, "USAGOV", "ISRGOV", "190", -10, QuadClass::kMaterialConflict, 1, /*hypothetical=*/true);
    add(3, "ISRMIL", "USA", "051", 3.4, QuadClass::kVerbalCooperation, 1);
    add(12, "IGOUNO", "ISRGOV", "111", -2.0, QuadClass::kVerbalConflict, 2);
    add(15, "RUSMIL", "UKRMIL", "190", -10, QuadClass::kMaterialConflict, 5);
    ASSERT_TRUE(s.Commit().ok());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete path_;
  }
  void SetUp() override {
    auto an = Analyzer::Open(*path_);
    ASSERT_TRUE(an.ok()) << an.status().ToString();
    an_ = std::move(*an);
  }

  static Date Week(int k) { return Date{Date::FromYmd(2024, 1, 1).days + 7 * k}; }

  static fs::path* dir_;
  static std::string* path_;
  std::unique_ptr<Analyzer> an_;
};
fs::path* PlantedCorpus::dir_ = nullptr;
std::string* PlantedCorpus::path_ = nullptr;

TEST(PatternTest, PrefixRuleAndValidation) {
  EXPECT_TRUE(MatchesPattern("ISRGOV", "ISR"));
  EXPECT_TRUE(MatchesPattern("ISRGOV", "isrgov"));
  EXPECT_TRUE(MatchesPattern("IGOUNOWHO", "IGOUNO"));
  EXPECT_FALSE(MatchesPattern("ISR", "ISRGOV"));
  EXPECT_FALSE(MatchesPattern("USAGOV", "ISR"));
  EXPECT_TRUE(ValidateActorPattern("IGOUNO", "A").ok());
  EXPECT_FALSE(ValidateActorPattern("IS R", "A").ok());
  EXPECT_FALSE(ValidateActorPattern("ISR%", "A").ok());
  EXPECT_FALSE(ValidateActorPattern("", "A").ok());
  EXPECT_TRUE(ValidateActorPattern("", "B", true).ok());
}

TEST(PeriodTest, WeeksStartOnMondayAndMonthsOnTheFirst) {
  EXPECT_EQ(PeriodStart(Date::FromYmd(2024, 1, 7), Period::kWeek), Date::FromYmd(2024, 1, 1));  // a Sunday
  EXPECT_EQ(PeriodStart(Date::FromYmd(2024, 1, 8), Period::kWeek), Date::FromYmd(2024, 1, 8));
  EXPECT_EQ(PeriodStart(Date::FromYmd(1970, 1, 1), Period::kWeek), Date::FromYmd(1969, 12, 29));
  EXPECT_EQ(PeriodStart(Date::FromYmd(2024, 2, 29), Period::kMonth), Date::FromYmd(2024, 2, 1));
  EXPECT_EQ(NextPeriodStart(Date::FromYmd(2024, 12, 1), Period::kMonth), Date::FromYmd(2025, 1, 1));
  EXPECT_EQ(PeriodLabel(Date::FromYmd(2024, 3, 1), Period::kMonth), "2024-03");
}

TEST_F(PlantedCorpus, WeeklyTimelineBothDirectionsWithEmptyWeeks) {
  TimelineOptions o;
  o.a = "USA";
  o.b = "ISR";
  auto tl = an_->MakeTimeline(o);
  ASSERT_TRUE(tl.ok()) << tl.status().ToString();
  ASSERT_EQ(tl->series.size(), 2u);
  EXPECT_EQ(tl->series[0].source, "USA");
  EXPECT_EQ(tl->series[0].target, "ISR");
  const auto& ab = tl->series[0].buckets;
  const auto& ba = tl->series[1].buckets;
  ASSERT_EQ(ab.size(), 20u);
  EXPECT_EQ(*tl->first, Week(0));
  EXPECT_EQ(*tl->last, Week(19));
  EXPECT_EQ(ab[0].start, Week(0));
  EXPECT_EQ(ab[0].events, 3);
  EXPECT_EQ(ab[0].quad[0], 3);
  EXPECT_NEAR(ab[0].goldstein_sum, 5.7, 1e-9);
  EXPECT_EQ(ab[0].root[3], 3);  // root 04
  EXPECT_EQ(ab[2].events, 3);   // the hypothetical one is hidden
  EXPECT_EQ(ab[5].events, 0);   // the empty week is there, with zeros
  EXPECT_EQ(ab[5].start, Week(5));
  EXPECT_EQ(ab[10].quad[3], 3);
  EXPECT_NEAR(ab[10].GoldsteinMean(), -10, 1e-9);
  EXPECT_EQ(ab[10].root[18], 3);  // root 19
  EXPECT_EQ(ba[3].events, 2);     // ISRGOV->USAGOV and ISRMIL->USA: ISR matches both
  EXPECT_EQ(ba[4].events, 1);
  EXPECT_EQ(tl->series[0].Events(), 57);
  EXPECT_EQ(tl->series[1].Events(), 21);
  EXPECT_EQ(ab[0].total, 0);  // not normalised

  o.filter.include_hypothetical = true;
  auto with_hyp = an_->MakeTimeline(o);
  ASSERT_TRUE(with_hyp.ok());
  EXPECT_EQ(with_hyp->series[0].buckets[2].events, 4);

  o.filter = {};
  o.b = "ISRGOV";  // the country-and-agent pattern leaves ISRMIL out
  auto gov = an_->MakeTimeline(o);
  ASSERT_TRUE(gov.ok());
  EXPECT_EQ(gov->series[1].buckets[3].events, 1);
}

TEST_F(PlantedCorpus, NormalisedByAllEventsInThePeriod) {
  TimelineOptions o;
  o.a = "USA";
  o.b = "ISR";
  o.normalize = true;
  auto tl = an_->MakeTimeline(o);
  ASSERT_TRUE(tl.ok());
  const auto& ab = tl->series[0].buckets;
  EXPECT_EQ(ab[0].total, 4);  // 3 + 1
  EXPECT_DOUBLE_EQ(ab[0].Share(), 0.75);
  EXPECT_EQ(ab[3].total, 5);   // + ISRMIL->USA
  EXPECT_EQ(ab[12].total, 6);  // + 2 IGOUNO->ISRGOV
  EXPECT_DOUBLE_EQ(ab[12].Share(), 0.5);
  EXPECT_EQ(ab[15].total, 9);  // + 5 RUSMIL->UKRMIL
  EXPECT_EQ(tl->series[1].buckets[15].total, 9);
}

TEST_F(PlantedCorpus, MonthlyAndBoundedTimelines) {
  TimelineOptions o;
  o.a = "USA";
  o.b = "ISR";
  o.period = Period::kMonth;
  auto tl = an_->MakeTimeline(o);
  ASSERT_TRUE(tl.ok());
  const auto& ab = tl->series[0].buckets;
  ASSERT_EQ(ab.size(), 5u);  // January .. May 2024
  EXPECT_EQ(ab[0].start, Date::FromYmd(2024, 1, 1));
  EXPECT_EQ(ab[0].events, 15);  // Tuesdays 2, 9, 16, 23, 30 January
  EXPECT_EQ(ab[1].events, 9);   // Tuesdays 6 (the empty week 5), 13, 20, 27 February

  // Explicit bounds wider than the data give empty periods at both ends.
  o.period = Period::kWeek;
  o.filter.from = Date::FromYmd(2023, 12, 20);
  o.filter.to = Date::FromYmd(2024, 6, 5);
  auto wide = an_->MakeTimeline(o);
  ASSERT_TRUE(wide.ok());
  EXPECT_EQ(wide->series[0].buckets.front().start, Date::FromYmd(2023, 12, 18));
  EXPECT_EQ(wide->series[0].buckets.front().events, 0);
  EXPECT_EQ(wide->series[0].buckets.back().start, Date::FromYmd(2024, 6, 3));
  EXPECT_EQ(wide->series[0].Events(), 57);
}

TEST_F(PlantedCorpus, ActorAgainstEveryone) {
  TimelineOptions o;
  o.a = "IGOUNO";
  auto tl = an_->MakeTimeline(o);
  ASSERT_TRUE(tl.ok());
  EXPECT_EQ(tl->series[0].target, "*");
  EXPECT_EQ(tl->series[1].source, "*");
  EXPECT_EQ(tl->series[0].Events(), 2);
  EXPECT_EQ(tl->series[1].Events(), 0);
  ASSERT_EQ(tl->series[0].buckets.size(), 1u);
  EXPECT_EQ(tl->series[0].buckets[0].quad[2], 2);
}

TEST_F(PlantedCorpus, TopActorsByVolumeConflictAndLevel) {
  RankOptions o;
  o.top = 0;
  auto rk = an_->Rank(o);
  ASSERT_TRUE(rk.ok()) << rk.status().ToString();
  ASSERT_EQ(rk->rows.size(), 7u);
  EXPECT_EQ(rk->rows[0].key, "ISRGOV");
  EXPECT_EQ(rk->rows[0].events, 79);  // 57 + 20 + 2
  EXPECT_EQ(rk->rows[1].key, "USAGOV");
  EXPECT_EQ(rk->rows[1].events, 77);
  EXPECT_EQ(rk->rows[2].key, "RUSMIL");
  EXPECT_EQ(rk->rows[3].key, "UKRMIL");
  EXPECT_EQ(rk->rows[4].key, "IGOUNO");

  o.by = RankBy::kConflict;
  auto conflict = an_->Rank(o);
  ASSERT_TRUE(conflict.ok());
  ASSERT_EQ(conflict->rows.size(), 5u);
  EXPECT_EQ(conflict->rows[0].key, "ISRGOV");
  EXPECT_EQ(conflict->rows[0].conflict, 32);
  EXPECT_EQ(conflict->rows[1].key, "USAGOV");
  EXPECT_EQ(conflict->rows[1].conflict, 30);

  o.by = RankBy::kNegative;
  auto neg = an_->Rank(o);
  ASSERT_TRUE(neg.ok());
  EXPECT_EQ(neg->rows[0].key, "ISRGOV");
  EXPECT_NEAR(neg->rows[0].negative_sum, -304, 1e-9);

  o.by = RankBy::kVolume;
  o.level = Level::kCountry;
  auto country = an_->Rank(o);
  ASSERT_TRUE(country.ok());
  EXPECT_EQ(country->rows[0].key, "ISR");
  EXPECT_EQ(country->rows[0].events, 80);
  EXPECT_EQ(country->rows[1].key, "USA");
  EXPECT_EQ(country->rows[1].events, 78);

  RankOptions d;
  d.dyads = true;
  d.top = 3;
  auto dyads = an_->Rank(d);
  ASSERT_TRUE(dyads.ok());
  ASSERT_EQ(dyads->rows.size(), 3u);
  EXPECT_EQ(dyads->rows[0].key, "USAGOV>ISRGOV");
  EXPECT_EQ(dyads->rows[0].events, 57);
  EXPECT_EQ(dyads->rows[1].key, "ISRGOV>USAGOV");
  EXPECT_EQ(dyads->rows[2].key, "RUSMIL>UKRMIL");

  d.actor = "IGO";
  auto igo = an_->Rank(d);
  ASSERT_TRUE(igo.ok());
  ASSERT_EQ(igo->rows.size(), 1u);
  EXPECT_EQ(igo->rows[0].key, "IGOUNO>ISRGOV");
}

TEST_F(PlantedCorpus, ChangeAgainstThePreviousPeriod) {
  RankOptions o;
  o.by = RankBy::kChange;
  o.top = 0;
  o.filter.from = Week(10);
  o.filter.to = Date{Week(20).days - 1};
  auto rk = an_->Rank(o);
  ASSERT_TRUE(rk.ok());
  EXPECT_EQ(rk->previous_from, Week(0));
  EXPECT_EQ(rk->previous_to, Date{Week(10).days - 1});
  ASSERT_EQ(rk->rows.size(), 7u);
  EXPECT_EQ(rk->rows[0].key, "ISRGOV");  // 42 now, 37 before
  EXPECT_EQ(rk->rows[0].change(), 5);
  EXPECT_EQ(rk->rows[0].previous, 37);
  EXPECT_EQ(rk->rows[1].key, "RUSMIL");
  EXPECT_EQ(rk->rows[3].key, "USAGOV");
  EXPECT_EQ(rk->rows[3].change(), 3);
  EXPECT_EQ(rk->rows[5].change(), -1);  // ISRMIL and USA were active only before
}

TEST_F(PlantedCorpus, NetworkOfAMonth) {
  NetworkOptions o;
  o.filter.from = Date::FromYmd(2024, 3, 1);
  o.filter.to = Date::FromYmd(2024, 3, 31);
  auto net = an_->MakeNetwork(o);
  ASSERT_TRUE(net.ok()) << net.status().ToString();
  ASSERT_EQ(net->edges.size(), 3u);
  const Edge& e = net->edges[0];
  EXPECT_EQ(e.source, "USAGOV");
  EXPECT_EQ(e.target, "ISRGOV");
  EXPECT_EQ(e.events, 12);  // weeks 9-12: 3 cooperative, 9 conflict
  EXPECT_EQ(e.conflict, 9);
  EXPECT_NEAR(e.goldstein_sum, 5.7 - 90, 1e-9);
  EXPECT_NEAR(e.GoldsteinMean(), (5.7 - 90) / 12, 1e-9);
  EXPECT_EQ(net->edges[1].source, "ISRGOV");
  EXPECT_EQ(net->edges[1].events, 4);
  EXPECT_EQ(net->edges[2].source, "IGOUNO");
  ASSERT_EQ(net->nodes.size(), 3u);
  EXPECT_EQ(net->nodes[0].id, "ISRGOV");
  EXPECT_EQ(net->nodes[0].events, 18);

  o.min_events = 3;
  auto heavy = an_->MakeNetwork(o);
  ASSERT_TRUE(heavy.ok());
  EXPECT_EQ(heavy->edges.size(), 2u);

  std::ostringstream graphml, gexf, dot;
  exporting::WriteGraphml(graphml, *net);
  exporting::WriteGexf(gexf, *net);
  exporting::WriteDot(dot, *net);
  EXPECT_NE(graphml.str().find("<edge id=\"e0\" source=\"USAGOV\" target=\"ISRGOV\"><data key=\"weight\">12<"),
            std::string::npos);
  EXPECT_NE(gexf.str().find("source=\"USAGOV\" target=\"ISRGOV\" weight=\"12\""), std::string::npos);
  EXPECT_NE(dot.str().find("\"USAGOV\" -> \"ISRGOV\" [weight=12"), std::string::npos);
}

TEST_F(PlantedCorpus, ShiftFoundAtThePlantedWeekWithItsEvents) {
  ShiftOptions o;
  o.a = "USA";
  o.b = "ISR";
  auto sh = an_->FindShifts(o);
  ASSERT_TRUE(sh.ok()) << sh.status().ToString();
  EXPECT_EQ(sh->observations.size(), 20u);  // week 5 has ISR->USA, so it is observed
  std::string found;
  for (const auto& c : sh->changes) found += c.start.ToString() + " (" + std::to_string(c.before) + " -> " + std::to_string(c.after) + ") ";
  ASSERT_EQ(sh->changes.size(), 1u) << found;
  const ChangePoint& c = sh->changes[0];
  EXPECT_EQ(c.start, Week(10));
  EXPECT_EQ(c.detected, Week(10));
  EXPECT_TRUE(c.toward_conflict);
  EXPECT_NEAR(c.after, -6.65, 1e-9);
  EXPECT_GT(c.before, 2.0);
  ASSERT_EQ(c.drivers.size(), 3u);  // only the three -10 events of week 10 are below the old level
  for (const DriverEvent& d : c.drivers) {
    EXPECT_EQ(d.source, "USAGOV");
    EXPECT_EQ(d.code, "190");
    EXPECT_EQ(d.date, Date{Week(10).days + 1});
    EXPECT_NE(d.sentence.find("Planted article"), std::string::npos);
  }

  o.series = ShiftSeries::kConflictShare;
  auto share = an_->FindShifts(o);
  ASSERT_TRUE(share.ok());
  ASSERT_EQ(share->changes.size(), 1u);
  EXPECT_EQ(share->changes[0].start, Week(10));
  EXPECT_TRUE(share->changes[0].toward_conflict);
  EXPECT_NEAR(share->changes[0].after, 0.75, 1e-9);
}

// A noisy series with a level shift of 3 sigma at t = 40 (deterministic noise).
TEST(CusumTest, FindsAStepInNoiseAndNothingInPureNoise) {
  uint64_t state = 12345;
  auto noise = [&]() {  // uniform in [-1, 1), sd ~0.58
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) / static_cast<double>(1ull << 53) * 2 - 1;
  };
  std::vector<Observation> step, flat;
  for (int t = 0; t < 80; ++t) {
    Date d{Date::FromYmd(2020, 1, 6).days + 7 * t};
    double e = noise();
    step.push_back({d, 10, (t >= 40 ? 1.0 : 3.0) + e});
    flat.push_back({d, 10, 3.0 + e});
  }
  ShiftOptions o;
  Shifts s = DetectShifts(step, o);
  ASSERT_GE(s.changes.size(), 1u);
  const int start = (s.changes[0].start.days - step[0].start.days) / 7;
  // CUSUM places a change where its sum last left zero: within a few periods of the truth.
  EXPECT_GE(start, 37);
  EXPECT_LE(start, 43);
  EXPECT_TRUE(s.changes[0].toward_conflict);  // Goldstein fell
  EXPECT_LT(s.changes[0].after, 2.0);
  EXPECT_TRUE(DetectShifts(flat, o).changes.empty());
  EXPECT_TRUE(DetectShifts({}, o).changes.empty());
}

TEST_F(PlantedCorpus, PicturesAreWritten) {
  TimelineOptions o;
  o.a = "USA";
  o.b = "ISR";
  auto tl = an_->MakeTimeline(o);
  ASSERT_TRUE(tl.ok());
  ShiftOptions so;
  so.a = "USA";
  so.b = "ISR";
  auto sh = an_->FindShifts(so);
  ASSERT_TRUE(sh.ok());
  for (const char* name : {"t.svg", "t.png"}) {
    std::string p = (*dir_ / name).string();
    ASSERT_TRUE(PlotTimeline(*tl, sh->changes, {}, p).ok());
    EXPECT_GT(fs::file_size(p), 1000u);
  }
  std::ifstream png((*dir_ / "t.png").string(), std::ios::binary);
  char magic[4] = {};
  png.read(magic, 4);
  EXPECT_EQ(std::string(magic + 1, 3), "PNG");
  NetworkOptions no;
  auto net = an_->MakeNetwork(no);
  ASSERT_TRUE(net.ok());
  EXPECT_TRUE(PlotNetwork(*net, {}, (*dir_ / "n.svg").string()).ok());
  EXPECT_FALSE(PlotNetwork(*net, {}, (*dir_ / "n.jpg").string()).ok());
}

TEST(AnalyzerOpenTest, RejectsMissingAndForeignFiles) {
  EXPECT_EQ(Analyzer::Open("/nonexistent/x.db").status().code(), StatusCode::kNotFound);
  fs::path p = fs::temp_directory_path() / ("dyad_analysis_foreign_" + std::to_string(::getpid()));
  std::ofstream(p) << "not a database";
  EXPECT_FALSE(Analyzer::Open(p.string()).ok());
  fs::remove(p);
}

}  // namespace
}  // namespace dyad::analysis

namespace dyad::analysis {
namespace {

std::string IndexSql(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string sql;
  sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type='index' AND name=?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) sql = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return sql;
}

// A schema-1 store (the indexes as shipped in version 1, no tense column) is brought to
// the current schema on open.
TEST(SchemaMigrationTest, VersionOneGetsTheCoveringIndexes) {
  fs::path p = fs::temp_directory_path() / ("dyad_analysis_migration_" + std::to_string(::getpid()) + ".db");
  fs::remove(p);
  ASSERT_TRUE(Store::Open(p.string()).ok());
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(p.c_str(), &db), SQLITE_OK);
    const char* v1 =
        "DROP INDEX events_dyad; CREATE INDEX events_dyad ON events(source_code, target_code, day);"
        "DROP INDEX events_target; CREATE INDEX events_target ON events(target_code, day);"
        "DROP INDEX events_day; CREATE INDEX events_day ON events(day);"
        "ALTER TABLE events DROP COLUMN tense;"
        "UPDATE meta SET value='1' WHERE key='schema_version';";
    ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  EXPECT_EQ(IndexSql(p.string(), "events_dyad").find("goldstein"), std::string::npos);
  ASSERT_TRUE(Store::Open(p.string()).ok());
  EXPECT_NE(IndexSql(p.string(), "events_dyad").find("quad_class, code, goldstein, hypothetical, negated"),
            std::string::npos);
  EXPECT_NE(IndexSql(p.string(), "events_target").find("goldstein"), std::string::npos);
  EXPECT_NE(IndexSql(p.string(), "events_day").find("hypothetical"), std::string::npos);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, "SELECT tense FROM events LIMIT 1", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  EXPECT_TRUE(Analyzer::Open(p.string()).ok());
  fs::remove(p);
  fs::remove(p.string() + "-wal");
  fs::remove(p.string() + "-shm");
}

}  // namespace
}  // namespace dyad::analysis
