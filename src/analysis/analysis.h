// Analysis over the event store: dyad timelines, actor and dyad rankings,
// actor networks and change points ("shifts") in a dyad's conflict and
// cooperation balance. Every aggregate is computed by SQLite (GROUP BY over
// the indexed columns source_code, target_code, day); the results are small
// (one row per period, actor or edge), never the events themselves.
//
//   auto an = analysis::Analyzer::Open("dyad.db");
//   analysis::TimelineOptions t;  t.a = "USA";  t.b = "ISR";  t.period = analysis::Period::kWeek;
//   Result<analysis::Timeline> tl = an.value()->MakeTimeline(t);
//
// Actor patterns (ISR, ISRGOV, IGOUNO) follow the store's rule everywhere: a
// pattern matches every actor code it is a prefix of, case-insensitively
// ("ISR" matches ISR, ISRGOV, ISRMIL; "ISRGOV" matches ISRGOV and ISRGOVMIL;
// "IGOUNO" matches IGOUNO and its agencies). Patterns are letters and digits
// only; anything else is InvalidArgument (see ValidateActorPattern).
//
// Events flagged negated or hypothetical are left out unless the filter asks
// for them, as in `dyad events`; normalisation totals use the same flags.
//
// Thread-safety: an Analyzer is used by one thread at a time.
#ifndef DYAD_ANALYSIS_ANALYSIS_H_
#define DYAD_ANALYSIS_ANALYSIS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad::analysis {

// Checks an actor pattern ("ISR", "isrgov", "IGOUNO"); `what` names the option in errors.
// An empty pattern is allowed only where `allow_empty`.
Status ValidateActorPattern(std::string_view pattern, std::string_view what, bool allow_empty = false);
// Upper-cases a valid pattern.
std::string NormalizePattern(std::string_view pattern);
// True when `code` matches `pattern` under the prefix rule above.
bool MatchesPattern(std::string_view code, std::string_view pattern);

// Periods: a day; an ISO week (Monday to Sunday, labelled by its Monday); a calendar month.
enum class Period { kDay, kWeek, kMonth };
Result<Period> ParsePeriod(std::string_view name);  // "day", "week", "month"
std::string_view PeriodName(Period p);
Date PeriodStart(Date d, Period p);      // the first day of the period holding d
Date NextPeriodStart(Date start, Period p);
// "2024-03-18" for days and weeks, "2024-03" for months.
std::string PeriodLabel(Date start, Period p);

// Filters shared by every analysis.
struct Filter {
  std::optional<Date> from;  // inclusive; empty: the first matching event
  std::optional<Date> to;    // inclusive; empty: the last matching event
  std::string code;          // a CAMEO code prefix ("19"); empty: all codes
  bool include_hypothetical = false;
  bool include_negated = false;
};

inline constexpr int kQuadClasses = 4;
inline constexpr int kRoots = 20;

// One period of one direction of a dyad.
struct Bucket {
  Date start;
  int64_t events = 0;
  std::array<int64_t, kQuadClasses> quad{};  // [0] verbal cooperation ... [3] material conflict
  std::array<int64_t, kRoots> root{};        // [0] root 01 ... [19] root 20
  double goldstein_sum = 0.0;
  // All events in the store in the period (same flags and code filter); set
  // only when the timeline is normalised, else 0.
  int64_t total = 0;

  double GoldsteinMean() const { return events ? goldstein_sum / static_cast<double>(events) : 0.0; }
  double Share() const { return total ? static_cast<double>(events) / static_cast<double>(total) : 0.0; }
  int64_t Conflict() const { return quad[2] + quad[3]; }
};

struct TimelineOptions {
  std::string a;           // required
  std::string b;           // empty: A against everyone (A->any and any->A)
  Period period = Period::kWeek;
  Filter filter;
  bool normalize = false;  // fill Bucket::total (share of all events in the period)
};

struct Series {
  std::string source;  // pattern, or "*" for anyone
  std::string target;
  std::vector<Bucket> buckets;  // one per period from first to last, empty periods with zeros

  int64_t Events() const;
};

struct Timeline {
  Period period = Period::kWeek;
  std::optional<Date> first, last;  // first and last period starts; unset when nothing matched
  std::vector<Series> series;       // [0] A->B (or A->any), [1] B->A (or any->A)
};

// Rankings of actors or dyads.
enum class RankBy {
  kVolume,     // events
  kConflict,   // verbal + material conflict events (QuadClass 3 and 4)
  kNegative,   // sum of negative Goldstein values (most negative first)
  kChange,     // events now minus events in the previous period of the same length
};
Result<RankBy> ParseRankBy(std::string_view name);  // "volume", "conflict", "goldstein", "change"

// How actor codes are grouped: as coded (ISRGOV, ISRMIL apart) or by their
// first three letters (country, or IGO/NGO/... for organisations).
enum class Level { kCode, kCountry };
Result<Level> ParseLevel(std::string_view name);  // "code", "country"

struct RankOptions {
  RankBy by = RankBy::kVolume;
  bool dyads = false;    // rank directed dyads (source>target) instead of actors
  Level level = Level::kCode;
  std::string actor;     // only actors/dyads involving this pattern; empty: all
  size_t top = 10;
  Filter filter;         // the current period; for kChange an open end is filled from the data (see docs)
  int change_days = 30;  // kChange with no --from: the period is the last change_days days up to `to`
};

struct RankRow {
  std::string key;        // "ISRGOV", or "USAGOV>ISRGOV" for dyads
  int64_t events = 0;
  int64_t conflict = 0;   // QuadClass 3 + 4
  double goldstein_sum = 0.0;
  double negative_sum = 0.0;   // sum of negative Goldstein values
  int64_t previous = 0;   // events in the previous period (always computed)
  int64_t change() const { return events - previous; }
};

struct Ranking {
  Date from, to;                    // the current period
  Date previous_from, previous_to;  // the previous one, of the same length
  std::vector<RankRow> rows;
};

struct NetworkOptions {
  Filter filter;
  Level level = Level::kCode;
  std::string actor;       // only edges touching this pattern; empty: all
  int64_t min_events = 1;  // leave out lighter edges
  size_t max_nodes = 0;    // keep the busiest nodes only (0: all)
  bool self_loops = false; // keep edges from a node to itself (ISRGOV>ISRMIL at country level)
};

struct Edge {
  std::string source, target;
  int64_t events = 0;  // the weight
  int64_t conflict = 0;
  double goldstein_sum = 0.0;
  double GoldsteinMean() const { return events ? goldstein_sum / static_cast<double>(events) : 0.0; }
};

struct Node {
  std::string id;
  int64_t events = 0;  // as source or target, over the kept edges
  double goldstein_sum = 0.0;
};

struct Network {
  std::optional<Date> from, to;
  std::vector<Node> nodes;  // busiest first
  std::vector<Edge> edges;  // heaviest first
};

// Change points by two-sided tabular CUSUM (Page 1954) on a per-period series
// of a dyad (both directions pooled):
//   z_t = (x_t - mu) / sigma,  S+_t = max(0, S+_{t-1} + z_t - k),  S-_t = max(0, S-_{t-1} - z_t - k)
// An alarm is raised when S+ or S- exceeds h. The change is placed, among the
// periods since that sum was last zero, at the maximum-likelihood step for the
// known mean mu (Pignatiello & Samuel 2001); mu is re-estimated as
// the mean of the `warmup` periods that follow the change's first period (which
// usually mixes both regimes) and both sums restart. sigma is a robust scale
// fixed for the whole series: the median absolute successive difference
// divided by 0.9539 (= 0.6745 * sqrt 2), which level shifts barely move; mu
// starts as the mean of the first `warmup` observed periods. Periods with
// fewer than `min_events` events carry no observation and are skipped.
enum class ShiftSeries {
  kGoldstein,      // mean Goldstein of the period's events
  kConflictShare,  // share of conflict events (QuadClass 3 and 4) in the period
};
Result<ShiftSeries> ParseShiftSeries(std::string_view name);  // "goldstein", "conflict-share"
std::string_view ShiftSeriesName(ShiftSeries s);

struct ShiftOptions {
  std::string a, b;  // both required
  Period period = Period::kWeek;
  ShiftSeries series = ShiftSeries::kGoldstein;
  Filter filter;
  double threshold = 5.0;  // h, in units of sigma
  double drift = 0.5;      // k, in units of sigma
  int warmup = 8;          // observed periods for the first mu and after each change
  int64_t min_events = 1;
  double min_sigma = 0.25; // floor for sigma (Goldstein points; shares use min_sigma / 10)
  size_t drivers = 5;      // events listed per change
};

struct Observation {
  Date start;
  int64_t events = 0;
  double value = 0.0;
};

struct DriverEvent {
  Date date;
  std::string source, target, code;
  double goldstein = 0.0;
  std::string article_id;
  std::string sentence;
};

struct ChangePoint {
  Date start;           // first period of the new regime
  Date detected;        // period in which CUSUM crossed h
  bool toward_conflict = false;
  double before = 0.0;  // mean of the series before the change (the running mu)
  double after = 0.0;   // mean from the change to the detection
  double statistic = 0.0;  // the CUSUM sum at detection
  std::vector<DriverEvent> drivers;  // events of the change window that pushed the series the way it moved
};

struct Shifts {
  ShiftOptions options;
  double sigma = 0.0;
  std::vector<Observation> observations;
  std::vector<ChangePoint> changes;
};

// Detects change points in a series (exposed for tests and other callers).
// Fills sigma and the change points' start/detected/before/after/statistic.
Shifts DetectShifts(const std::vector<Observation>& series, const ShiftOptions& options);

class Analyzer {
 public:
  // Opens a dyad database read-only. NotFound if missing, Corruption if the
  // file is not a dyad database or its schema is newer than this build's.
  static Result<std::unique_ptr<Analyzer>> Open(const std::string& path);
  virtual ~Analyzer() = default;

  virtual Result<Timeline> MakeTimeline(const TimelineOptions& options) = 0;
  virtual Result<Ranking> Rank(const RankOptions& options) = 0;
  virtual Result<Network> MakeNetwork(const NetworkOptions& options) = 0;
  virtual Result<Shifts> FindShifts(const ShiftOptions& options) = 0;
  // The first and last event days in the store (unset when empty).
  virtual Result<std::pair<std::optional<Date>, std::optional<Date>>> DateRange() = 0;
};

}  // namespace dyad::analysis

#endif  // DYAD_ANALYSIS_ANALYSIS_H_
