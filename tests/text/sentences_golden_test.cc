// Golden test for the news sentence splitter: tests/data/text/sentences.txt
// (format in its header). Each input line is a paragraph of its own.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/text.h"

namespace dyad::text {
namespace {

struct Case {
  int line = 0;
  std::string input;
  std::vector<std::string> expected;
};

std::vector<Case> LoadCases(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<Case> cases;
  Case cur;
  enum { kComments, kInput, kExpected } state = kComments;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (state == kComments && line.starts_with("#")) continue;
    if (state == kComments) state = kInput;
    if (line == "----") {
      state = kExpected;
    } else if (line == "====") {
      while (!cur.input.empty() && cur.input.back() == '\n') cur.input.pop_back();
      cases.push_back(cur);
      cur = {};
      state = kInput;
    } else if (state == kInput) {
      if (cur.input.empty() && line.empty()) continue;
      if (cur.input.empty()) cur.line = n;
      cur.input += line + "\n";
    } else {
      cur.expected.push_back(line);
    }
  }
  return cases;
}

std::vector<std::string> Split(const std::string& input) {
  std::vector<std::string> out;
  std::istringstream lines(input);
  for (std::string line; std::getline(lines, line);) {
    for (const Sentence& s : Segment(line)) out.push_back(line.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceGolden, AllCases) {
  auto cases = LoadCases(std::string(DYAD_TEST_DATA_DIR) + "/text/sentences.txt");
  ASSERT_GE(cases.size(), 60u);
  int failed = 0;
  for (const Case& c : cases) {
    auto got = Split(c.input);
    if (got != c.expected) {
      ++failed;
      std::string g;
      for (const auto& s : got) g += "  | " + s + "\n";
      ADD_FAILURE() << "sentences.txt:" << c.line << " split as:\n" << g;
    }
  }
  RecordProperty("cases", static_cast<int>(cases.size()));
  EXPECT_EQ(failed, 0) << failed << " of " << cases.size() << " cases differ";
}

}  // namespace
}  // namespace dyad::text
