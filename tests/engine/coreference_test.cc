#include "engine/coreference.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::engine {
namespace {

using actors::ActorKind;
using actors::ActorMention;

// A mention of the words [first, end) of the sentence.
ActorMention M(uint32_t first, uint32_t end, std::string code, ActorKind kind, std::string name = "") {
  ActorMention m;
  m.first = first;
  m.end = end;
  m.code = std::move(code);
  m.kind = kind;
  m.name = std::move(name);
  m.entry = "test:" + std::to_string(first);
  return m;
}

text::Sentence Sent(const std::string& s) { return text::Segment(s).at(0); }

TEST(CoreferenceTest, SubjectAndObjectPronouns) {
  CoreferenceResolver r;
  // "Netanyahu thanked Blinken , but he told him ..."
  //  0         1       2      3 4   5  6    7   8    9
  text::Sentence s = Sent("Netanyahu thanked Blinken, but he told him that Israel would act.");
  std::vector<ActorMention> ms = {M(0, 1, "ISRGOV", ActorKind::kPerson, "Benjamin Netanyahu"),
                                  M(2, 3, "USAGOV", ActorKind::kPerson, "Antony Blinken"),
                                  M(9, 10, "ISR", ActorKind::kCountry)};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 5u);
  EXPECT_EQ(ms[2].first, 5u);  // he
  EXPECT_EQ(ms[2].code, "ISRGOV");
  EXPECT_EQ(ms[2].entry, "coref:test:0");
  EXPECT_EQ(ms[3].first, 7u);  // him: not the nearest person (he = Netanyahu), the one before
  EXPECT_EQ(ms[3].code, "USAGOV");
  EXPECT_EQ(ms[4].code, "ISR");
}

TEST(CoreferenceTest, ObjectPronounSkipsTheSubjectOfItsVerb) {
  CoreferenceResolver r;
  text::Sentence s = Sent("Netanyahu spoke after Blinken warned him.");
  std::vector<ActorMention> ms = {M(0, 1, "ISRGOV", ActorKind::kPerson, "Benjamin Netanyahu"),
                                  M(3, 4, "USAGOV", ActorKind::kPerson, "Antony Blinken")};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[2].code, "ISRGOV");
}

TEST(CoreferenceTest, PronounFindsThePreviousSentence) {
  CoreferenceResolver r;
  text::Sentence a = Sent("Erdogan met Putin in Sochi.");
  std::vector<ActorMention> ma = {M(0, 1, "TURGOV", ActorKind::kPerson, "Recep Tayyip Erdogan"),
                                  M(2, 3, "RUSGOV", ActorKind::kPerson, "Vladimir Putin")};
  r.Resolve(a, &ma);
  text::Sentence b = Sent("He said the talks went well.");
  std::vector<ActorMention> mb;
  r.Resolve(b, &mb);
  ASSERT_EQ(mb.size(), 1u);
  EXPECT_EQ(mb[0].code, "TURGOV");  // the first person, the likely subject
  EXPECT_EQ(mb[0].first, 0u);
}

TEST(CoreferenceTest, AgentsTakeTheNearestCountry) {
  CoreferenceResolver r;
  text::Sentence s = Sent("In Lebanon, police fired tear gas.");
  std::vector<ActorMention> ms = {M(1, 2, "LBN", ActorKind::kCountry), M(3, 4, "---COP", ActorKind::kAgentOnly)};
  r.Resolve(s, &ms);
  EXPECT_EQ(ms[1].code, "LBNCOP");
  EXPECT_NE(ms[1].entry.find("+coref:"), std::string::npos);
  text::Sentence t = Sent("The protesters threw stones.");
  std::vector<ActorMention> mt = {M(1, 2, "---CVL", ActorKind::kAgentOnly)};
  r.Resolve(t, &mt);
  EXPECT_EQ(mt[0].code, "LBNCVL");
}

TEST(CoreferenceTest, NothingToResolveLeavesMentionsAlone) {
  CoreferenceResolver r;
  text::Sentence s = Sent("The army said he had left.");
  std::vector<ActorMention> ms = {M(1, 2, "---MIL", ActorKind::kAgentOnly)};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 1u);  // no person for "he", no country for the army
  EXPECT_EQ(ms[0].code, "---MIL");
}

}  // namespace
}  // namespace dyad::engine
