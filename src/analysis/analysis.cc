#include "analysis/analysis.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <unordered_map>
#include <variant>

#include "dyad/store.h"

namespace dyad::analysis {
namespace {

constexpr int32_t kApplicationId = 0x64796164;  // 'dyad', as the store writes it

// A bound SQL parameter: text, integer or real.
using Param = std::variant<std::string, int64_t, double>;

// A WHERE clause under construction with its parameters, in order.
struct Where {
  std::string sql = "1";
  std::vector<Param> params;

  void Add(const std::string& clause, std::vector<Param> p = {}) {
    sql += " AND " + clause;
    params.insert(params.end(), std::make_move_iterator(p.begin()), std::make_move_iterator(p.end()));
  }
};

// The half-open range of codes that start with `pattern`: [pattern, pattern with its last byte + 1).
// Patterns are upper-case letters and digits, so the last byte never overflows.
std::pair<std::string, std::string> PrefixRange(std::string_view pattern) {
  std::string lo = NormalizePattern(pattern);
  std::string hi = lo;
  hi.back() = static_cast<char>(hi.back() + 1);
  return {lo, hi};
}

// "(column >= ? AND column < ?)" for a pattern.
std::string PrefixClause(const std::string& column, std::string_view pattern, std::vector<Param>* params) {
  auto [lo, hi] = PrefixRange(pattern);
  params->push_back(lo);
  params->push_back(hi);
  return "(" + column + " >= ? AND " + column + " < ?)";
}

// Flags and code filter (not the dates, which callers place themselves).
void AddFlags(const Filter& f, Where* w) {
  if (!f.include_hypothetical) w->Add("hypothetical = 0");
  if (!f.include_negated) w->Add("negated = 0");
  if (!f.code.empty()) {
    std::vector<Param> p;
    std::string c = PrefixClause("code", f.code, &p);
    w->Add(c, std::move(p));
  }
}

void AddDays(Date from, Date to, Where* w) {
  w->Add("day BETWEEN ? AND ?", {static_cast<int64_t>(from.days), static_cast<int64_t>(to.days)});
}

class Stmt {
 public:
  explicit Stmt(sqlite3* db) : db_(db) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }

  Status Prepare(const std::string& sql, const std::vector<Param>& params) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) {
      return Status::Internal(std::string("prepare: ") + sqlite3_errmsg(db_) + " in: " + sql.substr(0, 120));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      if (auto* s = std::get_if<std::string>(&params[i])) {
        sqlite3_bind_text(s_, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else if (auto* n = std::get_if<int64_t>(&params[i])) {
        sqlite3_bind_int64(s_, idx, *n);
      } else {
        sqlite3_bind_double(s_, idx, std::get<double>(params[i]));
      }
    }
    return Status::Ok();
  }
  // True for a row, false when done; errors become IOError.
  Result<bool> Step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Status::IOError(std::string("query failed: ") + sqlite3_errmsg(db_));
  }
  int64_t Int(int c) { return sqlite3_column_int64(s_, c); }
  double Real(int c) { return sqlite3_column_double(s_, c); }
  bool IsNull(int c) { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  // Valid until the next Step(); no copy.
  std::string_view RawText(int c) {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string_view(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s_, c)))
             : std::string_view();
  }
  std::string Text(int c) {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, c)) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

// Days since 1970-01-01 of each period start in [first, last].
std::vector<Date> PeriodStarts(Date first, Date last, Period p) {
  std::vector<Date> out;
  for (Date d = PeriodStart(first, p); d <= last; d = NextPeriodStart(d, p)) out.push_back(d);
  return out;
}

// The root (01..20) of a CAMEO code as 0..19; -1 when the code does not start with one.
int RootIndex(std::string_view root) {
  if (root.size() < 2 || root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9') return -1;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  return r >= 1 && r <= kRoots ? r - 1 : -1;
}

// The key expression of an actor column at a level.
std::string KeyExpr(const std::string& column, Level level) {
  return level == Level::kCountry ? "substr(" + column + ", 1, 3)" : column;
}

class SqliteAnalyzer final : public Analyzer {
 public:
  explicit SqliteAnalyzer(std::string path) : path_(std::move(path)) {}
  ~SqliteAnalyzer() override {
    if (db_) sqlite3_close_v2(db_);
  }

  Status Init() {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) return Status::NotFound(path_ + ": no such database");
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      return Status::IOError(path_ + ": cannot open database: " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
    }
    sqlite3_busy_timeout(db_, 5000);
    int64_t app_id = 0;
    if (Status s = QueryInt("PRAGMA application_id", &app_id); !s.ok() || app_id != kApplicationId) {
      return Status::Corruption(path_ + ": not a dyad database");
    }
    Stmt st(db_);
    DYAD_RETURN_IF_ERROR(st.Prepare("SELECT value FROM meta WHERE key = 'schema_version'", {}));
    auto row = st.Step();
    if (!row.ok() || !*row) return Status::Corruption(path_ + ": no schema version");
    int64_t version = std::atoll(st.Text(0).c_str());
    if (version > kStoreSchemaVersion) {
      return Status::Corruption(path_ + ": schema version " + std::to_string(version) + " is newer than this dyad's (" +
                                std::to_string(kStoreSchemaVersion) + ")");
    }
    return Status::Ok();
  }

  Result<std::pair<std::optional<Date>, std::optional<Date>>> DateRange() override {
    Stmt st(db_);
    DYAD_RETURN_IF_ERROR(st.Prepare("SELECT min(day), max(day) FROM events", {}));
    auto row = st.Step();
    if (!row.ok()) return Annotate(row.status());
    std::pair<std::optional<Date>, std::optional<Date>> r;
    if (*row && !st.IsNull(0)) {
      r.first = Date{static_cast<int32_t>(st.Int(0))};
      r.second = Date{static_cast<int32_t>(st.Int(1))};
    }
    return r;
  }

  Result<Timeline> MakeTimeline(const TimelineOptions& o) override {
    DYAD_RETURN_IF_ERROR(ValidateActorPattern(o.a, "actor A"));
    DYAD_RETURN_IF_ERROR(ValidateActorPattern(o.b, "actor B", /*allow_empty=*/true));
    DYAD_RETURN_IF_ERROR(CheckFilter(o.filter));
    Timeline tl;
    tl.period = o.period;
    std::string a = NormalizePattern(o.a), b = NormalizePattern(o.b);
    tl.series.push_back({a, b.empty() ? "*" : b, {}});
    tl.series.push_back({b.empty() ? "*" : b, a, {}});

    // Per direction: (day, quad class, root) -> count, Goldstein sum, from SQL.
    // Per direction, the events of each day, aggregated in one streaming pass
    // over the covering dyad index (a GROUP BY costs more here: SQLite would
    // sort the rows, as the index orders them by code pair before day).
    std::vector<std::unordered_map<int32_t, Bucket>> days(2);
    std::optional<int32_t> lo, hi;
    for (int dir = 0; dir < 2; ++dir) {
      Where w;
      const Series& s = tl.series[dir];
      bool none = false;
      for (auto [column, pattern] : {std::pair{"source_code", s.source}, std::pair{"target_code", s.target}}) {
        if (pattern == "*") continue;
        auto clause = CodeClause(column, pattern, &w);
        if (!clause.ok()) return clause.status();
        none = none || !*clause;
      }
      if (none) continue;  // no stored code matches a side
      // The day bounds must not steer SQLite to the day index: the code index
      // with the dyad's codes as equalities reads far fewer entries.
      if (o.filter.from) w.Add("+day >= ?", {static_cast<int64_t>(o.filter.from->days)});
      if (o.filter.to) w.Add("+day <= ?", {static_cast<int64_t>(o.filter.to->days)});
      AddFlags(o.filter, &w);
      Stmt st(db_);
      // The root is the code's first two digits: reading `code` keeps the query inside the index.
      DYAD_RETURN_IF_ERROR(st.Prepare("SELECT day, quad_class, code, goldstein FROM events WHERE " + w.sql, w.params));
      Bucket* cur = nullptr;
      int32_t cur_day = 0;
      while (true) {
        auto row = st.Step();
        if (!row.ok()) return Annotate(row.status());
        if (!*row) break;
        const int32_t day = static_cast<int32_t>(st.Int(0));
        if (!cur || day != cur_day) {  // rows come in day runs: look the day up once a run
          cur = &days[dir][day];
          cur_day = day;
          lo = lo ? std::min(*lo, day) : day;
          hi = hi ? std::max(*hi, day) : day;
        }
        const int64_t quad = st.Int(1);
        const int root = RootIndex(st.RawText(2));
        cur->events += 1;
        cur->goldstein_sum += st.Real(3);
        if (quad >= 1 && quad <= kQuadClasses) cur->quad[quad - 1] += 1;
        if (root >= 0) cur->root[root] += 1;
      }
    }
    Date first = o.filter.from ? *o.filter.from : Date{lo.value_or(0)};
    Date last = o.filter.to ? *o.filter.to : Date{hi.value_or(0)};
    if ((!o.filter.from && !lo) || (!o.filter.to && !hi) || last < first) return tl;  // nothing to show
    std::vector<Date> starts = PeriodStarts(first, last, o.period);
    tl.first = starts.front();
    tl.last = starts.back();
    auto index_of = [&](int32_t day) {
      // Period starts are sorted: the bucket is the last start <= day.
      auto it = std::upper_bound(starts.begin(), starts.end(), Date{day});
      return static_cast<size_t>(it - starts.begin()) - 1;
    };
    for (int dir = 0; dir < 2; ++dir) {
      std::vector<Bucket>& buckets = tl.series[dir].buckets;
      buckets.resize(starts.size());
      for (size_t i = 0; i < starts.size(); ++i) buckets[i].start = starts[i];
      for (const auto& [day, d] : days[dir]) {
        Bucket& bk = buckets[index_of(day)];
        bk.events += d.events;
        bk.goldstein_sum += d.goldstein_sum;
        for (int q = 0; q < kQuadClasses; ++q) bk.quad[q] += d.quad[q];
        for (int r = 0; r < kRoots; ++r) bk.root[r] += d.root[r];
      }
    }
    if (o.normalize) {
      Where w;
      AddDays(first, last, &w);
      AddFlags(o.filter, &w);
      Stmt st(db_);
      DYAD_RETURN_IF_ERROR(st.Prepare("SELECT day, count(*) FROM events WHERE " + w.sql + " GROUP BY day", w.params));
      std::vector<int64_t> totals(starts.size());
      while (true) {
        auto row = st.Step();
        if (!row.ok()) return Annotate(row.status());
        if (!*row) break;
        totals[index_of(static_cast<int32_t>(st.Int(0)))] += st.Int(1);
      }
      for (Series& s : tl.series) {
        for (size_t i = 0; i < s.buckets.size(); ++i) s.buckets[i].total = totals[i];
      }
    }
    return tl;
  }

  Result<Ranking> Rank(const RankOptions& o) override {
    DYAD_RETURN_IF_ERROR(ValidateActorPattern(o.actor, "--actor", /*allow_empty=*/true));
    DYAD_RETURN_IF_ERROR(CheckFilter(o.filter));
    Ranking rk;
    auto range = DateRange();
    if (!range.ok()) return range.status();
    if (!range->first) {  // an empty store
      rk.from = rk.to = rk.previous_from = rk.previous_to = o.filter.from.value_or(Date{0});
      return rk;
    }
    rk.to = o.filter.to.value_or(*range->second);
    if (o.filter.from) {
      rk.from = *o.filter.from;
    } else if (o.by == RankBy::kChange) {
      rk.from = Date{rk.to.days - std::max(1, o.change_days) + 1};
    } else {
      rk.from = std::min(*range->first, rk.to);
    }
    if (rk.to < rk.from) return Status::InvalidArgument("--to is before --from");
    const int32_t len = rk.to.days - rk.from.days + 1;
    rk.previous_to = Date{rk.from.days - 1};
    rk.previous_from = Date{rk.from.days - len};

    const std::string ks = KeyExpr("source_code", o.level), kt = KeyExpr("target_code", o.level);
    const std::string cur = "day >= " + std::to_string(rk.from.days);
    auto branch = [&](const std::string& key, const std::string& match_column, bool need_target) {
      Where w;
      AddDays(rk.previous_from, rk.to, &w);
      AddFlags(o.filter, &w);
      if (need_target) w.Add("target_code != ''");
      if (!o.actor.empty()) {
        std::vector<Param> p;
        std::string c = match_column.empty()
                            ? "(" + PrefixClause("source_code", o.actor, &p) + " OR " +
                                  PrefixClause("target_code", o.actor, &p) + ")"
                            : PrefixClause(match_column, o.actor, &p);
        w.Add(c, std::move(p));
      }
      return std::pair{"SELECT " + key + " AS k, day, quad_class, goldstein FROM events WHERE " + w.sql, w.params};
    };
    std::string inner;
    std::vector<Param> params;
    if (o.dyads) {
      auto [sql, p] = branch(ks + " || '>' || " + kt, "", true);
      inner = sql;
      params = p;
    } else {
      auto [s1, p1] = branch(ks, "source_code", false);
      auto [s2, p2] = branch(kt, "target_code", true);
      inner = s1 + " UNION ALL " + s2;
      params = p1;
      params.insert(params.end(), p2.begin(), p2.end());
    }
    std::string sql = "SELECT k, sum(" + cur + "), sum(" + cur + " AND quad_class >= 3), total(CASE WHEN " + cur +
                      " THEN goldstein END), total(CASE WHEN " + cur + " AND goldstein < 0 THEN goldstein END), sum(NOT " +
                      cur + ") FROM (" + inner + ") GROUP BY k";
    Stmt st(db_);
    DYAD_RETURN_IF_ERROR(st.Prepare(sql, params));
    while (true) {
      auto row = st.Step();
      if (!row.ok()) return Annotate(row.status());
      if (!*row) break;
      RankRow r{st.Text(0), st.Int(1), st.Int(2), st.Real(3), st.Real(4), st.Int(5)};
      if (r.events == 0 && r.previous == 0) continue;
      if (o.by != RankBy::kChange && r.events == 0) continue;
      if (o.by == RankBy::kConflict && r.conflict == 0) continue;
      if (o.by == RankBy::kNegative && r.negative_sum >= 0) continue;
      rk.rows.push_back(std::move(r));
    }
    auto key = [&](const RankRow& r) -> double {
      switch (o.by) {
        case RankBy::kVolume: return static_cast<double>(r.events);
        case RankBy::kConflict: return static_cast<double>(r.conflict);
        case RankBy::kNegative: return -r.negative_sum;
        case RankBy::kChange: return std::abs(static_cast<double>(r.change()));
      }
      return 0.0;
    };
    std::sort(rk.rows.begin(), rk.rows.end(), [&](const RankRow& x, const RankRow& y) {
      double kx = key(x), ky = key(y);
      if (kx != ky) return kx > ky;
      if (x.events != y.events) return x.events > y.events;
      return x.key < y.key;
    });
    if (o.top > 0 && rk.rows.size() > o.top) rk.rows.resize(o.top);
    return rk;
  }

  Result<Network> MakeNetwork(const NetworkOptions& o) override {
    DYAD_RETURN_IF_ERROR(ValidateActorPattern(o.actor, "--actor", /*allow_empty=*/true));
    DYAD_RETURN_IF_ERROR(CheckFilter(o.filter));
    Network net;
    net.from = o.filter.from;
    net.to = o.filter.to;
    Where w;
    AddDateBounds(o.filter, &w);
    AddFlags(o.filter, &w);
    w.Add("target_code != ''");
    if (!o.actor.empty()) {
      std::vector<Param> p;
      std::string c = "(" + PrefixClause("source_code", o.actor, &p) + " OR " +
                      PrefixClause("target_code", o.actor, &p) + ")";
      w.Add(c, std::move(p));
    }
    const std::string ks = KeyExpr("source_code", o.level), kt = KeyExpr("target_code", o.level);
    Stmt st(db_);
    DYAD_RETURN_IF_ERROR(st.Prepare("SELECT " + ks + ", " + kt +
                                        ", count(*), sum(quad_class >= 3), total(goldstein), min(day), max(day) "
                                        "FROM events WHERE " + w.sql + " GROUP BY 1, 2",
                                    w.params));
    std::optional<int32_t> lo, hi;
    while (true) {
      auto row = st.Step();
      if (!row.ok()) return Annotate(row.status());
      if (!*row) break;
      Edge e{st.Text(0), st.Text(1), st.Int(2), st.Int(3), st.Real(4)};
      int32_t d0 = static_cast<int32_t>(st.Int(5)), d1 = static_cast<int32_t>(st.Int(6));
      lo = lo ? std::min(*lo, d0) : d0;
      hi = hi ? std::max(*hi, d1) : d1;
      if (e.source == e.target && !o.self_loops) continue;
      if (e.events < o.min_events) continue;
      net.edges.push_back(std::move(e));
    }
    if (!net.from && lo) net.from = Date{*lo};
    if (!net.to && hi) net.to = Date{*hi};
    auto node_volumes = [](const std::vector<Edge>& edges) {
      std::map<std::string, Node> nodes;
      for (const Edge& e : edges) {
        for (const std::string* id : {&e.source, &e.target}) {
          Node& n = nodes[*id];
          n.id = *id;
          n.events += e.events;
          n.goldstein_sum += e.goldstein_sum;
          if (e.source == e.target) break;  // a self-loop counts once
        }
      }
      std::vector<Node> out;
      for (auto& [id, n] : nodes) out.push_back(std::move(n));
      std::sort(out.begin(), out.end(), [](const Node& x, const Node& y) {
        return x.events != y.events ? x.events > y.events : x.id < y.id;
      });
      return out;
    };
    net.nodes = node_volumes(net.edges);
    if (o.max_nodes > 0 && net.nodes.size() > o.max_nodes) {
      std::unordered_map<std::string, bool> keep;
      for (size_t i = 0; i < o.max_nodes; ++i) keep[net.nodes[i].id] = true;
      std::erase_if(net.edges, [&](const Edge& e) { return !keep.count(e.source) || !keep.count(e.target); });
      net.nodes = node_volumes(net.edges);
    }
    std::sort(net.edges.begin(), net.edges.end(), [](const Edge& x, const Edge& y) {
      if (x.events != y.events) return x.events > y.events;
      return std::tie(x.source, x.target) < std::tie(y.source, y.target);
    });
    return net;
  }

  Result<Shifts> FindShifts(const ShiftOptions& o) override {
    if (o.b.empty()) return Status::InvalidArgument("shifts needs two actors, A and B");
    if (o.threshold <= 0 || o.drift < 0 || o.warmup < 1 || o.min_events < 1) {
      return Status::InvalidArgument("shifts: threshold must be > 0, drift >= 0, warmup and min-events >= 1");
    }
    TimelineOptions t;
    t.a = o.a;
    t.b = o.b;
    t.period = o.period;
    t.filter = o.filter;
    auto tl = MakeTimeline(t);
    if (!tl.ok()) return tl.status();
    std::vector<Observation> obs;
    if (tl->first) {
      const auto& ab = tl->series[0].buckets;
      const auto& ba = tl->series[1].buckets;
      for (size_t i = 0; i < ab.size(); ++i) {
        int64_t n = ab[i].events + ba[i].events;
        if (n < o.min_events) continue;
        double v = o.series == ShiftSeries::kGoldstein
                       ? (ab[i].goldstein_sum + ba[i].goldstein_sum) / static_cast<double>(n)
                       : static_cast<double>(ab[i].Conflict() + ba[i].Conflict()) / static_cast<double>(n);
        obs.push_back({ab[i].start, n, v});
      }
    }
    Shifts sh = DetectShifts(obs, o);
    for (ChangePoint& c : sh.changes) {
      auto d = Drivers(o, c);
      if (!d.ok()) return d.status();
      c.drivers = std::move(*d);
    }
    return sh;
  }

 private:
  // The events in a change's window [start, end of the detection period]
  // that moved the series the way it went, strongest first.
  Result<std::vector<DriverEvent>> Drivers(const ShiftOptions& o, const ChangePoint& c) {
    std::vector<DriverEvent> out;
    if (o.drivers == 0) return out;
    Where w;
    std::vector<Param> p;
    std::string ab = PrefixClause("e.source_code", o.a, &p) + " AND " + PrefixClause("e.target_code", o.b, &p);
    std::string ba = PrefixClause("e.source_code", o.b, &p) + " AND " + PrefixClause("e.target_code", o.a, &p);
    w.Add("((" + ab + ") OR (" + ba + "))", std::move(p));
    Date end{NextPeriodStart(c.detected, o.period).days - 1};
    w.Add("e.day BETWEEN ? AND ?", {static_cast<int64_t>(c.start.days), static_cast<int64_t>(end.days)});
    if (!o.filter.include_hypothetical) w.Add("e.hypothetical = 0");
    if (!o.filter.include_negated) w.Add("e.negated = 0");
    if (!o.filter.code.empty()) {
      std::vector<Param> cp;
      std::string cc = PrefixClause("e.code", o.filter.code, &cp);
      w.Add(cc, std::move(cp));
    }
    std::string order;
    if (o.series == ShiftSeries::kGoldstein) {
      w.Add(c.toward_conflict ? "e.goldstein < ?" : "e.goldstein > ?", {c.before});
      order = c.toward_conflict ? "e.goldstein ASC" : "e.goldstein DESC";
    } else {
      w.Add(c.toward_conflict ? "e.quad_class >= 3" : "e.quad_class <= 2");
      order = c.toward_conflict ? "e.goldstein ASC" : "e.goldstein DESC";
    }
    Stmt st(db_);
    DYAD_RETURN_IF_ERROR(st.Prepare(
        "SELECT e.day, e.source_code, e.target_code, e.code, e.goldstein, e.article_id, "
        "CAST(substr(CAST(a.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT) "
        "FROM events e LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
        "LEFT JOIN articles a ON a.id = e.article_id WHERE " + w.sql + " ORDER BY " + order +
            ", e.confidence DESC, e.day, e.id LIMIT " + std::to_string(o.drivers),
        w.params));
    while (true) {
      auto row = st.Step();
      if (!row.ok()) return Annotate(row.status());
      if (!*row) break;
      out.push_back({Date{static_cast<int32_t>(st.Int(0))}, st.Text(1), st.Text(2), st.Text(3), st.Real(4),
                     st.Text(5), st.Text(6)});
    }
    return out;
  }

  // The distinct codes of `column` that match `pattern`, by repeated index
  // seeks (a loose index scan: one O(log n) step per code, however many rows
  // each code has). Capped: past kMaxCodes the caller falls back to a range.
  static constexpr size_t kMaxCodes = 2000;
  Result<std::vector<std::string>> DistinctCodes(const std::string& column, std::string_view pattern) {
    auto [lo, hi] = PrefixRange(pattern);
    std::vector<std::string> codes;
    std::string from = lo;
    bool inclusive = true;
    while (codes.size() <= kMaxCodes) {
      Stmt st(db_);
      DYAD_RETURN_IF_ERROR(st.Prepare("SELECT min(" + column + ") FROM events WHERE " + column +
                                          (inclusive ? " >= ?" : " > ?") + " AND " + column + " < ?",
                                      {from, hi}));
      auto row = st.Step();
      if (!row.ok()) return Annotate(row.status());
      if (!*row || st.IsNull(0)) break;
      from = st.Text(0);
      codes.push_back(from);
      inclusive = false;
    }
    return codes;
  }

  // Adds "column IN (codes matching pattern)" to `w`; false when no code matches.
  Result<bool> CodeClause(const std::string& column, std::string_view pattern, Where* w) {
    auto codes = DistinctCodes(column, pattern);
    if (!codes.ok()) return codes.status();
    if (codes->empty()) return false;
    std::vector<Param> p;
    if (codes->size() > kMaxCodes) {
      std::string c = PrefixClause(column, pattern, &p);
      w->Add(c, std::move(p));
      return true;
    }
    std::string in = column + " IN (";
    for (size_t i = 0; i < codes->size(); ++i) {
      in += i ? ",?" : "?";
      p.push_back((*codes)[i]);
    }
    w->Add(in + ")", std::move(p));
    return true;
  }

  Status CheckFilter(const Filter& f) {
    if (f.from && f.to && *f.to < *f.from) return Status::InvalidArgument("--to is before --from");
    for (char ch : f.code) {
      if (ch < '0' || ch > '9') return Status::InvalidArgument("--code: '" + f.code + "' is not a CAMEO code");
    }
    return Status::Ok();
  }

  static void AddDateBounds(const Filter& f, Where* w) {
    if (f.from) w->Add("day >= ?", {static_cast<int64_t>(f.from->days)});
    if (f.to) w->Add("day <= ?", {static_cast<int64_t>(f.to->days)});
  }

  Status Annotate(const Status& s) { return Status::IOError(path_ + ": " + s.message()); }

  Status QueryInt(const std::string& sql, int64_t* out) {
    Stmt st(db_);
    DYAD_RETURN_IF_ERROR(st.Prepare(sql, {}));
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::IOError(path_ + ": no result for " + sql);
    *out = st.Int(0);
    return Status::Ok();
  }

  std::string path_;
  sqlite3* db_ = nullptr;
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  size_t m = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(m), v.end());
  double hi = v[m];
  if (v.size() % 2) return hi;
  double lo = *std::max_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(m));
  return (lo + hi) / 2;
}

double MeanOf(const std::vector<Observation>& x, size_t begin, size_t end) {
  double s = 0;
  for (size_t i = begin; i < end; ++i) s += x[i].value;
  return end > begin ? s / static_cast<double>(end - begin) : 0.0;
}

}  // namespace

Status ValidateActorPattern(std::string_view pattern, std::string_view what, bool allow_empty) {
  if (pattern.empty()) {
    return allow_empty ? Status::Ok() : Status::InvalidArgument(std::string(what) + ": an actor pattern is required");
  }
  if (pattern.size() > 32) return Status::InvalidArgument(std::string(what) + ": actor pattern longer than 32 characters");
  for (char c : pattern) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!ok) {
      return Status::InvalidArgument(std::string(what) + ": '" + std::string(pattern) +
                                     "' is not an actor pattern (letters and digits, e.g. ISR, ISRGOV, IGOUNO)");
    }
  }
  return Status::Ok();
}

std::string NormalizePattern(std::string_view pattern) {
  std::string out(pattern);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool MatchesPattern(std::string_view code, std::string_view pattern) {
  if (pattern.empty()) return true;
  if (code.size() < pattern.size()) return false;
  std::string p = NormalizePattern(pattern);
  std::string c = NormalizePattern(code.substr(0, p.size()));
  return c == p;
}

Result<Period> ParsePeriod(std::string_view name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  return Status::InvalidArgument("unknown period '" + std::string(name) + "' (day, week or month)");
}

std::string_view PeriodName(Period p) {
  switch (p) {
    case Period::kDay: return "day";
    case Period::kWeek: return "week";
    case Period::kMonth: return "month";
  }
  return "?";
}

Date PeriodStart(Date d, Period p) {
  switch (p) {
    case Period::kDay: return d;
    case Period::kWeek: return Date{d.days - d.weekday()};
    case Period::kMonth: return Date::FromYmd(d.year(), d.month(), 1);
  }
  return d;
}

Date NextPeriodStart(Date start, Period p) {
  switch (p) {
    case Period::kDay: return Date{start.days + 1};
    case Period::kWeek: return Date{start.days + 7};
    case Period::kMonth:
      return start.month() == 12 ? Date::FromYmd(start.year() + 1, 1, 1) : Date::FromYmd(start.year(), start.month() + 1, 1);
  }
  return start;
}

std::string PeriodLabel(Date start, Period p) {
  std::string s = start.ToString();
  return p == Period::kMonth ? s.substr(0, 7) : s;
}

int64_t Series::Events() const {
  int64_t n = 0;
  for (const Bucket& b : buckets) n += b.events;
  return n;
}

Result<RankBy> ParseRankBy(std::string_view name) {
  if (name == "volume") return RankBy::kVolume;
  if (name == "conflict") return RankBy::kConflict;
  if (name == "goldstein" || name == "negative") return RankBy::kNegative;
  if (name == "change") return RankBy::kChange;
  return Status::InvalidArgument("unknown ranking '" + std::string(name) + "' (volume, conflict, goldstein or change)");
}

Result<Level> ParseLevel(std::string_view name) {
  if (name == "code") return Level::kCode;
  if (name == "country") return Level::kCountry;
  return Status::InvalidArgument("unknown level '" + std::string(name) + "' (code or country)");
}

Result<ShiftSeries> ParseShiftSeries(std::string_view name) {
  if (name == "goldstein") return ShiftSeries::kGoldstein;
  if (name == "conflict-share") return ShiftSeries::kConflictShare;
  return Status::InvalidArgument("unknown series '" + std::string(name) + "' (goldstein or conflict-share)");
}

std::string_view ShiftSeriesName(ShiftSeries s) {
  return s == ShiftSeries::kGoldstein ? "goldstein" : "conflict-share";
}

Shifts DetectShifts(const std::vector<Observation>& x, const ShiftOptions& o) {
  Shifts sh;
  sh.options = o;
  sh.observations = x;
  const size_t n = x.size();
  const double floor = o.series == ShiftSeries::kGoldstein ? o.min_sigma : o.min_sigma / 10;
  std::vector<double> diffs;
  for (size_t i = 1; i < n; ++i) diffs.push_back(std::abs(x[i].value - x[i - 1].value));
  sh.sigma = std::max(floor, Median(diffs) / 0.9539);
  const size_t warmup = static_cast<size_t>(std::max(1, o.warmup));
  if (n <= warmup) return sh;
  double mu = MeanOf(x, 0, warmup);
  double up = 0, down = 0;
  size_t up_start = 0, down_start = 0;  // first index after the sums were last zero
  for (size_t t = 0; t < n; ++t) {
    double z = (x[t].value - mu) / sh.sigma;
    up = std::max(0.0, up + z - o.drift);
    down = std::max(0.0, down - z - o.drift);
    if (up == 0) up_start = t + 1;
    if (down == 0) down_start = t + 1;
    if (up <= o.threshold && down <= o.threshold) continue;
    const bool rising = up >= down;
    // The sum left zero at `window`; within [window, t] the change is placed at the
    // maximum-likelihood step for a known prior mean (Pignatiello and Samuel
    // 2001): argmax over tau of (t - tau + 1) * (mean(x[tau..t]) - mu)^2. The
    // last zero alone drifts early when mu is slightly off.
    const size_t window = std::min(rising ? up_start : down_start, t);
    size_t start = t;
    double best = -1, sum = 0;
    for (size_t tau = t + 1; tau-- > window;) {
      sum += x[tau].value - mu;
      const double ll = sum * sum / static_cast<double>(t - tau + 1);
      if (ll > best) {
        best = ll;
        start = tau;
      }
    }
    ChangePoint c;
    c.start = x[start].start;
    c.detected = x[t].start;
    // A rising Goldstein mean is a move toward cooperation; a rising conflict share toward conflict.
    c.toward_conflict = o.series == ShiftSeries::kGoldstein ? !rising : rising;
    c.before = mu;
    c.statistic = rising ? up : down;
    // The new level: the `warmup` periods after the change's first one, which
    // usually straddles the change (events are dated by day, periods are
    // longer); when the series ends sooner, from the change to the alarm.
    if (start + 1 + warmup <= n) {
      c.after = MeanOf(x, start + 1, start + 1 + warmup);
    } else {
      c.after = MeanOf(x, start, std::max(t + 1, std::min(n, start + warmup)));
    }
    sh.changes.push_back(std::move(c));
    mu = sh.changes.back().after;
    up = down = 0;
    up_start = down_start = t + 1;
  }
  return sh;
}

Result<std::unique_ptr<Analyzer>> Analyzer::Open(const std::string& path) {
  auto an = std::make_unique<SqliteAnalyzer>(path);
  if (Status s = an->Init(); !s.ok()) return s;
  return std::unique_ptr<Analyzer>(std::move(an));
}

}  // namespace dyad::analysis
