#include <gtest/gtest.h>

#include "syntax/atoms.h"
#include "syntax/lemmatizer.h"

namespace dyad::syntax {
namespace {

bool Headline(std::vector<std::string_view> forms) {
  bool headline = false;
  ComputeAtoms(forms, &headline);
  return headline;
}

TEST(Atoms, HeadlineDetection) {
  EXPECT_TRUE(Headline({"Protesters", "Storm", "Parliament", "in", "Baghdad"}));
  EXPECT_TRUE(Headline({"PROTESTERS", "STORM", "PARLIAMENT", "IN", "BAGHDAD"}));
  EXPECT_FALSE(Headline({"Protesters", "stormed", "the", "parliament", "in", "Baghdad", "."}));
  // Names everywhere, but a lowercase verb: a sentence, not a headline.
  EXPECT_FALSE(Headline({"U.S.", "Secretary", "of", "State", "Antony", "Blinken", "met", "Chinese", "Foreign",
                         "Minister", "Wang", "Yi", "in", "Beijing", "."}));
  EXPECT_FALSE(Headline({}));
  EXPECT_FALSE(Headline({"Hi"}));
}

TEST(Atoms, ShapeAndFlags) {
  bool headline;
  auto a = ComputeAtoms({"U.S.", "1,200", "pro-Russian", "?"}, &headline);
  EXPECT_TRUE(a[0].flags & kAllCaps);
  EXPECT_TRUE(a[1].flags & kDigit);
  EXPECT_TRUE(a[2].flags & kHyphen);
  EXPECT_TRUE(a[3].flags & kPunct);
  // Digits are folded: the same lowercase atom for all four-digit numbers.
  auto b = ComputeAtoms({"1999", "2024"}, &headline);
  EXPECT_EQ(b[0].lower, b[1].lower);
}

TEST(Lemmatizer, DictionaryThenSuffixRules) {
  Lemmatizer l;
  l.Add("walked", "VBD", "walk");
  l.Add("talked", "VBD", "talk");
  l.Add("went", "VBD", "go");
  l.Add("cities", "NNS", "city");
  l.Add("parties", "NNS", "party");
  l.Add("Talks", "NNS", "talk");
  l.Add("weapons", "NNS", "weapon");
  l.Add("groups", "NNS", "group");
  l.Add("Israel", "NNP", "Israel");
  l.Add("The", "DT", "the");
  l.Finish();
  EXPECT_EQ(l.Lemmatize("went", "VBD"), "go");
  EXPECT_EQ(l.Lemmatize("WENT", "VBD"), "go");
  EXPECT_EQ(l.Lemmatize("jumped", "VBD"), "jump");      // unseen: "-ed" rule
  EXPECT_EQ(l.Lemmatize("militias", "NNS"), "militia");  // shorter suffix "s"
  EXPECT_EQ(l.Lemmatize("countries", "NNS"), "country"); // "-ies" rule
  EXPECT_EQ(l.Lemmatize("Gaza", "NNP"), "Gaza");         // proper nouns keep case
  EXPECT_EQ(l.Lemmatize("The", "DT"), "the");
  EXPECT_EQ(l.Lemmatize("", "NN"), "");
}

TEST(Lemmatizer, SaveLoadKeepsBehaviourAndRejectsGarbage) {
  Lemmatizer l;
  l.Add("fought", "VBD", "fight");
  l.Add("killed", "VBD", "kill");
  l.Finish();
  ByteWriter w;
  l.Save(w);
  Lemmatizer m;
  ByteReader r(w.bytes());
  ASSERT_TRUE(m.Load(r));
  EXPECT_EQ(m.Lemmatize("fought", "VBD"), "fight");
  EXPECT_EQ(m.Lemmatize("shelled", "VBD"), "shell");
  std::string cut = w.bytes().substr(0, w.bytes().size() / 2);
  ByteReader bad(cut);
  Lemmatizer n;
  EXPECT_FALSE(n.Load(bad));
}

}  // namespace
}  // namespace dyad::syntax
