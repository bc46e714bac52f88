// Benchmark of the analysis queries on a large synthetic store.
//
//   analysis_bench [--db /tmp/dyad_bench_10m.db] [--events 10000000] [--runs 5]
//
// When the database does not hold `--events` events it is (re)generated: the
// schema comes from Store::Open, then events are written with one prepared
// INSERT in a single transaction, with the events indexes dropped during the
// load and rebuilt afterwards from their own definitions (sqlite_master), which
// is several times faster than maintaining five indexes row by row.
//
// Synthetic data: 10 years (2015-01-01 .. 2024-12-31), one article a day (its
// events all point to it), actors drawn from 40 country codes with Zipf(1)
// weights (USA first, ISR second) and an agent (none, GOV, MIL, COP, REB, OPP),
// codes from 20 CAMEO codes with their Goldstein values and QuadClass (half of
// them conflict), 2% flagged hypothetical and 1% negated. One shift is planted:
// from 2023-10-07 the U.S.-Israel events (both directions) draw a conflict
// code 70% of the time, which moves their weekly mean Goldstein from about
// -1.3 to about -3.5. A fixed seed makes the file reproducible.
#include <sqlite3.h>
#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "dyad/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

bool Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "sql error: %s in %s\n", err ? err : "?", sql.substr(0, 80).c_str());
    sqlite3_free(err);
    return false;
  }
  return true;
}

int64_t CountEvents(const std::string& path) {
  if (!std::filesystem::exists(path)) return -1;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  sqlite3_stmt* st = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, "SELECT max(id) FROM events", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    n = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

struct Code {
  const char* code;
  double goldstein;
  int quad;
};
// CAMEO codes with their GDELT Goldstein values and QuadClass.
constexpr Code kCodes[] = {{"010", 0.0, 1},  {"020", 3.0, 1},  {"036", 4.0, 1},   {"042", 1.9, 1},   {"043", 2.8, 1},
                           {"051", 3.4, 1},  {"057", 8.0, 1},  {"061", 6.4, 2},   {"071", 7.4, 2},   {"081", 5.0, 2},
                           {"111", -2.0, 3}, {"112", -2.0, 3}, {"130", -4.4, 3},  {"141", -6.5, 3},  {"163", -8.0, 4},
                           {"173", -5.0, 4}, {"181", -9.0, 4}, {"190", -10.0, 4}, {"193", -10.0, 4}, {"195", -10.0, 4}};
constexpr const char* kCountries[] = {"USA", "ISR", "RUS", "UKR", "CHN", "IRN", "PSE", "GBR", "FRA", "DEU",
                                      "TUR", "SYR", "LBN", "EGY", "SAU", "IND", "PAK", "AFG", "IRQ", "JOR",
                                      "QAT", "JPN", "PRK", "KOR", "YEM", "SDN", "ETH", "NGA", "ZAF", "BRA",
                                      "MEX", "VEN", "COL", "CAN", "AUS", "POL", "ITA", "ESP", "BLR", "ARM"};
constexpr const char* kAgents[] = {"", "GOV", "MIL", "COP", "REB", "OPP"};

bool Generate(const std::string& path, int64_t n_events) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  {
    auto store = dyad::Store::Open(path);  // creates the schema at the current version
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
      return false;
    }
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
  auto t0 = Clock::now();
  // A scratch file: no journal during the load (a crash means generating again), WAL after.
  Exec(db, "PRAGMA journal_mode=DELETE");
  Exec(db, "PRAGMA journal_mode=OFF");
  Exec(db, "PRAGMA synchronous=OFF");
  Exec(db, "PRAGMA cache_size=-262144");
  // Keep the index definitions, drop them for the load, rebuild after.
  std::vector<std::string> indexes;
  {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='events' AND sql IS NOT NULL",
                       -1, &st, nullptr);
    std::vector<std::string> names;
    while (sqlite3_step(st) == SQLITE_ROW) {
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    }
    sqlite3_finalize(st);
    for (const auto& n : names) Exec(db, "DROP INDEX " + n);
  }
  Exec(db, "BEGIN");
  Exec(db, "INSERT INTO runs(id, started_at, command) VALUES(1, '2026-01-01T00:00:00Z', 'analysis_bench')");
  const int32_t first = dyad::Date::FromYmd(2015, 1, 1).days;
  const int32_t last = dyad::Date::FromYmd(2024, 12, 31).days;
  const int32_t days = last - first + 1;
  sqlite3_stmt* art = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO articles(id, day, date, text, language, run_id) VALUES(?,?,?,?, 'en', 1)", -1, &art,
                     nullptr);
  sqlite3_stmt* sen = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO sentences(article_id, idx, begin, end) VALUES(?, 0, 0, ?)", -1, &sen, nullptr);
  for (int32_t d = first; d <= last; ++d) {
    std::string id = "bench" + std::to_string(d);
    std::string text = "Synthetic article of " + dyad::Date{d}.ToString() + " for the analysis benchmark.";
    std::string date = dyad::Date{d}.ToString();
    sqlite3_bind_text(art, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(art, 2, d);
    sqlite3_bind_text(art, 3, date.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(art, 4, text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(art);
    sqlite3_reset(art);
    sqlite3_bind_text(sen, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(sen, 2, static_cast<int64_t>(text.size()));
    sqlite3_step(sen);
    sqlite3_reset(sen);
  }
  sqlite3_finalize(art);
  sqlite3_finalize(sen);

  sqlite3_stmt* ev = nullptr;
  if (sqlite3_prepare_v2(db,
                         "INSERT INTO events(article_id, sentence_idx, day, date, source_code, source_country, "
                         "source_agent, target_code, target_country, target_agent, code, root, goldstein, quad_class, "
                         "negated, hypothetical, confidence, mentions, run_id) "
                         "VALUES(?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.8, 1, 1)",
                         -1, &ev, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
    return false;
  }
  std::mt19937_64 rng(20261126);
  std::vector<double> w;
  for (size_t i = 0; i < std::size(kCountries); ++i) w.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<int> country(w.begin(), w.end());
  std::discrete_distribution<int> agent({4, 3, 2, 1, 0.5, 0.5});
  std::uniform_int_distribution<int> code(0, static_cast<int>(std::size(kCodes)) - 1);
  std::uniform_int_distribution<int> coop_code(0, 9), conflict_code(10, 19);  // kCodes halves
  const int32_t shift_day = dyad::Date::FromYmd(2023, 10, 7).days;
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::string> dates(static_cast<size_t>(days)), ids(static_cast<size_t>(days));
  for (int32_t i = 0; i < days; ++i) {
    dates[static_cast<size_t>(i)] = dyad::Date{first + i}.ToString();
    ids[static_cast<size_t>(i)] = "bench" + std::to_string(first + i);
  }
  for (int64_t i = 0; i < n_events; ++i) {
    // Events in day order, spread evenly over the ten years.
    const int32_t di = static_cast<int32_t>(i * days / n_events);
    int sc = country(rng), tc = country(rng);
    while (tc == sc) tc = country(rng);  // no country acts on itself here
    std::string sa = kAgents[agent(rng)], ta = kAgents[agent(rng)];
    std::string s = std::string(kCountries[sc]) + sa, t = std::string(kCountries[tc]) + ta;
    const bool us_israel = (sc == 0 && tc == 1) || (sc == 1 && tc == 0);
    const Code& c = us_israel && first + di >= shift_day
                        ? kCodes[u(rng) < 0.7 ? conflict_code(rng) : coop_code(rng)]
                        : kCodes[code(rng)];
    const char root[3] = {c.code[0], c.code[1], 0};
    sqlite3_bind_text(ev, 1, ids[static_cast<size_t>(di)].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int64(ev, 2, first + di);
    sqlite3_bind_text(ev, 3, dates[static_cast<size_t>(di)].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 4, s.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ev, 5, kCountries[sc], -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 6, sa.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ev, 7, t.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ev, 8, kCountries[tc], -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 9, ta.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ev, 10, c.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 11, root, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(ev, 12, c.goldstein);
    sqlite3_bind_int(ev, 13, c.quad);
    double r = u(rng);
    sqlite3_bind_int(ev, 14, r < 0.01 ? 1 : 0);
    sqlite3_bind_int(ev, 15, r > 0.98 ? 1 : 0);
    if (sqlite3_step(ev) != SQLITE_DONE) {
      std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(db));
      return false;
    }
    sqlite3_reset(ev);
  }
  sqlite3_finalize(ev);
  auto t1 = Clock::now();
  for (const auto& sql : indexes) Exec(db, sql);
  Exec(db, "COMMIT");
  Exec(db, "ANALYZE");
  Exec(db, "PRAGMA journal_mode=WAL");
  sqlite3_close(db);
  auto t2 = Clock::now();
  std::printf("generated %lld events in %.1f s (rows %.1f s, indexes + ANALYZE %.1f s) -> %s\n",
              static_cast<long long>(n_events), Ms(t0, t2) / 1000, Ms(t0, t1) / 1000, Ms(t1, t2) / 1000, path.c_str());
  return true;
}

// Runs `f` `runs` times; prints the first (cold) run and the median wall
// time, and the median CPU time (the machine is shared: wall time includes waiting).
template <typename F>
void Time(const char* what, int runs, F&& f) {
  std::vector<double> ms, cpu;
  std::string note;
  for (int i = 0; i < runs; ++i) {
    auto a = Clock::now();
    std::clock_t c = std::clock();
    note = f();
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC);
    ms.push_back(Ms(a, Clock::now()));
  }
  double first = ms.front();
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("  %-52s first %7.1f ms  median %7.1f ms  cpu %7.1f ms  (%s)\n", what, first, ms[ms.size() / 2],
              cpu[cpu.size() / 2], note.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "/tmp/dyad_bench_10m.db";
  int64_t n_events = 10'000'000;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--events")) n_events = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
  }
  if (CountEvents(path) != n_events && !Generate(path, n_events)) return 1;
  {
    auto store = dyad::Store::Open(path);  // applies any pending schema migration
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
      return 1;
    }
  }
  utsname un{};
  uname(&un);
  std::printf("analysis_bench: machine %s, %s %s, %u hardware threads; sqlite %s\n", CpuModel().c_str(), un.sysname,
              un.release, std::thread::hardware_concurrency(), sqlite3_libversion());
  std::printf("input: %s, %lld events 2015-01-01 .. 2024-12-31, %.0f MB\n", path.c_str(),
              static_cast<long long>(CountEvents(path)),
              static_cast<double>(std::filesystem::file_size(path)) / 1e6);
  auto an = dyad::analysis::Analyzer::Open(path);
  if (!an.ok()) {
    std::fprintf(stderr, "%s\n", an.status().ToString().c_str());
    return 1;
  }
  using namespace dyad::analysis;
  auto timeline = [&](const std::string& a, const std::string& b, Period p, bool norm) {
    TimelineOptions o;
    o.a = a;
    o.b = b;
    o.period = p;
    o.normalize = norm;
    o.filter.from = dyad::Date::FromYmd(2015, 1, 1);
    o.filter.to = dyad::Date::FromYmd(2024, 12, 31);
    auto tl = an.value()->MakeTimeline(o);
    if (!tl.ok()) return tl.status().ToString();
    return std::to_string(tl->series[0].buckets.size()) + " periods, " + std::to_string(tl->series[0].Events()) + " + " +
           std::to_string(tl->series[1].Events()) + " events";
  };
  Time("timeline USA ISR, by week, 10 years", runs, [&] { return timeline("USA", "ISR", Period::kWeek, false); });
  Time("timeline USAGOV ISRMIL, by week, 10 years", runs,
       [&] { return timeline("USAGOV", "ISRMIL", Period::kWeek, false); });
  Time("timeline USA ISR, by week, 10 years, normalised", runs,
       [&] { return timeline("USA", "ISR", Period::kWeek, true); });
  Time("timeline IRN against everyone, by month, 10 years", runs,
       [&] { return timeline("IRN", "", Period::kMonth, false); });
  Time("network of a month (2020-03)", runs, [&] {
    NetworkOptions o;
    o.filter.from = dyad::Date::FromYmd(2020, 3, 1);
    o.filter.to = dyad::Date::FromYmd(2020, 3, 31);
    auto net = an.value()->MakeNetwork(o);
    if (!net.ok()) return net.status().ToString();
    int64_t w = 0;
    for (const auto& e : net->edges) w += e.events;
    return std::to_string(net->nodes.size()) + " nodes, " + std::to_string(net->edges.size()) + " edges, " +
           std::to_string(w) + " events";
  });
  Time("network of a month, country level (2020-03)", runs, [&] {
    NetworkOptions o;
    o.level = Level::kCountry;
    o.filter.from = dyad::Date::FromYmd(2020, 3, 1);
    o.filter.to = dyad::Date::FromYmd(2020, 3, 31);
    auto net = an.value()->MakeNetwork(o);
    if (!net.ok()) return net.status().ToString();
    return std::to_string(net->nodes.size()) + " nodes, " + std::to_string(net->edges.size()) + " edges";
  });
  Time("actors by change, month 2020-03 vs 2020-02", runs, [&] {
    RankOptions o;
    o.by = RankBy::kChange;
    o.filter.from = dyad::Date::FromYmd(2020, 3, 1);
    o.filter.to = dyad::Date::FromYmd(2020, 3, 31);
    auto rk = an.value()->Rank(o);
    if (!rk.ok()) return rk.status().ToString();
    return rk->rows.empty() ? std::string("none") : "top " + rk->rows[0].key;
  });
  Time("shifts USA ISR, weekly mean Goldstein, 10 years", runs, [&] {
    ShiftOptions o;
    o.a = "USA";
    o.b = "ISR";
    auto sh = an.value()->FindShifts(o);
    if (!sh.ok()) return sh.status().ToString();
    return std::to_string(sh->observations.size()) + " weeks, " + std::to_string(sh->changes.size()) + " changes";
  });
  return 0;
}
