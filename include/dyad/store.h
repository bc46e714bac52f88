// The event store: articles, sentences, coded events with provenance, and the
// runs (coder, dictionary and model versions) that produced them, in SQLite.
//
//   auto store = dyad::Store::Open("events.db");         // creates or migrates
//   int64_t run = store.value()->BeginRun({...}).value();
//   store.value()->AddArticle(article, sentences, events, run);
//   store.value()->Commit();                              // ends the batch
//
// Consistency: writes are grouped in transactions (a batch of articles); an
// article, its sentences and its events are written in the same transaction,
// so a process killed mid-run leaves whole articles only, and running the same
// input again adds what is missing without duplicates (articles are keyed by
// their stable id). The database uses WAL journaling.
//
// Thread-safety: a Store is used by one thread at a time.
#ifndef DYAD_STORE_H_
#define DYAD_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad {

inline constexpr int kStoreSchemaVersion = 3;

struct SentenceRecord {
  uint32_t index = 0;
  Span span;
  bool heading = false;
};

struct RunInfo {
  std::string command;             // what was run, for the record
  std::string dyad_version;
  std::string coder_version;
  std::string dictionary_version;  // actors + events dictionaries
  std::string ontology_version;
  std::string model_version;       // syntax model, empty when not used
};

// Actor patterns (source, target, actor) match a code by prefix: "ISR" matches
// ISR, ISRGOV and ISRMIL; "ISRGOV" matches ISRGOV and ISRGOVMIL...; "IGOUNO"
// matches IGOUNO and its agencies. Case-insensitive. Empty means any.
struct EventQuery {
  std::string actor;   // either side
  std::string source;
  std::string target;
  std::string code;    // a CAMEO code prefix: "19" (the root), "190", "0233"
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // inclusive
  bool include_hypothetical = false;
  bool include_negated = false;
  size_t limit = 0;    // 0 = no limit
  enum class Order { kDate, kImpact } order = Order::kDate;  // kImpact: |Goldstein| x confidence, highest first
};

struct StoreStats {
  int64_t articles = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  int64_t runs = 0;
  std::optional<Date> first_date;
  std::optional<Date> last_date;
  struct Count {
    std::string key;
    int64_t n = 0;
  };
  std::vector<Count> by_root;     // "19" -> n, in code order
  std::vector<Count> top_dyads;   // "USAGOV>ISRGOV" -> n, most frequent first
  std::vector<Count> top_actors;  // by events as source or target
};

struct StoreOptions {
  bool read_only = false;
  // Articles per transaction when the caller does not Commit() itself. Larger
  // batches are faster; a crash loses at most one batch (which a re-run adds).
  size_t batch_size = 500;
};

class Store {
 public:
  // Opens or creates the database at `path` and brings its schema to the
  // current version. Fails with Corruption if the file is not a dyad database
  // or has a newer schema.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});
  virtual ~Store() = default;

  virtual Result<int64_t> BeginRun(const RunInfo& info) = 0;
  virtual Status FinishRun(int64_t run, int64_t articles, int64_t events, int64_t rejects) = 0;

  virtual Result<bool> HasArticle(const std::string& id) = 0;
  // Adds an article, its sentences and events. Returns false (and writes
  // nothing) if an article with that id is already stored.
  virtual Result<bool> AddArticle(const Article& article, const std::vector<SentenceRecord>& sentences,
                                  const std::vector<Event>& events, int64_t run) = 0;
  // Commits the open batch, if any.
  virtual Status Commit() = 0;

  // Calls `fn` for each matching event in (date, article, sentence) order; stop by returning false.
  virtual Status QueryEvents(const EventQuery& query, const std::function<bool(const Event&)>& fn) = 0;
  virtual Result<StoreStats> Stats(size_t top_n = 10) = 0;
  virtual Result<Article> GetArticle(const std::string& id) = 0;
};

}  // namespace dyad

#endif  // DYAD_STORE_H_
