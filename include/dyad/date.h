// A civil (proleptic Gregorian) calendar date, stored as days since 1970-01-01.
// Event data is dated by day; times of day are parsed and dropped.
#ifndef DYAD_DATE_H_
#define DYAD_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad {

struct Date {
  int32_t days = 0;  // days since 1970-01-01

  static Date FromYmd(int year, int month, int day);  // caller guarantees a valid date
  // Strict "YYYY-MM-DD"; also accepts an ISO 8601 date-time ("2024-03-22T10:15:00Z",
  // "2024-03-22 10:15:00+02:00") and keeps the calendar day as written.
  static Result<Date> Parse(std::string_view s);
  static bool IsValidYmd(int year, int month, int day);

  int year() const;
  int month() const;
  int day() const;
  int weekday() const;      // 0 = Monday ... 6 = Sunday (ISO)
  std::string ToString() const;  // "YYYY-MM-DD"
  int32_t ToYyyymmdd() const;    // 20240322, as GDELT's SQLDATE

  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend auto operator<=>(Date a, Date b) { return a.days <=> b.days; }
};

// Unbounded range ends for date-bounded dictionary entries.
inline constexpr Date kMinDate{INT32_MIN / 2};
inline constexpr Date kMaxDate{INT32_MAX / 2};

}  // namespace dyad

#endif  // DYAD_DATE_H_
