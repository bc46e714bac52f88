// The example article /work/shared/examples/rafah-2024-03-22.txt, coded with
// hand-built actor mentions (what an actor recogniser should find), so that the
// coder is checked independently of the recogniser.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "coder/coder.h"
#include "text/text.h"

namespace dyad::coder {
namespace {

struct Actor {
  const char* phrase;
  const char* code;
  actors::ActorKind kind;
};

using K = actors::ActorKind;
const Actor kActors[] = {
    {"Israeli Prime Minister Benjamin Netanyahu", "ISRGOV", K::kPerson},
    {"U.S. Secretary of State Antony Blinken", "USAGOV", K::kPerson},
    {"Netanyahu", "ISRGOV", K::kPerson},
    {"Blinken", "USAGOV", K::kPerson},
    {"The United States", "USA", K::kCountry},
    {"the United States", "USA", K::kCountry},
    {"American", "USA", K::kCountry},
    {"Washington", "USAGOV", K::kCountry},
    {"Israel", "ISR", K::kCountry},
    {"Gaza", "PSE", K::kCountry},
    {"Hamas", "PSEREBHMS", K::kArmedGroup},
    {"The European Union", "IGOEUREEC", K::kIgo},
    {"The World Health Organization", "IGOUNOHLHWHO", K::kIgo},
    {"the U.N. Security Council", "IGOUNO", K::kIgo},
    {"Qatar", "QAT", K::kCountry},
    {"Egypt", "EGY", K::kCountry},
};

// Longest phrase first at each position, non-overlapping, like the recogniser's contract.
std::vector<actors::ActorMention> Mentions(const text::Sentence& s) {
  std::vector<actors::ActorMention> out;
  const auto& t = s.tokens;
  for (uint32_t i = 0; i < t.size();) {
    uint32_t best_len = 0;
    const Actor* best = nullptr;
    for (const Actor& a : kActors) {
      std::string phrase = a.phrase;
      auto pt = text::Tokenize(phrase, 0, static_cast<uint32_t>(phrase.size()));
      if (pt.size() <= best_len || i + pt.size() > t.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < pt.size() && ok; ++k) ok = pt[k].form == t[i + k].form;
      if (ok) {
        best_len = static_cast<uint32_t>(pt.size());
        best = &a;
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    actors::ActorMention m;
    m.first = i;
    m.end = i + best_len;
    m.code = best->code;
    m.name = best->phrase;
    m.entry = "rafah_test";
    m.kind = best->kind;
    out.push_back(m);
    i += best_len;
  }
  return out;
}

std::string ReadArticle() {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/examples/rafah-2024-03-22.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // The example starts with its date ("date 2024-03-22 "); the body follows.
  if (text.rfind("date ", 0) == 0) text = text.substr(16);
  return text;
}

class RafahTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = Coder::Load(DYAD_DATA_DIR);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = new Coder(std::move(c).value());
    text_ = new std::string(ReadArticle());
    ASSERT_FALSE(text_->empty()) << "example article missing";
    events_ = new std::vector<Event>;
    auto sentences = text::Segment(*text_);
    for (uint32_t i = 0; i < sentences.size(); ++i) {
      auto ev = coder_->CodeSentence(*text_, sentences[i], i, Mentions(sentences[i]), Date::FromYmd(2024, 3, 22));
      events_->insert(events_->end(), ev.begin(), ev.end());
    }
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete text_;
    delete events_;
  }
  static const Event* FindEvent(const std::string& src, const std::string& tgt, const std::string& code) {
    for (const auto& e : *events_)
      if (e.source.code == src && e.target.code == tgt && e.code == code) return &e;
    return nullptr;
  }
  static std::string All() {
    std::string s;
    for (const auto& e : *events_)
      s += "\n  " + e.source.code + " " + (e.target.code.empty() ? "-" : e.target.code) + " " + e.code + " [" +
           e.trigger_text + "] " + e.pattern;
    return s;
  }
  static Coder* coder_;
  static std::string* text_;
  static std::vector<Event>* events_;
};
Coder* RafahTest::coder_ = nullptr;
std::string* RafahTest::text_ = nullptr;
std::vector<Event>* RafahTest::events_ = nullptr;

TEST_F(RafahTest, IsraelConsultsAndThanksUnitedStates) {
  const Event* meet = FindEvent("ISRGOV", "USAGOV", "040");
  ASSERT_NE(meet, nullptr) << All();
  EXPECT_EQ(meet->root, "04");
  EXPECT_EQ(meet->plover_type, "CONSULT");
  EXPECT_EQ(meet->quad_class, QuadClass::kVerbalCooperation);
  EXPECT_EQ(meet->trigger_text, "their meeting");
  EXPECT_NE(FindEvent("USAGOV", "ISRGOV", "040"), nullptr) << All();

  const Event* thanks = FindEvent("ISRGOV", "USAGOV", "051");
  ASSERT_NE(thanks, nullptr) << All();
  EXPECT_EQ(thanks->trigger_text, "thanked");
  EXPECT_DOUBLE_EQ(thanks->goldstein, 3.4);
  EXPECT_EQ(thanks->plover_type, "SUPPORT");
  EXPECT_EQ(thanks->source.country, "ISR");
  EXPECT_EQ(thanks->source.agent, "GOV");
  EXPECT_EQ(thanks->source.text, "Netanyahu");
  EXPECT_EQ(text_->substr(thanks->source.span.begin, thanks->source.span.end - thanks->source.span.begin), "Netanyahu");
  EXPECT_EQ(text_->substr(thanks->trigger.begin, thanks->trigger.end - thanks->trigger.begin), "thanked");
  EXPECT_EQ(thanks->sentence_index, 3u);  // headings are sentences too
  EXPECT_EQ(thanks->date, Date::FromYmd(2024, 3, 22));
  EXPECT_TRUE(thanks->article_id.empty());
  EXPECT_GT(thanks->confidence, 0.5);
}

TEST_F(RafahTest, UnitedStatesWarnsAndUrgesIsrael) {
  const Event* warn = FindEvent("USAGOV", "ISRGOV", "130");  // "Blinken warned him": him = Netanyahu
  ASSERT_NE(warn, nullptr) << All();
  EXPECT_EQ(warn->quad_class, QuadClass::kVerbalConflict);
  const Event* urge = FindEvent("USA", "ISR", "0255");  // urged Israel to ... let more humanitarian aid in
  ASSERT_NE(urge, nullptr) << All();
  EXPECT_EQ(urge->root, "02");
  EXPECT_EQ(urge->plover_type, "REQUEST");
}

TEST_F(RafahTest, IsraelThreatensGroundOperationInRafah) {
  const Event* send = FindEvent("ISR", "PSE", "1384");  // would send ground forces into Rafah, southern Gaza
  ASSERT_NE(send, nullptr) << All();
  EXPECT_EQ(send->root, "13");
  EXPECT_FALSE(send->hypothetical);
  EXPECT_NE(send->pattern.find("future"), std::string::npos);
  EXPECT_NE(FindEvent("ISR", "PSEREBHMS", "1384"), nullptr) << All();  // would enter Rafah to destroy ... Hamas
}

TEST_F(RafahTest, AppealsForCeasefireAidAndUnBacking) {
  const Event* eu = FindEvent("IGOEUREEC", "", "0256");
  ASSERT_NE(eu, nullptr) << All();
  EXPECT_EQ(eu->target.code, "");
  const Event* who = FindEvent("IGOUNOHLHWHO", "PSE", "0233");
  ASSERT_NE(who, nullptr) << All();
  EXPECT_EQ(who->trigger_text, "appealed for more aid deliveries");
  EXPECT_NE(FindEvent("USAGOV", "IGOUNO", "022"), nullptr) << All();
}

TEST_F(RafahTest, MediationAndExactEventSet) {
  for (const char* src : {"QAT", "EGY"})
    for (const char* tgt : {"ISR", "PSEREBHMS"}) EXPECT_NE(FindEvent(src, tgt, "045"), nullptr) << src << tgt << All();
  std::multiset<std::string> got;
  for (const auto& e : *events_)
    got.insert(e.source.code + " " + (e.target.code.empty() ? "-" : e.target.code) + " " + e.code);
  std::multiset<std::string> want = {
      "ISR PSE 1384",        "USAGOV ISRGOV 130",    "ISRGOV USAGOV 051", "ISRGOV USAGOV 040",
      "USAGOV ISRGOV 040",   "ISR PSEREBHMS 1384",   "USA ISR 0255",      "IGOEUREEC - 0256",
      "IGOUNOHLHWHO PSE 0233", "IGOUNOHLHWHO - 012", "USAGOV IGOUNO 022", "QAT ISR 045",
      "QAT PSEREBHMS 045",   "EGY ISR 045",          "EGY PSEREBHMS 045"};
  EXPECT_EQ(got, want) << All();
  for (const auto& e : *events_) {
    EXPECT_FALSE(e.pattern.empty());
    EXPECT_GE(e.confidence, 0.05);
    EXPECT_LE(e.confidence, 0.95);
    EXPECT_EQ(e.sentence_text, text_->substr(e.sentence.begin, e.sentence.end - e.sentence.begin));
  }
}

}  // namespace
}  // namespace dyad::coder
