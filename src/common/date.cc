#include "dyad/date.h"

#include <chrono>
#include <cstdio>

namespace dyad {
namespace {

namespace chr = std::chrono;

bool ParseDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// Accepts what may follow the date in an ISO 8601 date-time: [T ]hh:mm[:ss[.fff]][Z|+hh[:mm]|-hh[:mm]].
bool IsTimeSuffix(std::string_view t) {
  if (t.empty()) return true;
  if (t[0] != 'T' && t[0] != 't' && t[0] != ' ') return false;
  int hh, mm, ss;
  if (!ParseDigits(t, 1, 2, &hh) || t.size() < 6 || t[3] != ':' || !ParseDigits(t, 4, 2, &mm)) return false;
  if (hh > 24 || mm > 59) return false;
  size_t i = 6;
  if (i < t.size() && t[i] == ':') {
    if (!ParseDigits(t, i + 1, 2, &ss) || ss > 60) return false;
    i += 3;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      ++i;
      size_t start = i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
      if (i == start) return false;
    }
  }
  if (i == t.size()) return true;
  if ((t[i] == 'Z' || t[i] == 'z') && i + 1 == t.size()) return true;
  if (t[i] == '+' || t[i] == '-') {
    int oh, om;
    if (!ParseDigits(t, i + 1, 2, &oh) || oh > 23) return false;
    i += 3;
    if (i == t.size()) return true;
    if (t[i] == ':') ++i;
    if (!ParseDigits(t, i, 2, &om) || om > 59) return false;
    return i + 2 == t.size();
  }
  return false;
}

}  // namespace

bool Date::IsValidYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return chr::year_month_day(chr::year(year), chr::month(month), chr::day(day)).ok();
}

Date Date::FromYmd(int year, int month, int day) {
  chr::sys_days d = chr::year_month_day(chr::year(year), chr::month(month), chr::day(day));
  return Date{static_cast<int32_t>(d.time_since_epoch().count())};
}

Result<Date> Date::Parse(std::string_view s) {
  int y, m, d;
  if (s.size() < 10 || !ParseDigits(s, 0, 4, &y) || s[4] != '-' || !ParseDigits(s, 5, 2, &m) ||
      s[7] != '-' || !ParseDigits(s, 8, 2, &d)) {
    return Status::DataError("not a YYYY-MM-DD date");
  }
  if (!IsValidYmd(y, m, d)) {
    return Status::DataError("no such calendar day");
  }
  if (!IsTimeSuffix(s.substr(10))) {
    return Status::DataError("not an ISO 8601 date or date-time");
  }
  return FromYmd(y, m, d);
}

namespace {
chr::year_month_day Ymd(Date d) { return chr::year_month_day(chr::sys_days(chr::days(d.days))); }
}  // namespace

int Date::year() const { return static_cast<int>(Ymd(*this).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(*this).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(*this).day())); }
int Date::weekday() const {
  return static_cast<int>(chr::weekday(chr::sys_days(chr::days(days))).iso_encoding()) - 1;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

int32_t Date::ToYyyymmdd() const { return year() * 10000 + month() * 100 + day(); }

}  // namespace dyad
