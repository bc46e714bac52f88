#include "ontology/ontology.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace dyad::ontology {
namespace {

const std::string kPath = std::string(DYAD_DATA_DIR) + "/ontology/cameo.tsv";

std::string Header() {
  return std::string(kFormatLine) +
         "\ncode\troot\tlevel\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\t"
         "goldstein_icews\tgoldstein_gdelt\tgoldstein_phoenix\tquad_icews\tquad_phoenix\torigin\n";
}
std::string Roots() {
  std::string s;
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    s += root + "\t" + root + "\t0\tROOT " + root + "\t0.0\t1\t\t\t\t\t\t\t\t\t\n";
  }
  return s;
}

TEST(Ontology, ShippedFileHasEveryCameoCode) {
  auto o = Ontology::Load(kPath);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_GE(o->size(), 300u);
  std::set<std::string> roots;
  int with_plover = 0;
  for (const auto& c : o->codes()) {
    roots.insert(c.root);
    EXPECT_FALSE(c.name.empty()) << c.code;
    EXPECT_GE(c.goldstein, -10.0);
    EXPECT_LE(c.goldstein, 10.0);
    EXPECT_EQ(c.level, static_cast<int>(c.code.size()) - 2);
    if (!c.plover_type.empty()) ++with_plover;
    if (c.root != "01") {
      EXPECT_FALSE(c.plover_type.empty()) << c.code << " has no PLOVER type";
    }
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_GE(with_plover, 280);
  EXPECT_NE(o->version().find("dyad-cameo-ontology 1"), std::string::npos);
}

TEST(Ontology, KnownFacts) {
  auto o = Ontology::Load(kPath);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  const CameoCode* c = o->Find("0233");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Appeal for humanitarian aid");
  EXPECT_EQ(c->root, "02");
  EXPECT_DOUBLE_EQ(c->goldstein, 3.4);
  EXPECT_EQ(c->quad_class, QuadClass::kVerbalCooperation);
  EXPECT_EQ(c->plover_type, "REQUEST");  // CAMEO 02 folds into PLOVER REQUEST
  EXPECT_EQ(c->plover_context, "humanitarian");

  c = o->Find("195");
  ASSERT_NE(c, nullptr);
  EXPECT_DOUBLE_EQ(c->goldstein, -10.0);
  EXPECT_EQ(c->quad_class, QuadClass::kMaterialConflict);
  EXPECT_EQ(c->plover_type, "ASSAULT");
  EXPECT_EQ(c->plover_mode, "heavy-weapons");

  // Conventions differ: 016 is -5 (ICEWS), -2 (GDELT, chosen), 3.4 (Phoenix).
  c = o->Find("016");
  ASSERT_NE(c, nullptr);
  EXPECT_DOUBLE_EQ(c->goldstein, -2.0);
  EXPECT_DOUBLE_EQ(c->alt.goldstein_icews.value(), -5.0);
  EXPECT_DOUBLE_EQ(c->alt.goldstein_phoenix.value(), 3.4);
  // 09 investigate: GDELT QuadClass 2 (chosen), ICEWS 3.
  c = o->Find("091");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quad_class, QuadClass::kMaterialCooperation);
  EXPECT_EQ(c->alt.quad_icews.value(), 3);
  EXPECT_EQ(o->Find("163")->plover_type, "COERCE");
  EXPECT_EQ(o->Find("084")->plover_type, "RETREAT");
  EXPECT_EQ(o->Find("08")->plover_type, "CONCEDE");

  EXPECT_EQ(o->Root("1384")->name, "THREATEN");
  EXPECT_EQ(o->Find("999"), nullptr);
  EXPECT_EQ(o->Find(""), nullptr);
  EXPECT_EQ(o->Root("9"), nullptr);
  auto r14 = o->CodesUnderRoot("14");
  EXPECT_EQ(r14.size(), 27u);  // 14, 140, and 141-145 with four sub-codes each
  for (auto* x : r14) EXPECT_EQ(x->root, "14");
}

TEST(Ontology, LoaderErrorsNameFileAndLine) {
  auto missing = Ontology::Load("/nonexistent/cameo.tsv");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  auto empty = Ontology::Parse("", "x.tsv");
  EXPECT_EQ(empty.status().code(), StatusCode::kCorruption);

  auto wrong_version = Ontology::Parse("#dyad-cameo-ontology 2\n", "x.tsv");
  EXPECT_EQ(wrong_version.status().code(), StatusCode::kCorruption);
  EXPECT_NE(wrong_version.status().message().find("x.tsv:1"), std::string::npos);

  auto binary = Ontology::Parse(std::string("\0\1\2\3", 4), "x.tsv");
  EXPECT_EQ(binary.status().code(), StatusCode::kCorruption);

  auto truncated = Ontology::Parse(std::string(kFormatLine) + "\n", "x.tsv");
  EXPECT_EQ(truncated.status().code(), StatusCode::kCorruption);

  auto ok = Ontology::Parse(Header() + Roots(), "x.tsv");
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();

  auto bad_quad = Ontology::Parse(Header() + Roots() + "190\t19\t1\tUse force\t-10\t5\t\t\t\t\t\t\t\t\t\n", "x.tsv");
  EXPECT_EQ(bad_quad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad_quad.status().message().find("x.tsv:23"), std::string::npos) << bad_quad.status().message();

  auto bad_gold = Ontology::Parse(Header() + Roots() + "190\t19\t1\tUse force\t-11\t4\t\t\t\t\t\t\t\t\t\n", "x.tsv");
  EXPECT_EQ(bad_gold.status().code(), StatusCode::kDataError);

  auto bad_code = Ontology::Parse(Header() + Roots() + "2x0\t2x\t1\tX\t0\t4\t\t\t\t\t\t\t\t\t\n", "x.tsv");
  EXPECT_EQ(bad_code.status().code(), StatusCode::kDataError);

  auto short_row = Ontology::Parse(Header() + Roots() + "190\t19\t1\n", "x.tsv");
  EXPECT_EQ(short_row.status().code(), StatusCode::kDataError);

  auto dup = Ontology::Parse(Header() + Roots() + Roots(), "x.tsv");
  EXPECT_EQ(dup.status().code(), StatusCode::kDataError);

  auto no_root = Ontology::Parse(Header() + "01\t01\t0\tX\t0\t1\t\t\t\t\t\t\t\t\t\n", "x.tsv");
  EXPECT_EQ(no_root.status().code(), StatusCode::kCorruption);
}

// The shipped file is reproducible from the shared CAMEO facts by the build script.
TEST(Ontology, BuildScriptReproducesShippedFile) {
  std::string shared = std::string(DYAD_SHARED_DIR) + "/data/cameo";
  if (!std::ifstream(shared + "/cameo_codebook.tsv")) GTEST_SKIP() << "shared CAMEO data not present";
  std::string out = ::testing::TempDir() + "/cameo_rebuilt.tsv";
  std::string cmd = "python3 " + std::string(DYAD_DATA_DIR) + "/ontology/build_cameo.py " + shared + " " + out +
                    " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "python3 not available";
  std::ifstream a(kPath), b(out);
  std::stringstream sa, sb;
  sa << a.rdbuf();
  sb << b.rdbuf();
  EXPECT_EQ(sa.str(), sb.str());
  std::remove(out.c_str());
}

TEST(Ontology, CliListsARoot) {
  std::string cmd = std::string(DYAD_CLI) + " ontology --root 20 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  EXPECT_EQ(pclose(p), 0);
  EXPECT_NE(out.find("2042\tDetonate nuclear weapons\t-10\t4\tASSAULT"), std::string::npos) << out;
  EXPECT_EQ(out.find("\n190\t"), std::string::npos);
}

}  // namespace
}  // namespace dyad::ontology
