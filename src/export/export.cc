#include "export/export.h"

#include <cstdio>
#include <cstdlib>
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
  r.push_back(TenseName(e.tense));
  return r;
}

std::string FractionDate(Date d) {
  const int doy = d.days - Date::FromYmd(d.year(), 1, 1).days;
  const int year_days = Date::FromYmd(d.year() + 1, 1, 1).days - Date::FromYmd(d.year(), 1, 1).days;
  return Fixed(d.year() + static_cast<double>(doy) / year_days, 4);
}

// GDELT 2.0's 61 columns. Empty where dyad has no value: ethnic and religion
// codes, tone, and the three geography blocks (dyad does not geocode).
std::vector<std::string> GdeltRow(const Event& e) {
  const Date d = e.date;
  std::vector<std::string> r;
  r.reserve(61);
  r.push_back(NumericEventId(e));
  r.push_back(std::to_string(d.ToYyyymmdd()));
  r.push_back(std::to_string(d.year() * 100 + d.month()));
  r.push_back(std::to_string(d.year()));
  r.push_back(FractionDate(d));
  for (const EventActor* a : {&e.source, &e.target}) {
    r.push_back(a->code);
    r.push_back(a->name);
    r.push_back(a->country);
    r.push_back(KnownGroup(*a));
    r.insert(r.end(), 3, "");  // EthnicCode, Religion1Code, Religion2Code
    // Agent codes are 3-letter units ("GOV", "GOVMIL"): one per Type column.
    for (size_t i = 0; i < 3; ++i) r.push_back(a->agent.size() >= 3 * i + 3 ? a->agent.substr(3 * i, 3) : "");
  }
  r.push_back(e.sentence_index == 0 ? "1" : "0");
  r.push_back(e.code);
  r.push_back(e.code.size() > 3 ? e.code.substr(0, 3) : e.code);
  r.push_back(e.root);
  r.push_back(std::to_string(static_cast<int>(e.quad_class)));
  r.push_back(Fixed(e.goldstein, 1));
  r.push_back(std::to_string(e.mentions));
  r.push_back("1");  // NumSources: one event record comes from one article
  r.push_back("1");  // NumArticles
  r.push_back("");   // AvgTone: dyad does not score tone
  r.insert(r.end(), 24, "");  // Actor1Geo_*, Actor2Geo_*, ActionGeo_* (8 each)
  // DATEADDED: the store keeps no time of coding per event; the article date at 00:00:00.
  r.push_back(std::to_string(d.ToYyyymmdd()) + "000000");
  r.push_back(e.article_url);
  return r;
}

std::string ActorName(const EventActor& a, const WriterInfo& info) {
  if (!a.name.empty()) return a.name;
  if (a.code.empty()) return "";
  std::string country = a.country.empty() || !info.country_name ? a.country : info.country_name(a.country);
  if (country.empty()) country = a.country;
  if (!a.agent.empty() && !country.empty()) return SectorName(a.agent.substr(0, 3)) + " (" + country + ")";
  return country.empty() ? a.code : country;
}

std::string Sectors(const EventActor& a) {
  std::string out;
  for (size_t i = 0; i + 3 <= a.agent.size(); i += 3) {
    if (!out.empty()) out += ",";
    out += SectorName(a.agent.substr(i, 3));
  }
  return out;
}

// The ICEWS columns. Location columns stay empty (no geocoding); Publisher is
// the article's source.
std::vector<std::string> IcewsRow(const Event& e, const WriterInfo& info) {
  std::vector<std::string> r;
  r.reserve(20);
  r.push_back(NumericEventId(e));
  r.push_back(e.date.ToString());
  auto country = [&](const EventActor& a) {
    if (a.country.empty()) return std::string();
    std::string name = info.country_name ? info.country_name(a.country) : "";
    return name.empty() ? a.country : name;
  };
  r.push_back(ActorName(e.source, info));
  r.push_back(Sectors(e.source));
  r.push_back(country(e.source));
  std::string text = info.event_text ? info.event_text(e.code) : "";
  r.push_back(text.empty() ? e.code : text);
  r.push_back(e.code);
  r.push_back(Fixed(e.goldstein, 1));
  r.push_back(ActorName(e.target, info));
  r.push_back(Sectors(e.target));
  r.push_back(country(e.target));
  r.push_back(e.article_id);
  r.push_back(std::to_string(e.sentence_index + 1));  // ICEWS numbers sentences from 1
  r.push_back(e.article_source);  // Publisher
  r.insert(r.end(), 6, "");       // City, District, Province, Country, Latitude, Longitude
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
  if (name == "gdelt") return Format::kGdelt;
  if (name == "icews") return Format::kIcews;
  return Status::InvalidArgument("unknown format '" + std::string(name) + "' (csv, tsv, jsonl, gdelt or icews)");
}

const std::vector<std::string_view>& GdeltColumns() {
  static const std::vector<std::string_view> kColumns = [] {
    std::vector<std::string_view> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    static const char* const kActor[2][10] = {
        {"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
         "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code"},
        {"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
         "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code"}};
    for (const auto& actor : kActor) c.insert(c.end(), std::begin(actor), std::end(actor));
    c.insert(c.end(), {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                       "NumMentions", "NumSources", "NumArticles", "AvgTone"});
    static const char* const kGeo[3][8] = {
        {"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
         "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID"},
        {"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
         "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID"},
        {"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
         "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID"}};
    for (const auto& geo : kGeo) c.insert(c.end(), std::begin(geo), std::end(geo));
    c.insert(c.end(), {"DATEADDED", "SOURCEURL"});
    return c;
  }();
  return kColumns;
}

const std::vector<std::string_view>& IcewsColumns() {
  static const std::vector<std::string_view> kColumns = {
      "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
      "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
      "City", "District", "Province", "Country", "Latitude", "Longitude"};
  return kColumns;
}

std::string NumericEventId(const Event& e) {
  const uint64_t v = std::strtoull(EventId(e).c_str(), nullptr, 16) & 0x7FFFFFFFFFFFFFFFull;
  return std::to_string(v);
}

std::string SectorName(std::string_view agent) {
  // CAMEO actor type codes and the sector words ICEWS files use for them.
  static const std::pair<std::string_view, std::string_view> kSectors[] = {
      {"GOV", "Government"}, {"MIL", "Military"}, {"COP", "Police"}, {"REB", "Rebels"},
      {"INS", "Insurgents"}, {"UAF", "Unaffiliated Armed Forces"}, {"OPP", "Opposition"},
      {"JUD", "Judicial"}, {"LEG", "Legislative / Parliamentary"}, {"PTY", "Parties"}, {"MED", "Media"},
      {"BUS", "Business"}, {"CVL", "Civilian"}, {"REF", "Refugees / Displaced"}, {"EDU", "Education"},
      {"HLH", "Health"}, {"LAB", "Labor"}, {"AGR", "Agriculture"}, {"REL", "Religious"},
      {"SPY", "Intelligence"}, {"CRM", "Criminals"}, {"HRI", "Human Rights"}, {"ELI", "Elite"},
      {"MOD", "Moderate"}, {"RAD", "Radical"}, {"NGO", "Non-Governmental Organization"},
      {"IGO", "International Government Organization"}};
  for (const auto& [code, name] : kSectors) {
    if (code == agent) return std::string(name);
  }
  return std::string(agent);
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
      "PloverType", "PloverMode", "Confidence", "Negated", "Hypothetical", "Tense"};
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
  if (e.tense != Tense::kUnknown) j["tense"] = TenseName(e.tense);
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
  if (format_ == Format::kJsonl || format_ == Format::kGdelt) return;  // GDELT files have no header
  if (format_ == Format::kIcews) {
    const auto& cols = IcewsColumns();
    for (size_t i = 0; i < cols.size(); ++i) out_ << (i ? "\t" : "") << cols[i];
    out_ << '\n';
    return;
  }
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
  std::vector<std::string> row = format_ == Format::kGdelt   ? GdeltRow(e)
                                 : format_ == Format::kIcews ? IcewsRow(e, info_)
                                                            : Row(e);
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out_ << sep;
    out_ << (format_ == Format::kCsv ? CsvField(row[i]) : TsvField(row[i]));
  }
  out_ << '\n';
}

}  // namespace dyad::exporting
