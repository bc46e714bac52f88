#include "common/lines.h"
#include "forecast/tkg.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

namespace dyad::forecast {
namespace {

std::string Where(std::string_view source, size_t line) {
  return std::string(source) + " line " + std::to_string(line) + ": ";
}

// Splits on spaces and tabs; returns false on a field that is not a base-10 int32.
bool NextInt(std::string_view& rest, int64_t* value, bool* present) {
  size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\r')) ++i;
  rest.remove_prefix(i);
  if (rest.empty()) {
    *present = false;
    return true;
  }
  *present = true;
  size_t end = 0;
  while (end < rest.size() && rest[end] != ' ' && rest[end] != '\t' && rest[end] != '\r') ++end;
  std::string_view field = rest.substr(0, end);
  rest.remove_prefix(end);
  auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), *value);
  return ec == std::errc() && ptr == field.data() + field.size();
}

}  // namespace

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("no such file: " + path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("read failed: " + path);
  return buf.str();
}

Result<std::vector<Quad>> ParseQuadruples(std::string_view text, std::string_view source,
                                          int32_t num_entities, int32_t num_relations) {
  std::vector<Quad> quads;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (line.find('\0') != std::string_view::npos) return Status::DataError(Where(source, line_no) + "binary data");
    std::string_view rest = line;
    int64_t v[4];
    const char* names[4] = {"subject", "relation", "object", "time"};
    for (int k = 0; k < 4; ++k) {
      bool present = false;
      if (!NextInt(rest, &v[k], &present))
        return Status::DataError(Where(source, line_no) + names[k] + " is not an integer");
      if (!present)
        return Status::DataError(Where(source, line_no) + "expected 4 fields (subject relation object time), found " +
                                 std::to_string(k));
    }
    if (v[0] < 0 || v[0] >= num_entities || v[2] < 0 || v[2] >= num_entities)
      return Status::DataError(Where(source, line_no) + "entity id out of range [0, " + std::to_string(num_entities) + ")");
    if (v[1] < 0 || v[1] >= num_relations)
      return Status::DataError(Where(source, line_no) + "relation id out of range [0, " + std::to_string(num_relations) + ")");
    if (v[3] < 0 || v[3] > INT32_MAX / 2) return Status::DataError(Where(source, line_no) + "time out of range");
    quads.push_back({static_cast<int32_t>(v[0]), static_cast<int32_t>(v[1]), static_cast<int32_t>(v[2]),
                     static_cast<int32_t>(v[3])});
  }
  return quads;
}

Result<std::vector<std::string>> ParseIdMap(std::string_view text, std::string_view source) {
  std::vector<std::pair<int64_t, std::string>> rows;
  LineReader lines(text);
  for (std::string_view line; lines.Next(&line);) {
    const size_t line_no = static_cast<size_t>(lines.line_no());
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0)
      return Status::DataError(Where(source, line_no) + "expected name<TAB>id");
    std::string_view id_text = line.substr(tab + 1);
    int64_t id = 0;
    auto [ptr, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    if (ec != std::errc() || ptr != id_text.data() + id_text.size() || id < 0)
      return Status::DataError(Where(source, line_no) + "id is not a non-negative integer");
    rows.emplace_back(id, std::string(line.substr(0, tab)));
  }
  std::vector<std::string> names(rows.size());
  std::vector<bool> seen(rows.size(), false);
  for (auto& [id, name] : rows) {
    if (id >= static_cast<int64_t>(rows.size()) || seen[id])
      return Status::DataError(std::string(source) + ": ids are not dense 0.." + std::to_string(rows.size() - 1) +
                               " (id " + std::to_string(id) + ")");
    seen[id] = true;
    names[id] = std::move(name);
  }
  return names;
}

Result<TkgDataset> LoadTkgDataset(const std::string& dir) {
  namespace fs = std::filesystem;
  TkgDataset d;
  d.name = fs::path(dir).filename().string();
  if (d.name.empty()) d.name = fs::path(dir).parent_path().filename().string();
  auto path = [&](const char* f) { return (fs::path(dir) / f).string(); };
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("no such dataset directory: " + dir);

  if (fs::exists(path("entity2id.txt"), ec)) {
    auto text = ReadWholeFile(path("entity2id.txt"));
    if (!text.ok()) return text.status();
    auto names = ParseIdMap(*text, path("entity2id.txt"));
    if (!names.ok()) return names.status();
    d.entity_names = std::move(names).value();
  }
  if (fs::exists(path("relation2id.txt"), ec)) {
    auto text = ReadWholeFile(path("relation2id.txt"));
    if (!text.ok()) return text.status();
    auto names = ParseIdMap(*text, path("relation2id.txt"));
    if (!names.ok()) return names.status();
    d.relation_names = std::move(names).value();
  }
  if (fs::exists(path("stat.txt"), ec)) {
    auto text = ReadWholeFile(path("stat.txt"));
    if (!text.ok()) return text.status();
    std::string_view rest = *text;
    int64_t ne = 0, nr = 0;
    bool p1 = false, p2 = false;
    if (!NextInt(rest, &ne, &p1) || !NextInt(rest, &nr, &p2) || !p1 || !p2 || ne <= 0 || nr <= 0 || ne > INT32_MAX / 4 ||
        nr > INT32_MAX / 4)
      return Status::DataError(path("stat.txt") + " line 1: expected num_entities<TAB>num_relations");
    d.num_entities = static_cast<int32_t>(ne);
    d.num_relations = static_cast<int32_t>(nr);
  } else if (!d.entity_names.empty() && !d.relation_names.empty()) {
    d.num_entities = static_cast<int32_t>(d.entity_names.size());
    d.num_relations = static_cast<int32_t>(d.relation_names.size());
  } else {
    return Status::NotFound("no stat.txt nor entity2id.txt/relation2id.txt in " + dir);
  }
  if (!d.entity_names.empty() && static_cast<int32_t>(d.entity_names.size()) != d.num_entities)
    return Status::DataError(path("entity2id.txt") + ": " + std::to_string(d.entity_names.size()) +
                             " entities, stat.txt says " + std::to_string(d.num_entities));
  if (!d.relation_names.empty() && static_cast<int32_t>(d.relation_names.size()) != d.num_relations)
    return Status::DataError(path("relation2id.txt") + ": " + std::to_string(d.relation_names.size()) +
                             " relations, stat.txt says " + std::to_string(d.num_relations));

  std::vector<Quad>* splits[3] = {&d.train, &d.valid, &d.test};
  const char* files[3] = {"train.txt", "valid.txt", "test.txt"};
  for (int k = 0; k < 3; ++k) {
    auto text = ReadWholeFile(path(files[k]));
    if (!text.ok()) return text.status();
    auto quads = ParseQuadruples(*text, path(files[k]), d.num_entities, d.num_relations);
    if (!quads.ok()) return quads.status();
    if (quads->empty()) return Status::DataError(path(files[k]) + ": no quadruples");
    *splits[k] = std::move(quads).value();
  }
  int64_t g = 0;
  for (auto* s : splits)
    for (const Quad& q : *s) g = std::gcd(g, static_cast<int64_t>(q.time));
  d.time_step = g == 0 ? 1 : static_cast<int32_t>(g);
  for (auto* s : splits) {
    for (Quad& q : *s) q.time /= d.time_step;
    std::stable_sort(s->begin(), s->end(), [](const Quad& a, const Quad& b) { return a.time < b.time; });
  }
  if (d.train.back().time >= d.valid.front().time || d.valid.back().time >= d.test.front().time)
    return Status::DataError(dir + ": splits overlap in time (need every train time < valid time < test time)");
  return d;
}

}  // namespace dyad::forecast
