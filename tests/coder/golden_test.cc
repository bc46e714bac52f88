// Golden coding cases: tests/data/coder/golden.txt (format described at its top).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "coder/coder.h"
#include "coder/marked.h"

namespace dyad::coder {
namespace {

struct Case {
  int line = 0;
  std::string date;
  std::string marked;
  std::multiset<std::string> expected;
};

std::vector<Case> ReadGolden(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  enum { kWant, kSep, kEvents } state = kWant;
  Case cur;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line[0] == '#') continue;
    if (state == kWant) {
      if (line.empty()) continue;
      size_t bar = line.find(" | ");
      cur = Case{};
      cur.line = n;
      cur.date = line.substr(0, bar);
      cur.marked = bar == std::string::npos ? "" : line.substr(bar + 3);
      state = kSep;
    } else if (state == kSep) {
      EXPECT_EQ(line, "----") << path << ":" << n;
      state = kEvents;
    } else if (line.empty()) {
      cases.push_back(cur);
      state = kWant;
    } else {
      cur.expected.insert(line);
    }
  }
  if (state == kEvents) cases.push_back(cur);
  return cases;
}

std::string Describe(const Event& e) {
  std::string s = e.source.code + " " + (e.target.code.empty() ? "-" : e.target.code) + " " + e.code;
  if (e.hypothetical) s += " hyp";
  if (e.negated) s += " neg";
  return s;
}

// Codes every case of tests/data/coder/<file>; returns the roots produced.
std::set<std::string> RunCases(const Coder& coder, const std::string& file, size_t min_cases) {
  auto cases = ReadGolden(std::string(DYAD_TEST_DATA_DIR) + "/coder/" + file);
  EXPECT_GE(cases.size(), min_cases) << file;
  std::set<std::string> roots;
  int passed = 0;
  for (const Case& c : cases) {
    auto date = Date::Parse(c.date);
    EXPECT_TRUE(date.ok()) << file << ":" << c.line;
    if (!date.ok()) continue;
    auto ms = ParseMarked(c.marked);
    EXPECT_TRUE(ms.error.empty()) << file << ":" << c.line << ": " << ms.error;
    auto events = coder.CodeSentence(ms.text, ms.sentence, 0, ms.mentions, *date);
    std::multiset<std::string> got;
    for (const auto& e : events) {
      got.insert(Describe(e));
      roots.insert(e.root);
      EXPECT_FALSE(e.pattern.empty());
      EXPECT_FALSE(e.trigger_text.empty());
    }
    std::ostringstream detail;
    for (const auto& e : events) detail << "\n  got " << Describe(e) << "  via " << e.pattern << " [" << e.trigger_text << "]";
    EXPECT_EQ(got, c.expected) << file << ":" << c.line << ": " << ms.text << detail.str();
    if (got == c.expected) ++passed;
  }
  std::printf("%s: %d of %zu cases pass\n", file.c_str(), passed, cases.size());
  return roots;
}

// The golden files test what the patterns and the linker find, so events
// without a target are kept (the default policy is tested below).
CoderOptions KeepAll() {
  CoderOptions o;
  o.keep_untargeted = true;
  return o;
}

TEST(Golden, AllCases) {
  auto coder = Coder::Load(DYAD_DATA_DIR, KeepAll());
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  std::set<std::string> roots = RunCases(*coder, "golden.txt", 60);
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_TRUE(roots.count(root)) << "no golden case produced root " << root;
  }
}

// The dependency linker's constructions (passives, coordination, reported speech...).
TEST(Golden, LinkingCases) {
  auto coder = Coder::Load(DYAD_DATA_DIR, KeepAll());
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  RunCases(*coder, "linking.txt", 15);
}

// By default an event needs a target actor, except statements (01x), shows of
// force (15x) and appeals to an addressee that is no actor.
TEST(Golden, UntargetedEventsByDefault) {
  auto coder = Coder::Load(DYAD_DATA_DIR);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  auto codes = [&](const std::string& marked) {
    auto ms = ParseMarked(marked);
    std::multiset<std::string> got;
    for (const auto& e : coder->CodeSentence(ms.text, ms.sentence, 0, ms.mentions, Date::FromYmd(2024, 1, 1)))
      got.insert(Describe(e));
    return got;
  };
  EXPECT_EQ(codes("[RUS Russia] and [CHN China] expelled the diplomats."), std::multiset<std::string>{});
  // A veto with no sponsor named is cast in the U.N. Security Council (gold convention).
  EXPECT_EQ(codes("[RUS Russia] and [CHN China] vetoed the resolution."),
            (std::multiset<std::string>{"RUS IGOUNO 129", "CHN IGOUNO 129"}));
  EXPECT_EQ(codes("[IRNGOV Iran] declined to comment on the report."), std::multiset<std::string>{"IRNGOV - 011"});
  EXPECT_EQ(codes("[IGOEU The European Union] called on both sides to pause the fighting."),
            std::multiset<std::string>{"IGOEU - 0256"});
  EXPECT_EQ(codes("[RUS Russia] vetoed a resolution drafted by [USA the United States]."),
            std::multiset<std::string>{"RUS USA 129"});
}

TEST(Golden, TenseOfTheReportedAct) {
  auto coder = Coder::Load(DYAD_DATA_DIR);
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  auto tense = [&](const std::string& marked) {
    auto ms = ParseMarked(marked);
    auto ev = coder->CodeSentence(ms.text, ms.sentence, 0, ms.mentions, Date::FromYmd(2024, 1, 1));
    return ev.empty() ? std::string("(none)") : std::string(TenseName(ev[0].tense));
  };
  EXPECT_EQ(tense("[RUS Russia] attacked [UKR Ukraine]."), "past");
  EXPECT_EQ(tense("[RUS Russia] has attacked [UKR Ukraine] again."), "past");
  EXPECT_EQ(tense("[RUS Russia] is attacking [UKR Ukraine] from the north."), "present");
  EXPECT_EQ(tense("[RUS Russia] attacks [UKR Ukraine] every night."), "present");
  EXPECT_EQ(tense("[RUS Russia] will attack [UKR Ukraine], the minister said."), "future");
  EXPECT_EQ(tense("[RUS Russia] vowed to attack [UKR Ukraine]."), "future");
}

}  // namespace
}  // namespace dyad::coder
