// The SQLite implementation of Store. Schema in docs/schema.md; migrations
// below are applied in order and recorded in `meta.schema_version`.
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "dyad/store.h"

namespace dyad {
namespace {

// 'dyad' in ASCII: marks the file as ours (PRAGMA application_id).
constexpr int32_t kApplicationId = 0x64796164;

// Each entry brings the schema from version i to i + 1. Never edit a shipped
// migration; append a new one.
const char* const kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  command TEXT,
  dyad_version TEXT, coder_version TEXT, dictionary_version TEXT, ontology_version TEXT, model_version TEXT,
  articles INTEGER, events INTEGER, rejects INTEGER);
CREATE TABLE articles(
  id TEXT PRIMARY KEY,
  external_id TEXT,
  day INTEGER NOT NULL,
  date TEXT NOT NULL,
  source TEXT, url TEXT, title TEXT,
  text TEXT NOT NULL,
  language TEXT,
  origin TEXT,
  run_id INTEGER REFERENCES runs(id));
CREATE INDEX articles_day ON articles(day);
CREATE TABLE sentences(
  article_id TEXT NOT NULL REFERENCES articles(id),
  idx INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  heading INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(article_id, idx)) WITHOUT ROWID;
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  sentence_idx INTEGER NOT NULL,
  day INTEGER NOT NULL,
  date TEXT NOT NULL,
  source_code TEXT NOT NULL, source_country TEXT, source_agent TEXT, source_name TEXT, source_entry TEXT,
  source_begin INTEGER, source_end INTEGER, source_text TEXT,
  target_code TEXT NOT NULL, target_country TEXT, target_agent TEXT, target_name TEXT, target_entry TEXT,
  target_begin INTEGER, target_end INTEGER, target_text TEXT,
  code TEXT NOT NULL, root TEXT NOT NULL,
  plover_type TEXT, plover_mode TEXT,
  goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
  negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0,
  confidence REAL NOT NULL, mentions INTEGER NOT NULL DEFAULT 1,
  trigger_begin INTEGER, trigger_end INTEGER, trigger_text TEXT, pattern TEXT,
  run_id INTEGER REFERENCES runs(id));
CREATE INDEX events_dyad ON events(source_code, target_code, day);
CREATE INDEX events_target ON events(target_code, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_code ON events(code, day);
CREATE INDEX events_article ON events(article_id, sentence_idx);
)sql",
    // 1 -> 2: the dyad and target indexes also carry the columns the analysis
    // queries aggregate (docs/analysis.md), so a dyad's timeline is read from
    // the index alone instead of one table lookup per event; the day index
    // carries the flags, so per-day totals (normalisation) need no lookups.
    R"sql(
DROP INDEX events_day;
CREATE INDEX events_day ON events(day, hypothetical, negated);
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_code, target_code, day, quad_class, code, goldstein, hypothetical, negated);
DROP INDEX events_target;
CREATE INDEX events_target ON events(target_code, day, source_code, quad_class, code, goldstein, hypothetical, negated);
)sql",
    // 2 -> 3: the tense of the reported act (past, present, future); '' for
    // events stored before dyad recorded it.
    R"sql(
ALTER TABLE events ADD COLUMN tense TEXT NOT NULL DEFAULT '';
)sql",
};
constexpr int kNumMigrations = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kNumMigrations == kStoreSchemaVersion, "one migration per schema version");

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A prepared statement that resets itself for reuse.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }

  Status Prepare(sqlite3* db, const std::string& sql) {
    sqlite3_finalize(s_);
    s_ = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) {
      return Status::Internal(std::string("prepare: ") + sqlite3_errmsg(db) + " in: " + sql.substr(0, 80));
    }
    return Status::Ok();
  }
  sqlite3_stmt* get() { return s_; }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  void Bind(int i, std::string_view v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void BindOrNull(int i, std::string_view v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else Bind(i, v);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(s_, i, v); }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, col)) : std::string();
  }
  int64_t Int(int col) { return sqlite3_column_int64(s_, col); }
  double Real(int col) { return sqlite3_column_double(s_, col); }

 private:
  sqlite3_stmt* s_ = nullptr;
};

// The half-open range of codes that start with `prefix`: [prefix, prefix+1).
std::pair<std::string, std::string> PrefixRange(std::string prefix) {
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](unsigned char c) { return std::toupper(c); });
  std::string hi = prefix;
  while (!hi.empty() && static_cast<unsigned char>(hi.back()) == 0xFF) hi.pop_back();
  if (!hi.empty()) hi.back() = static_cast<char>(hi.back() + 1);
  return {prefix, hi};
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::string path, StoreOptions options) : path_(std::move(path)), options_(options) {}
  ~SqliteStore() override {
    if (in_tx_) (void)Exec("COMMIT");
    // close_v2 waits for the member statements, finalised after this body.
    if (db_) sqlite3_close_v2(db_);
  }

  Status Init() {
    int flags = options_.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      return Status::IOError(path_ + ": cannot open database: " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_extended_result_codes(db_, 1);
    // Reading the application id is the first access: it tells a non-database file.
    int64_t app_id = 0;
    Status s = QueryInt("PRAGMA application_id", &app_id);
    if (!s.ok()) return Status::Corruption(path_ + ": not a dyad database (" + s.message() + ")");
    int64_t tables = 0;
    DYAD_RETURN_IF_ERROR(QueryInt("SELECT count(*) FROM sqlite_master", &tables));
    if (app_id != kApplicationId && (app_id != 0 || tables != 0)) {
      return Status::Corruption(path_ + ": an SQLite database, but not one of dyad's");
    }
    if (!options_.read_only) {
      DYAD_RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL"));
      DYAD_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL"));
      // 64 MiB of page cache: index pages of a large store stay in memory while inserting.
      DYAD_RETURN_IF_ERROR(Exec("PRAGMA cache_size=-65536"));
      DYAD_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON"));
    }
    int64_t version = 0;
    if (tables != 0) {
      std::string v;
      Stmt st;
      DYAD_RETURN_IF_ERROR(st.Prepare(db_, "SELECT value FROM meta WHERE key='schema_version'"));
      if (sqlite3_step(st.get()) != SQLITE_ROW) return Status::Corruption(path_ + ": no schema version");
      version = std::atoll(st.Text(0).c_str());
    }
    if (version > kStoreSchemaVersion) {
      return Status::Corruption(path_ + ": schema version " + std::to_string(version) +
                                " is newer than this dyad's (" + std::to_string(kStoreSchemaVersion) + ")");
    }
    if (version < kStoreSchemaVersion) {
      if (options_.read_only) return Status::Corruption(path_ + ": schema needs migration; open it for writing");
      DYAD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      for (int64_t v = version; v < kStoreSchemaVersion; ++v) {
        Status m = Exec(kMigrations[v]);
        if (!m.ok()) {
          (void)Exec("ROLLBACK");
          return Status::Corruption(path_ + ": migration to schema " + std::to_string(v + 1) + " failed: " + m.message());
        }
      }
      DYAD_RETURN_IF_ERROR(Exec("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '" +
                                std::to_string(kStoreSchemaVersion) + "')"));
      DYAD_RETURN_IF_ERROR(Exec("PRAGMA application_id=" + std::to_string(kApplicationId)));
      DYAD_RETURN_IF_ERROR(Exec("COMMIT"));
    }
    return Status::Ok();
  }

  Result<int64_t> BeginRun(const RunInfo& info) override {
    Stmt st;
    DYAD_RETURN_IF_ERROR(st.Prepare(db_,
        "INSERT INTO runs(started_at, command, dyad_version, coder_version, dictionary_version, ontology_version, "
        "model_version) VALUES(?,?,?,?,?,?,?)"));
    st.Bind(1, NowUtc());
    st.Bind(2, info.command);
    st.Bind(3, info.dyad_version);
    st.Bind(4, info.coder_version);
    st.Bind(5, info.dictionary_version);
    st.Bind(6, info.ontology_version);
    st.BindOrNull(7, info.model_version);
    DYAD_RETURN_IF_ERROR(Step(st, "begin run"));
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status FinishRun(int64_t run, int64_t articles, int64_t events, int64_t rejects) override {
    DYAD_RETURN_IF_ERROR(Commit());
    Stmt st;
    DYAD_RETURN_IF_ERROR(st.Prepare(db_, "UPDATE runs SET finished_at=?, articles=?, events=?, rejects=? WHERE id=?"));
    st.Bind(1, NowUtc());
    st.Bind(2, articles);
    st.Bind(3, events);
    st.Bind(4, rejects);
    st.Bind(5, run);
    return Step(st, "finish run");
  }

  Result<bool> HasArticle(const std::string& id) override {
    if (!has_article_.get()) DYAD_RETURN_IF_ERROR(has_article_.Prepare(db_, "SELECT 1 FROM articles WHERE id=?"));
    has_article_.Reset();
    has_article_.Bind(1, id);
    int rc = sqlite3_step(has_article_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Status::IOError(path_ + ": " + sqlite3_errmsg(db_));
  }

  Result<bool> AddArticle(const Article& a, const std::vector<SentenceRecord>& sentences,
                          const std::vector<Event>& events, int64_t run) override {
    if (!in_tx_) {
      DYAD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      in_tx_ = true;
      batch_ = 0;
    }
    if (!add_article_.get()) {
      DYAD_RETURN_IF_ERROR(add_article_.Prepare(db_,
          "INSERT OR IGNORE INTO articles(id, external_id, day, date, source, url, title, text, language, origin, "
          "run_id) VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
      DYAD_RETURN_IF_ERROR(add_sentence_.Prepare(db_,
          "INSERT INTO sentences(article_id, idx, begin, end, heading) VALUES(?,?,?,?,?)"));
      DYAD_RETURN_IF_ERROR(add_event_.Prepare(db_,
          "INSERT INTO events(article_id, sentence_idx, day, date, "
          "source_code, source_country, source_agent, source_name, source_entry, source_begin, source_end, source_text, "
          "target_code, target_country, target_agent, target_name, target_entry, target_begin, target_end, target_text, "
          "code, root, plover_type, plover_mode, goldstein, quad_class, negated, hypothetical, confidence, mentions, "
          "trigger_begin, trigger_end, trigger_text, pattern, run_id, tense) "
          "VALUES(?,?,?,?, ?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?)"));
    }
    Stmt& sa = add_article_;
    sa.Reset();
    sa.Bind(1, a.id);
    sa.BindOrNull(2, a.external_id);
    sa.Bind(3, static_cast<int64_t>(a.date.days));
    sa.Bind(4, a.date.ToString());
    sa.BindOrNull(5, a.source);
    sa.BindOrNull(6, a.url);
    sa.BindOrNull(7, a.title);
    sa.Bind(8, a.text);
    sa.Bind(9, a.language);
    sa.BindOrNull(10, a.origin);
    sa.Bind(11, run);
    DYAD_RETURN_IF_ERROR(Step(sa, "add article"));
    if (sqlite3_changes(db_) == 0) return false;  // already stored
    for (const SentenceRecord& s : sentences) {
      add_sentence_.Reset();
      add_sentence_.Bind(1, a.id);
      add_sentence_.Bind(2, static_cast<int64_t>(s.index));
      add_sentence_.Bind(3, static_cast<int64_t>(s.span.begin));
      add_sentence_.Bind(4, static_cast<int64_t>(s.span.end));
      add_sentence_.Bind(5, static_cast<int64_t>(s.heading));
      DYAD_RETURN_IF_ERROR(Step(add_sentence_, "add sentence"));
    }
    for (const Event& e : events) {
      Stmt& st = add_event_;
      st.Reset();
      int i = 1;
      st.Bind(i++, a.id);
      st.Bind(i++, static_cast<int64_t>(e.sentence_index));
      st.Bind(i++, static_cast<int64_t>(e.date.days));
      st.Bind(i++, e.date.ToString());
      for (const EventActor* actor : {&e.source, &e.target}) {
        st.Bind(i++, actor->code);
        st.BindOrNull(i++, actor->country);
        st.BindOrNull(i++, actor->agent);
        st.BindOrNull(i++, actor->name);
        st.BindOrNull(i++, actor->entry);
        if (actor->code.empty()) {
          i += 3;  // NULL spans
        } else {
          st.Bind(i++, static_cast<int64_t>(actor->span.begin));
          st.Bind(i++, static_cast<int64_t>(actor->span.end));
          st.Bind(i++, actor->text);
        }
      }
      st.Bind(i++, e.code);
      st.Bind(i++, e.root);
      st.BindOrNull(i++, e.plover_type);
      st.BindOrNull(i++, e.plover_mode);
      st.Bind(i++, e.goldstein);
      st.Bind(i++, static_cast<int64_t>(e.quad_class));
      st.Bind(i++, static_cast<int64_t>(e.negated));
      st.Bind(i++, static_cast<int64_t>(e.hypothetical));
      st.Bind(i++, e.confidence);
      st.Bind(i++, static_cast<int64_t>(e.mentions));
      st.Bind(i++, static_cast<int64_t>(e.trigger.begin));
      st.Bind(i++, static_cast<int64_t>(e.trigger.end));
      st.Bind(i++, e.trigger_text);
      st.Bind(i++, e.pattern);
      st.Bind(i++, run);
      st.Bind(i++, std::string(TenseName(e.tense)));
      DYAD_RETURN_IF_ERROR(Step(st, "add event"));
    }
    if (++batch_ >= options_.batch_size) DYAD_RETURN_IF_ERROR(Commit());
    return true;
  }

  Status Commit() override {
    if (!in_tx_) return Status::Ok();
    in_tx_ = false;
    return Exec("COMMIT");
  }

  Status QueryEvents(const EventQuery& q, const std::function<bool(const Event&)>& fn) override {
    std::string sql =
        "SELECT e.article_id, e.sentence_idx, e.day, "
        "e.source_code, e.source_country, e.source_agent, e.source_name, e.source_entry, e.source_begin, "
        "e.source_end, e.source_text, "
        "e.target_code, e.target_country, e.target_agent, e.target_name, e.target_entry, e.target_begin, "
        "e.target_end, e.target_text, "
        "e.code, e.root, e.plover_type, e.plover_mode, e.goldstein, e.quad_class, e.negated, e.hypothetical, "
        "e.confidence, e.mentions, e.trigger_begin, e.trigger_end, e.trigger_text, e.pattern, e.tense, "
        "a.url, a.source, s.begin, s.end, CAST(substr(CAST(a.text AS BLOB), s.begin + 1, s.end - s.begin) AS TEXT) "  // byte offsets

        "FROM events e JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
        "JOIN articles a ON a.id = e.article_id WHERE 1";
    std::vector<std::string> binds;
    auto prefix = [&](const std::string& column, const std::string& pattern) {
      auto [lo, hi] = PrefixRange(pattern);
      sql += " AND " + column + " >= ?";
      binds.push_back(lo);
      if (!hi.empty()) {
        sql += " AND " + column + " < ?";
        binds.push_back(hi);
      }
    };
    if (!q.source.empty()) prefix("e.source_code", q.source);
    if (!q.target.empty()) prefix("e.target_code", q.target);
    if (!q.actor.empty()) {
      auto [lo, hi] = PrefixRange(q.actor);
      sql += " AND ((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))";
      binds.insert(binds.end(), {lo, hi, lo, hi});
    }
    if (!q.code.empty()) prefix("e.code", q.code);
    if (q.from) sql += " AND e.day >= " + std::to_string(q.from->days);
    if (q.to) sql += " AND e.day <= " + std::to_string(q.to->days);
    if (!q.include_hypothetical) sql += " AND e.hypothetical = 0";
    if (!q.include_negated) sql += " AND e.negated = 0";
    sql += q.order == EventQuery::Order::kImpact ? " ORDER BY abs(e.goldstein) * e.confidence DESC, e.day, e.id"
                                                 : " ORDER BY e.day, e.article_id, e.sentence_idx, e.id";
    if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
    Stmt st;
    DYAD_RETURN_IF_ERROR(st.Prepare(db_, sql));
    for (size_t i = 0; i < binds.size(); ++i) st.Bind(static_cast<int>(i + 1), binds[i]);
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
      Event e;
      int c = 0;
      e.article_id = st.Text(c++);
      e.sentence_index = static_cast<uint32_t>(st.Int(c++));
      e.date = Date{static_cast<int32_t>(st.Int(c++))};
      for (EventActor* actor : {&e.source, &e.target}) {
        actor->code = st.Text(c++);
        actor->country = st.Text(c++);
        actor->agent = st.Text(c++);
        actor->name = st.Text(c++);
        actor->entry = st.Text(c++);
        actor->span.begin = static_cast<uint32_t>(st.Int(c++));
        actor->span.end = static_cast<uint32_t>(st.Int(c++));
        actor->text = st.Text(c++);
      }
      e.code = st.Text(c++);
      e.root = st.Text(c++);
      e.plover_type = st.Text(c++);
      e.plover_mode = st.Text(c++);
      e.goldstein = st.Real(c++);
      e.quad_class = static_cast<QuadClass>(st.Int(c++));
      e.negated = st.Int(c++) != 0;
      e.hypothetical = st.Int(c++) != 0;
      e.confidence = st.Real(c++);
      e.mentions = static_cast<uint32_t>(st.Int(c++));
      e.trigger.begin = static_cast<uint32_t>(st.Int(c++));
      e.trigger.end = static_cast<uint32_t>(st.Int(c++));
      e.trigger_text = st.Text(c++);
      e.pattern = st.Text(c++);
      {
        std::string t = st.Text(c++);
        e.tense = t == "future"    ? Tense::kFuture
                  : t == "present" ? Tense::kPresent
                  : t == "past"    ? Tense::kPast
                                   : Tense::kUnknown;
      }
      e.article_url = st.Text(c++);
      e.article_source = st.Text(c++);
      e.sentence.begin = static_cast<uint32_t>(st.Int(c++));
      e.sentence.end = static_cast<uint32_t>(st.Int(c++));
      e.sentence_text = st.Text(c++);
      if (!fn(e)) return Status::Ok();
    }
    if (rc != SQLITE_DONE) return Status::IOError(path_ + ": query failed: " + sqlite3_errmsg(db_));
    return Status::Ok();
  }

  Result<StoreStats> Stats(size_t top_n) override {
    StoreStats s;
    DYAD_RETURN_IF_ERROR(QueryInt("SELECT count(*) FROM articles", &s.articles));
    DYAD_RETURN_IF_ERROR(QueryInt("SELECT count(*) FROM sentences", &s.sentences));
    DYAD_RETURN_IF_ERROR(QueryInt("SELECT count(*) FROM events", &s.events));
    DYAD_RETURN_IF_ERROR(QueryInt("SELECT count(*) FROM runs", &s.runs));
    if (s.articles > 0) {
      int64_t lo = 0, hi = 0;
      DYAD_RETURN_IF_ERROR(QueryInt("SELECT min(day) FROM articles", &lo));
      DYAD_RETURN_IF_ERROR(QueryInt("SELECT max(day) FROM articles", &hi));
      s.first_date = Date{static_cast<int32_t>(lo)};
      s.last_date = Date{static_cast<int32_t>(hi)};
    }
    auto counts = [&](const std::string& sql, std::vector<StoreStats::Count>* out) -> Status {
      Stmt st;
      DYAD_RETURN_IF_ERROR(st.Prepare(db_, sql));
      while (sqlite3_step(st.get()) == SQLITE_ROW) out->push_back({st.Text(0), st.Int(1)});
      return Status::Ok();
    };
    const std::string lim = std::to_string(top_n);
    DYAD_RETURN_IF_ERROR(counts("SELECT root, count(*) FROM events GROUP BY root ORDER BY root", &s.by_root));
    DYAD_RETURN_IF_ERROR(counts(
        "SELECT source_code || '>' || target_code, count(*) AS n FROM events WHERE target_code != '' "
        "GROUP BY source_code, target_code ORDER BY n DESC, 1 LIMIT " + lim, &s.top_dyads));
    DYAD_RETURN_IF_ERROR(counts(
        "SELECT code, count(*) AS n FROM (SELECT source_code AS code FROM events UNION ALL "
        "SELECT target_code FROM events WHERE target_code != '') GROUP BY code ORDER BY n DESC, code LIMIT " + lim,
        &s.top_actors));
    return s;
  }

  Result<Article> GetArticle(const std::string& id) override {
    Stmt st;
    DYAD_RETURN_IF_ERROR(st.Prepare(db_,
        "SELECT id, external_id, day, source, url, title, text, language, origin FROM articles WHERE id=?"));
    st.Bind(1, id);
    if (sqlite3_step(st.get()) != SQLITE_ROW) return Status::NotFound("no article with id " + id);
    Article a;
    a.id = st.Text(0);
    a.external_id = st.Text(1);
    a.date = Date{static_cast<int32_t>(st.Int(2))};
    a.source = st.Text(3);
    a.url = st.Text(4);
    a.title = st.Text(5);
    a.text = st.Text(6);
    a.language = st.Text(7);
    a.origin = st.Text(8);
    return a;
  }

 private:
  Status Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IOError(path_ + ": " + msg);
    }
    return Status::Ok();
  }

  Status QueryInt(const std::string& sql, int64_t* out) {
    Stmt st;
    DYAD_RETURN_IF_ERROR(st.Prepare(db_, sql));
    int rc = sqlite3_step(st.get());
    if (rc == SQLITE_ROW) {
      *out = st.Int(0);
      return Status::Ok();
    }
    return Status::IOError(path_ + ": " + sqlite3_errmsg(db_));
  }

  Status Step(Stmt& st, const char* what) {
    int rc = sqlite3_step(st.get());
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      return Status::IOError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
    }
    return Status::Ok();
  }

  std::string path_;
  StoreOptions options_;
  sqlite3* db_ = nullptr;
  bool in_tx_ = false;
  size_t batch_ = 0;
  Stmt has_article_, add_article_, add_sentence_, add_event_;
};

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto store = std::make_unique<SqliteStore>(path, options);
  Status s = store->Init();
  if (!s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace dyad
