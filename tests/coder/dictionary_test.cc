#include "coder/dictionary.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "coder/coder.h"
#include "ontology/ontology.h"

namespace dyad::coder {
namespace {

const std::string kVerbs = std::string(kVerbFormsFormatLine) + "\nmeet met\nstrike struck stricken\n";

Result<EventDictionary> ParseEvents(const std::string& body) {
  return EventDictionary::Parse(std::string(kEventsFormatLine) + "\nversion test\n" + body, "ev.txt", kVerbs, "vf.txt");
}

TEST(Dictionary, ShippedDictionaryLoadsAndCoversEveryRoot) {
  auto d = EventDictionary::LoadDir(std::string(DYAD_DATA_DIR) + "/coder");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GE(d->size(), 500u);
  std::map<std::string, int> per_root;
  for (const auto& p : d->patterns()) {
    per_root[p.code.substr(0, 2)]++;
    EXPECT_NE(p.code, "010") << p.source << ": 010 is never a dictionary code";
  }
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_GE(per_root[root], 5) << "root " << root << " has too few patterns";
  }
  EXPECT_EQ(d->version().rfind("2026.11.26", 0), 0u) << d->version();
  // Every code the dictionary can produce is in the ontology (Coder::Create checks it).
  auto o = ontology::Ontology::Load(std::string(DYAD_DATA_DIR) + "/ontology/cameo.tsv");
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(Coder::Create(std::move(o).value(), std::move(d).value()).ok());
}

TEST(Dictionary, LemmatiserRulesAndIrregulars) {
  auto d = ParseEvents(
      "attack\t190\nurge TARGET to\t020\nagree to\t030\nstop * aid\t162\ncarry\t190\nsanction\t163\nmeet TARGET\t040\n"
      "strike\t190\npress TARGET to\t020\nissue * warning\t130\nwarn\t130\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  auto lemma = [&](const char* w) { return d->Word(d->LemmaOf(w)); };
  EXPECT_EQ(lemma("attacked"), "attack");
  EXPECT_EQ(lemma("attacks"), "attack");
  EXPECT_EQ(lemma("attacking"), "attack");
  EXPECT_EQ(lemma("urged"), "urge");
  EXPECT_EQ(lemma("urging"), "urge");
  EXPECT_EQ(lemma("urges"), "urge");
  EXPECT_EQ(lemma("agreed"), "agree");
  EXPECT_EQ(lemma("stopped"), "stop");
  EXPECT_EQ(lemma("stopping"), "stop");
  EXPECT_EQ(lemma("carried"), "carry");
  EXPECT_EQ(lemma("carries"), "carry");
  EXPECT_EQ(lemma("sanctions"), "sanction");
  EXPECT_EQ(lemma("met"), "meet");
  EXPECT_EQ(lemma("struck"), "strike");
  EXPECT_EQ(lemma("presses"), "press");
  EXPECT_EQ(lemma("pressing"), "press");
  EXPECT_EQ(lemma("warning"), "warn");  // the verb reading; the matcher also sees the form "warning"
  EXPECT_EQ(d->LemmaOf("is"), kNoWord);
  EXPECT_EQ(d->LemmaOf("us"), kNoWord);
  EXPECT_EQ(d->LemmaOf("attackers"), kNoWord);
  EXPECT_TRUE(d->IsPastForm("struck"));
  EXPECT_TRUE(d->IsPastForm("attacked"));
  EXPECT_FALSE(d->IsPastForm("attack"));
}

TEST(Dictionary, RecodingTables) {
  auto d = ParseEvents("future 19 1384\nfuture 191 1381\nreject 04 125\nintent vow\nrefuser refuse\nattack\t190\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(EventDictionary::Apply(d->future(), "190"), "1384");
  EXPECT_EQ(EventDictionary::Apply(d->future(), "191"), "1381");
  EXPECT_EQ(EventDictionary::Apply(d->future(), "1912"), "1381");
  EXPECT_EQ(EventDictionary::Apply(d->future(), "04"), "");
  EXPECT_EQ(EventDictionary::Apply(d->reject(), "042"), "125");
  EXPECT_TRUE(d->IsIntentVerb(d->LemmaOf("vowed")));
  EXPECT_TRUE(d->IsRefuserVerb(d->LemmaOf("refusing")));
}

struct BadCase {
  const char* body;
  const char* where;  // expected "file:line" in the message
};

TEST(Dictionary, LoaderErrorsNameFileAndLine) {
  const BadCase cases[] = {
      {"attack\t19x\n", "ev.txt:3"},
      {"attack\t\n", "ev.txt:3"},
      {"\n\n* attack\t190\n", "ev.txt:5"},
      {"TARGET attack\t190\n", "ev.txt:3"},
      {"attack *\t190\n", "ev.txt:3"},
      {"attack * TARGET\t190\n", "ev.txt:3"},
      {"attack TARGET on TARGET\t190\n", "ev.txt:3"},
      {"attack *99\t190\n", "ev.txt:3"},
      {"attack @nope\t190\n", "ev.txt:3"},
      {"frobnicate this\n", "ev.txt:3"},
      {"future 19\n", "ev.txt:3"},
      {"class nope word\n", "ev.txt:3"},
      {"attack\t190\nattack\t191\n", "ev.txt:4"},
      {"version again\n", "ev.txt:3"},
      {"a * b * c * d * e * f\t190\n", "ev.txt:3"},
      {"a b c d e f g h i j k l m n o p q\t190\n", "ev.txt:3"},
  };
  for (const auto& c : cases) {
    auto d = ParseEvents(c.body);
    ASSERT_FALSE(d.ok()) << c.body;
    EXPECT_NE(d.status().message().find(c.where), std::string::npos) << c.body << " -> " << d.status().message();
  }
  // Wrong or missing format line, empty, binary, no version, no patterns.
  EXPECT_EQ(EventDictionary::Parse("#dyad-event-dictionary 9\n", "ev.txt", kVerbs, "vf.txt").status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(EventDictionary::Parse("", "ev.txt", kVerbs, "vf.txt").status().code(), StatusCode::kCorruption);
  EXPECT_EQ(EventDictionary::Parse(std::string("\0\0\1", 3), "ev.txt", kVerbs, "vf.txt").status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(EventDictionary::Parse(std::string(kEventsFormatLine) + "\nattack\t190\n", "ev.txt", kVerbs, "vf.txt")
                .status()
                .code(),
            StatusCode::kCorruption);
  EXPECT_EQ(ParseEvents("# nothing\n").status().code(), StatusCode::kCorruption);
  auto bad_verbs = EventDictionary::Parse(std::string(kEventsFormatLine) + "\nversion t\nattack\t190\n", "ev.txt",
                                          std::string(kVerbFormsFormatLine) + "\nlonely\n", "vf.txt");
  EXPECT_NE(bad_verbs.status().message().find("vf.txt:2"), std::string::npos) << bad_verbs.status().message();
  EXPECT_EQ(EventDictionary::LoadDir("/nonexistent").status().code(), StatusCode::kNotFound);
}

TEST(Dictionary, UnknownCodeIsRejectedByTheCoder) {
  auto o = ontology::Ontology::Load(std::string(DYAD_DATA_DIR) + "/ontology/cameo.tsv");
  ASSERT_TRUE(o.ok());
  auto d = ParseEvents("\nattack\t1999\n");
  ASSERT_TRUE(d.ok());
  auto c = Coder::Create(std::move(o).value(), std::move(d).value());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("ev.txt:4"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace dyad::coder
