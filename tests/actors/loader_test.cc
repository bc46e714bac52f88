// Loader tests: every malformed dictionary row is an error that names the
// file and the line; hostile input (binary, truncated, mutated) never crashes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "actors/actors.h"
#include "actors/test_util.h"

namespace dyad::actors {
namespace {

namespace fs = std::filesystem;

const char* const kFiles[] = {"VERSION", "countries.tsv", "agents.tsv", "organizations.tsv", "persons.tsv",
                              "roles.tsv"};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

// A small valid dictionary, written fresh for each test.
class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_actors_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("VERSION", "dyad-actors 1 test\n");
    Write("countries.tsv",
          "# comment\ncode\tname\taliases\tadjectives\tcapitals\n"
          "ISR\tIsrael\tIsrael\tIsraeli|Israelis\tJerusalem\n"
          "TCD\tChad\t^Chad\tChadian\t-\n"
          "AFG\tAfghanistan\tAfghanistan\t-\t-\n");
    Write("agents.tsv", "agent\talone\tplace\tphrases\nMIL\ty\tn\ttroops|army\n-\tn\tn\t^Mr\n");
    Write("organizations.tsv",
          "code\tkind\tstart\tend\tname\taliases\n"
          "PSEREBHMS\tarmed\t-\t-\tHamas\tHamas\n"
          "AFGREBTAL\tarmed\t-\t2021-08-14\tTaliban\tTaliban\n"
          "AFGGOV\tstate\t2021-08-15\t-\tTaliban government\tTaliban\n");
    Write("persons.tsv", "id\tname\tcountry\taliases\nnetanyahu_b\tBenjamin Netanyahu\tISR\tNetanyahu\n");
    Write("roles.tsv", "person\tcode\tstart\tend\trole\nnetanyahu_b\tISRGOV\t2009-03-31\t2021-06-13\tPM\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { WriteFile(dir_ / name, text); }
  void Append(const std::string& name, const std::string& text) {
    Write(name, ReadFile(dir_ / name) + text);
  }
  Status Load() {
    auto d = ActorDictionary::LoadDir(dir_.string());
    return d.ok() ? Status::Ok() : d.status();
  }
  // Expects a DataError naming `file:line`.
  void ExpectErrorAt(const std::string& file, int line, const std::string& what = "") {
    Status s = Load();
    ASSERT_FALSE(s.ok()) << "expected an error at " << file << ":" << line;
    std::string where = file + ":" + std::to_string(line) + ":";
    EXPECT_NE(s.message().find(where), std::string::npos) << s.ToString();
    if (!what.empty()) {
      EXPECT_NE(s.message().find(what), std::string::npos) << s.ToString();
    }
  }
  fs::path dir_;
};

TEST_F(LoaderTest, LoadsTheSmallDictionary) {
  auto d = ActorDictionary::LoadDir(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->version(), "dyad-actors 1 test");
  EXPECT_EQ(d->size(), 15u);  // 7 country, 3 agent, 3 org ("Taliban" twice), 2 person aliases
}

TEST_F(LoaderTest, MissingFilesAreNotFound) {
  fs::remove(dir_ / "roles.tsv");
  Status s = Load();
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("roles.tsv"), std::string::npos);
  EXPECT_EQ(ActorDictionary::LoadDir((dir_ / "nope").string()).status().code(), StatusCode::kNotFound);
}

TEST_F(LoaderTest, VersionMagicAndFormatAreChecked) {
  Write("VERSION", "something else\n");
  EXPECT_EQ(Load().code(), StatusCode::kCorruption);
  Write("VERSION", "dyad-actors 2 future\n");
  Status s = Load();
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("format 2"), std::string::npos) << s.ToString();
  Write("VERSION", "");
  EXPECT_EQ(Load().code(), StatusCode::kCorruption);
}

TEST_F(LoaderTest, WrongColumnCount) {
  Append("countries.tsv", "FRA\tFrance\tFrance\tFrench\n");
  ExpectErrorAt("countries.tsv", 6, "expected 5 tab-separated columns, found 4");
}

TEST_F(LoaderTest, BadHeader) {
  Write("agents.tsv", "agent\tstandalone\tplace\tphrases\n");
  ExpectErrorAt("agents.tsv", 1, "header column 2");
}

TEST_F(LoaderTest, EmptyFileHasNoHeader) {
  Write("persons.tsv", "");
  ExpectErrorAt("persons.tsv", 1, "no header");
}

TEST_F(LoaderTest, BadCountryCodeShape) {
  Append("countries.tsv", "fr\tFrance\tFrance\t-\t-\n");
  ExpectErrorAt("countries.tsv", 6, "not 3 capital letters");
}

TEST_F(LoaderTest, BadOrgCodeKindAndDates) {
  Append("organizations.tsv", "IGO-UN\tigo\t-\t-\tUN\tUnited Nations\n");
  ExpectErrorAt("organizations.tsv", 5, "bad actor code");
  SetUp();
  Append("organizations.tsv", "IGOUNO\tclub\t-\t-\tUN\tUnited Nations\n");
  ExpectErrorAt("organizations.tsv", 5, "kind");
  SetUp();
  Append("organizations.tsv", "IGOUNO\tigo\t2024-02-30\t-\tUN\tUnited Nations\n");
  ExpectErrorAt("organizations.tsv", 5, "bad date");
  SetUp();
  Append("organizations.tsv", "IGOUNO\tigo\t2024-02-01\t2023-01-01\tUN\tUnited Nations\n");
  ExpectErrorAt("organizations.tsv", 5, "end date before start date");
  SetUp();
  Append("organizations.tsv", "XXXGOV\tstate\t-\t-\tNowhere\tNowhere House\n");
  ExpectErrorAt("organizations.tsv", 5, "does not start with a country");
}

TEST_F(LoaderTest, BadRoleRows) {
  Append("roles.tsv", "netanyahu_b\tISRGOV\t22-12-29\t-\tPM\n");
  ExpectErrorAt("roles.tsv", 3, "bad date");
  SetUp();
  Append("roles.tsv", "nobody\tISRGOV\t2022-12-29\t-\tPM\n");
  ExpectErrorAt("roles.tsv", 3, "unknown person");
  SetUp();
  Append("roles.tsv", "netanyahu_b\tisrgov\t2022-12-29\t-\tPM\n");
  ExpectErrorAt("roles.tsv", 3, "bad actor code");
}

TEST_F(LoaderTest, BadPersonRows) {
  Append("persons.tsv", "bennett_n\tNaftali Bennett\tXYZ\tBennett\n");
  ExpectErrorAt("persons.tsv", 3, "unknown country");
  SetUp();
  Append("persons.tsv", "Bennett\tNaftali Bennett\tISR\tBennett\n");
  ExpectErrorAt("persons.tsv", 3, "person id");
  SetUp();
  Append("persons.tsv", "netanyahu_b\tBenjamin Netanyahu\tISR\t-\n");
  ExpectErrorAt("persons.tsv", 3, "listed twice");
}

TEST_F(LoaderTest, AliasConflictsNameBothPlaces) {
  Append("countries.tsv", "JOR\tJordan\tIsrael\t-\t-\n");
  ExpectErrorAt("countries.tsv", 6, "countries.tsv:3");
  SetUp();
  Append("agents.tsv", "GOV\ty\ty\tIsraeli\n");  // an agent phrase that is a demonym
  ExpectErrorAt("agents.tsv", 4, "already used by");
}

TEST_F(LoaderTest, AliasMarksAndEmptyFields) {
  Append("agents.tsv", "GOV\ty\ty\t+government\n");
  ExpectErrorAt("agents.tsv", 4, "'+'");
  SetUp();
  Append("agents.tsv", "GOV\ty\ty\tgovernment||regime\n");
  ExpectErrorAt("agents.tsv", 4, "empty alias");
  SetUp();
  Append("agents.tsv", "GOV\ty\ty\t\n");
  ExpectErrorAt("agents.tsv", 4, "is empty");
  SetUp();
  Append("agents.tsv", "GOV\tyes\ty\tgovernment\n");
  ExpectErrorAt("agents.tsv", 4, "must be y, n or an actor code");
  SetUp();
  Append("agents.tsv", "GOV\ty\tyes\tgovernment\n");
  ExpectErrorAt("agents.tsv", 4, "must be y or n");
  SetUp();
  Append("agents.tsv", "GOV\ty\ty\t...\n");
  ExpectErrorAt("agents.tsv", 4, "without letters");
}

TEST_F(LoaderTest, BinaryAndInvalidUtf8) {
  Write("countries.tsv", std::string("code\tname\0\0\0\x01\x02\x03\x04\x05\x06\x07", 20));
  ExpectErrorAt("countries.tsv", 1, "binary");
  SetUp();
  Append("countries.tsv", "FRA\tFran\xC3" "\x28" "ce\tFrance\t-\t-\n");
  ExpectErrorAt("countries.tsv", 6, "UTF-8");
}

TEST_F(LoaderTest, CrLfLinesAreAccepted) {
  std::string c = ReadFile(dir_ / "countries.tsv");
  std::string crlf;
  for (char ch : c) {
    if (ch == '\n') crlf += '\r';
    crlf += ch;
  }
  Write("countries.tsv", crlf);
  EXPECT_TRUE(Load().ok()) << Load().ToString();
}

TEST_F(LoaderTest, TruncatedRowIsAnError) {
  std::string o = ReadFile(dir_ / "organizations.tsv");
  Write("organizations.tsv", o.substr(0, o.size() - 20));
  ExpectErrorAt("organizations.tsv", 4, "columns");
}

// Mutations of the shipped dictionary: the loader returns ok or an error that
// names a file; it never crashes (run under the asan preset to check memory).
TEST(LoaderFuzzTest, MutatedShippedDictionaryNeverCrashes) {
  fs::path src = DYAD_DATA_DIR "/actors";
  fs::path dir = fs::temp_directory_path() / ("dyad_actors_fuzz_" + std::to_string(::getpid()));
  std::mt19937 rng(12345);
  int errors = 0;
  for (int iter = 0; iter < 60; ++iter) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* f : kFiles) fs::copy_file(src / f, dir / f);
    const char* victim = kFiles[rng() % std::size(kFiles)];
    std::string text = ReadFile(dir / victim);
    switch (rng() % 4) {
      case 0:  // truncate
        text.resize(text.empty() ? 0 : rng() % text.size());
        break;
      case 1:  // flip bytes
        for (int k = 0; k < 5 && !text.empty(); ++k) text[rng() % text.size()] = static_cast<char>(rng() % 256);
        break;
      case 2:  // delete a tab
        if (auto p = text.find('\t', text.empty() ? 0 : rng() % text.size()); p != std::string::npos) text.erase(p, 1);
        break;
      case 3:  // insert junk
        text.insert(text.empty() ? 0 : rng() % text.size(), "\t|^=+\x01");
        break;
    }
    WriteFile(dir / victim, text);
    auto d = ActorDictionary::LoadDir(dir.string());
    if (!d.ok()) {
      ++errors;
      EXPECT_FALSE(d.status().message().empty());
    } else {
      // A loaded (mutated) dictionary must still recognise without crashing.
      ActorRecognizer rec(*d);
      auto s = testing::SimpleSentence("Israeli troops met Hamas and the U.S. in Kyiv .");
      rec.Recognize(s, *Date::Parse("2024-01-01"));
    }
  }
  fs::remove_all(dir);
  EXPECT_GT(errors, 0);
}

}  // namespace
}  // namespace dyad::actors

namespace dyad::actors {
namespace {

TEST(LoadFromMemoryTest, NamesOriginAndLine) {
  std::map<std::string, std::string> files = {
      {"VERSION", "dyad-actors 1 mem\n"},
      {"countries.tsv", "code\tname\taliases\tadjectives\tcapitals\nISR\tIsrael\tIsrael\t-\n"},
  };
  auto d = ActorDictionary::LoadFromMemory(files, "mem");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("mem/countries.tsv:2:"), std::string::npos) << d.status().ToString();
  files["countries.tsv"] = "code\tname\taliases\tadjectives\tcapitals\nISR\tIsrael\tIsrael\t-\t-\n";
  d = ActorDictionary::LoadFromMemory(files, "mem");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kNotFound);
  EXPECT_NE(d.status().message().find("agents.tsv"), std::string::npos);
}

}  // namespace
}  // namespace dyad::actors
