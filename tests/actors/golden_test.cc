// Golden actor-recognition tests: tests/data/actors/golden.txt (format in its header).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "support/shipped_actors.h"
#include "actors/test_util.h"

namespace dyad::actors {
namespace {

struct GoldenCase {
  int line = 0;
  Date date;
  std::string sentence;
  std::vector<std::string> expected;  // "span => CODE"
};

std::vector<GoldenCase> ReadGolden(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<GoldenCase> cases;
  std::string line;
  Date date;
  bool have_date = false;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("@ ", 0) == 0) {
      auto d = Date::Parse(line.substr(2));
      EXPECT_TRUE(d.ok()) << path << ":" << no << ": bad date";
      if (d.ok()) date = *d;
      have_date = true;
    } else if (line.rfind("> ", 0) == 0) {
      EXPECT_TRUE(have_date) << path << ":" << no << ": sentence before any '@ date'";
      cases.push_back({no, date, line.substr(2), {}});
    } else {
      EXPECT_FALSE(cases.empty()) << path << ":" << no << ": expectation before any sentence";
      EXPECT_NE(line.find(" => "), std::string::npos) << path << ":" << no << ": want 'span => CODE'";
      if (!cases.empty()) cases.back().expected.push_back(line);
    }
  }
  return cases;
}

std::vector<std::string> Render(const std::string& s, const text::Sentence& sent,
                                const std::vector<ActorMention>& ms) {
  std::vector<std::string> out;
  for (const ActorMention& m : ms) {
    uint32_t b = sent.tokens[m.first].begin;
    uint32_t e = sent.tokens[m.end - 1].end;
    out.push_back(s.substr(b, e - b) + " => " + m.code);
  }
  return out;
}

class GoldenTest : public dyad::testing::ShippedActorsTest {};

TEST_F(GoldenTest, AllCases) {
  ASSERT_NE(dict_, nullptr);
  const std::string path = DYAD_TEST_DATA_DIR "/actors/golden.txt";
  auto cases = ReadGolden(path);
  ASSERT_GE(cases.size(), 50u);
  ActorRecognizer rec(*dict_);
  int failures = 0;
  for (const GoldenCase& c : cases) {
    text::Sentence sent = testing::SimpleSentence(c.sentence);
    auto got = Render(c.sentence, sent, rec.Recognize(sent, c.date));
    if (got != c.expected) {
      ++failures;
      std::string g, e;
      for (auto& x : got) g += "    " + x + "\n";
      for (auto& x : c.expected) e += "    " + x + "\n";
      ADD_FAILURE() << path << ":" << c.line << " [" << c.date.ToString() << "] " << c.sentence << "\n  expected:\n"
                    << e << "  got:\n"
                    << g;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " golden sentences";
}

// The same cases through the project's tokenizer, as the pipeline runs them.
TEST_F(GoldenTest, AllCasesWithTextTokenizer) {
  ASSERT_NE(dict_, nullptr);
  const std::string path = DYAD_TEST_DATA_DIR "/actors/golden.txt";
  auto cases = ReadGolden(path);
  ActorRecognizer rec(*dict_);
  int failures = 0;
  for (const GoldenCase& c : cases) {
    text::Sentence sent;
    sent.begin = 0;
    sent.end = static_cast<uint32_t>(c.sentence.size());
    sent.tokens = text::Tokenize(c.sentence, 0, sent.end);
    auto got = Render(c.sentence, sent, rec.Recognize(sent, c.date));
    if (got != c.expected) {
      ++failures;
      std::string g, e;
      for (auto& x : got) g += "    " + x + "\n";
      for (auto& x : c.expected) e += "    " + x + "\n";
      ADD_FAILURE() << path << ":" << c.line << " [" << c.date.ToString() << "] " << c.sentence << "\n  expected:\n"
                    << e << "  got:\n"
                    << g;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " golden sentences";
}

// Example sentences of our own for the fifth-session blocks, one a line: [date TAB] sentence TAB
// the codes of its mentions in order (comma-separated). Without a date column, `date`.
void CheckExamples(const ActorDictionary& dict, const std::string& path, Date date, bool dated, int at_least) {
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot open " << path;
  ActorRecognizer rec(dict);
  int cases = 0, failures = 0, no = 0;
  for (std::string line; std::getline(in, line);) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    ASSERT_EQ(f.size(), dated ? 3u : 2u) << path << ":" << no << ": wrong number of columns";
    Date d = date;
    if (dated) {
      auto parsed = Date::Parse(f[0]);
      ASSERT_TRUE(parsed.ok()) << path << ":" << no << ": bad date";
      d = *parsed;
    }
    const std::string& sentence = f[dated ? 1 : 0];
    text::Sentence sent;
    sent.begin = 0;
    sent.end = static_cast<uint32_t>(sentence.size());
    sent.tokens = text::Tokenize(sentence, 0, sent.end);
    std::string got;
    for (const ActorMention& m : rec.Recognize(sent, d)) got += (got.empty() ? "" : ",") + m.code;
    ++cases;
    if (got != f.back()) {
      ++failures;
      ADD_FAILURE() << path << ":" << no << " " << sentence << "\n  expected: " << f.back() << "\n  got:      " << got;
    }
  }
  EXPECT_GE(cases, at_least);
  EXPECT_EQ(failures, 0) << "of " << cases << " sentences";
}

// Organisations of actors 2026-11-26.11 (media, companies, parties, agencies, armed groups, IGOs).
TEST_F(GoldenTest, OrganisationExamples) {
  ASSERT_NE(dict_, nullptr);
  CheckExamples(*dict_, DYAD_TEST_DATA_DIR "/actors/organisation_examples.txt", *Date::Parse("2023-05-01"), false, 40);
}

// Persons with dated roles of actors 2026-11-26.12 (ministers, military chiefs, armed-group and
// opposition leaders, IGO officials), each on its own date.
TEST_F(GoldenTest, PersonExamples) {
  ASSERT_NE(dict_, nullptr);
  CheckExamples(*dict_, DYAD_TEST_DATA_DIR "/actors/person_examples.txt", Date{}, true, 40);
}

// Every mention carries provenance and a readable name.
TEST_F(GoldenTest, MentionsCarryProvenance) {
  ActorRecognizer rec(*dict_);
  std::string s = "Prime Minister Benjamin Netanyahu met Israeli paratroopers.";
  auto sent = testing::SimpleSentence(s);
  auto ms = rec.Recognize(sent, *Date::Parse("2024-01-01"));
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].kind, ActorKind::kPerson);
  EXPECT_EQ(ms[0].name, "Benjamin Netanyahu");
  EXPECT_NE(ms[0].entry.find("persons.tsv:"), std::string::npos) << ms[0].entry;
  EXPECT_NE(ms[0].entry.find("roles.tsv:"), std::string::npos) << ms[0].entry;
  EXPECT_EQ(ms[1].kind, ActorKind::kCountry);
  EXPECT_EQ(ms[1].name, "Israel (military)");  // the agent code's first phrase, whatever row matched
  EXPECT_NE(ms[1].entry.find("countries.tsv:"), std::string::npos);
  EXPECT_NE(ms[1].entry.find("agents.tsv:"), std::string::npos);
}

TEST_F(GoldenTest, EmptySentenceAndNoMatch) {
  ActorRecognizer rec(*dict_);
  text::Sentence empty;
  EXPECT_TRUE(rec.Recognize(empty, Date{}).empty());
  auto sent = testing::SimpleSentence("Nothing here matches at all .");
  EXPECT_TRUE(rec.Recognize(sent, Date{}).empty());
}

}  // namespace
}  // namespace dyad::actors
