#include "export/export.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace dyad::exporting {
namespace {

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// The known-group code of an actor: the organisation part of IGO/NGO/armed-group codes.
std::string KnownGroup(const EventActor& a) {
  if (a.code.size() >= 3 && (a.code.compare(0, 3, "IGO") == 0 || a.code.compare(0, 3, "NGO") == 0)) {
    return a.code.substr(3);
  }
  return "";
}

std::vector<std::string> Row(const Event& e) {
  const Date d = e.date;
  const int doy = d.days - Date::FromYmd(d.year(), 1, 1).days;
  const int year_days = Date::FromYmd(d.year() + 1, 1, 1).days - Date::FromYmd(d.year(), 1, 1).days;
  std::vector<std::string> r = {
      EventId(e),
      std::to_string(d.ToYyyymmdd()),
      std::to_string(d.year() * 100 + d.month()),
      std::to_string(d.year()),
      Fixed(d.year() + static_cast<double>(doy) / year_days, 4),
  };
  for (const EventActor* a : {&e.source, &e.target}) {
    r.push_back(a->code);
    r.push_back(a->name);
    r.push_back(a->country);
    r.push_back(KnownGroup(*a));
    r.push_back(a->agent.substr(0, 3));
  }
  std::string base = e.code.size() > 3 ? e.code.substr(0, 3) : e.code;
  r.push_back(e.sentence_index == 0 ? "1" : "0");
  r.push_back(e.code);
  r.push_back(base);
  r.push_back(e.root);
  r.push_back(std::to_string(static_cast<int>(e.quad_class)));
  r.push_back(Fixed(e.goldstein, 1));
  r.push_back(std::to_string(e.mentions));
  r.push_back(e.article_url);
  // Provenance.
  r.push_back(e.article_id);
  r.push_back(std::to_string(e.sentence_index));
  r.push_back(e.sentence_text);
  for (const EventActor* a : {&e.source, &e.target}) {
    r.push_back(a->text);
    r.push_back(a->code.empty() ? "" : std::to_string(a->span.begin));
    r.push_back(a->code.empty() ? "" : std::to_string(a->span.end));
    r.push_back(a->entry);
  }
  r.push_back(e.trigger_text);
  r.push_back(std::to_string(e.trigger.begin));
  r.push_back(std::to_string(e.trigger.end));
  r.push_back(e.pattern);
  r.push_back(e.plover_type);
  r.push_back(e.plover_mode);
  r.push_back(Fixed(e.confidence, 3));
  r.push_back(e.negated ? "1" : "0");
  r.push_back(e.hypothetical ? "1" : "0");
  return r;
}

nlohmann::json EntityJson(const EventActor& a) {
  nlohmann::json j;
  j["code"] = a.country.empty() ? a.code.substr(0, 3) : a.country;
  j["cameo"] = a.code;
  if (!a.agent.empty()) j["sector"] = a.agent;
  j["entity_text"] = a.text;
  if (!a.name.empty()) j["identifier_text"] = a.name;
  j["start"] = a.span.begin;
  j["end"] = a.span.end;
  if (!a.entry.empty()) j["entry"] = a.entry;
  return j;
}

}  // namespace

Result<Format> ParseFormat(std::string_view name) {
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "jsonl" || name == "json") return Format::kJsonl;
  return Status::InvalidArgument("unknown format '" + std::string(name) + "' (csv, tsv or jsonl)");
}

const std::vector<std::string_view>& TableColumns() {
  static const std::vector<std::string_view> kColumns = {
      "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1Type1Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2Type1Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
      "SOURCEURL",
      "ArticleId", "SentenceIndex", "Sentence",
      "Actor1Text", "Actor1Begin", "Actor1End", "Actor1Entry",
      "Actor2Text", "Actor2Begin", "Actor2End", "Actor2Entry",
      "TriggerText", "TriggerBegin", "TriggerEnd", "Pattern",
      "PloverType", "PloverMode", "Confidence", "Negated", "Hypothetical"};
  return kColumns;
}

namespace {
nlohmann::json EventObject(const Event& e, const WriterInfo& info) {
  nlohmann::json j;
  j["id"] = EventId(e);
  j["date"] = e.date.ToString();
  j["actor"] = nlohmann::json::array({EntityJson(e.source)});
  j["recipient"] = e.target.code.empty() ? nlohmann::json::array() : nlohmann::json::array({EntityJson(e.target)});
  j["event"] = e.plover_type.empty() ? nlohmann::json::array() : nlohmann::json::array({e.plover_type});
  j["mode"] = e.plover_mode.empty() ? nlohmann::json::array() : nlohmann::json::array({e.plover_mode});
  j["quad_code"] = static_cast<int>(e.quad_class);
  j["cameo"] = {{"code", e.code}, {"root", e.root}, {"goldstein", e.goldstein}};
  j["event_text"] = nlohmann::json::array({e.trigger_text});
  j["text"] = e.sentence_text;
  j["text_info"] = {{"story_id", e.article_id}, {"sequence", e.sentence_index},
                    {"start", e.sentence.begin}, {"end", e.sentence.end},
                    {"trigger_start", e.trigger.begin}, {"trigger_end", e.trigger.end}};
  nlohmann::json cite = nlohmann::json::object();
  if (!e.article_url.empty()) cite["url"] = e.article_url;
  if (!info.coder.empty()) cite["coder"] = info.coder;
  if (!info.codebook.empty()) cite["codebook"] = info.codebook;
  if (!cite.empty()) j["cite_info"] = std::move(cite);
  j["pattern"] = e.pattern;
  j["confidence"] = e.confidence;
  j["mentions"] = e.mentions;
  if (e.negated) j["negated"] = true;
  if (e.hypothetical) j["hypothetical"] = true;
  return j;
}

std::string Dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }
}  // namespace

std::string EventJson(const Event& e) { return Dump(EventObject(e, {})); }

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  out += '"';
  return out;
}

std::string TsvField(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

EventWriter::EventWriter(std::ostream& out, Format format, WriterInfo info)
    : out_(out), format_(format), info_(std::move(info)) {}

void EventWriter::WriteHeader() {
  if (format_ == Format::kJsonl) return;
  const char sep = format_ == Format::kCsv ? ',' : '\t';
  const auto& cols = TableColumns();
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out_ << sep;
    out_ << cols[i];
  }
  out_ << '\n';
}

void EventWriter::Write(const Event& e) {
  if (format_ == Format::kJsonl) {
    out_ << Dump(EventObject(e, info_)) << '\n';
    return;
  }
  const char sep = format_ == Format::kCsv ? ',' : '\t';
  std::vector<std::string> row = Row(e);
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out_ << sep;
    out_ << (format_ == Format::kCsv ? CsvField(row[i]) : TsvField(row[i]));
  }
  out_ << '\n';
}

}  // namespace dyad::exporting
