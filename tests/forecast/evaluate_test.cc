#include "forecast/evaluate.h"

#include <gtest/gtest.h>

#include <unordered_map>

#include "forecast/history.h"

namespace dyad::forecast {
namespace {

TEST(FairRank, TiesGetTheAverageRank) {
  std::vector<Candidate> c = {{0, 0.9}, {1, 0.5}, {2, 0.5}, {3, 0.1}};
  EXPECT_DOUBLE_EQ(FairRank(c, 2, {}, 5), 2.5);
  EXPECT_DOUBLE_EQ(FairRank(c, 1, {}, 5), 2.5);
  EXPECT_DOUBLE_EQ(FairRank(c, 0, {}, 5), 1.0);
  // Three-way tie at the top: ranks 1, 2, 3 average to 2.
  std::vector<Candidate> three = {{0, 1.0}, {1, 1.0}, {2, 1.0}};
  EXPECT_DOUBLE_EQ(FairRank(three, 1, {}, 3), 2.0);
}

TEST(FairRank, FilterRemovesOtherTrueAnswers) {
  std::vector<Candidate> c = {{0, 0.9}, {1, 0.5}, {2, 0.5}, {3, 0.1}};
  std::vector<int32_t> f = {1};
  EXPECT_DOUBLE_EQ(FairRank(c, 2, f, 5), 2.0);
  std::vector<int32_t> f2 = {0, 1};
  EXPECT_DOUBLE_EQ(FairRank(c, 2, f2, 5), 1.0);
}

TEST(FairRank, UnlistedAnswerTiesWithTheOtherUnlisted) {
  std::vector<Candidate> c = {{0, 0.9}, {1, 0.5}, {2, 0.5}, {3, 0.1}};
  EXPECT_DOUBLE_EQ(FairRank(c, 4, {}, 5), 5.0);
  std::vector<int32_t> f = {0};
  EXPECT_DOUBLE_EQ(FairRank(c, 4, f, 5), 4.0);
  // 10 entities: 4 listed above, 5 unlisted others of which one (8) is filtered.
  std::vector<int32_t> f8 = {8};
  EXPECT_DOUBLE_EQ(FairRank(c, 7, f8, 10), 1 + 4 + 4 / 2.0);
  EXPECT_DOUBLE_EQ(FairRank({}, 0, {}, 7), 4.0);
}

TEST(Summarize, Metrics) {
  std::vector<double> ranks = {1, 2, 4, 20};
  Metrics m = Summarize(ranks);
  EXPECT_NEAR(m.mrr, 100.0 * (1 + 0.5 + 0.25 + 0.05) / 4, 1e-9);
  EXPECT_DOUBLE_EQ(m.hits1, 25);
  EXPECT_DOUBLE_EQ(m.hits3, 50);
  EXPECT_DOUBLE_EQ(m.hits10, 75);
}

TEST(BuildQueries, BothDirectionsAndSameDayFilter) {
  std::vector<Quad> split = {{0, 0, 2, 2}, {0, 0, 3, 2}, {0, 0, 3, 3}};
  auto q = BuildQueries(split, 1);
  ASSERT_EQ(q.size(), 6u);
  EXPECT_EQ(q[0].query.subject, 0);
  EXPECT_EQ(q[0].answer, 2);
  EXPECT_EQ(q[0].filtered, std::vector<int32_t>{3});
  EXPECT_EQ(q[1].query.subject, 2);
  EXPECT_EQ(q[1].query.relation, 1);  // inverse
  EXPECT_EQ(q[1].answer, 0);
  EXPECT_TRUE(q[1].filtered.empty());
  EXPECT_TRUE(q[4].filtered.empty());  // day 3: nothing else true that day
}

// Scores an object by how often (s, r, o) happened before: enough to check
// the single-step protocol, the filter and inverse queries by hand.
class CountingForecaster : public Forecaster {
 public:
  std::string Name() const override { return "count"; }
  void Score(const History& h, const Query& q, std::vector<Candidate>* out) const override {
    out->clear();
    std::unordered_map<int32_t, double> n;
    for (const TimedObject& p : h.OfSubjectRelation(q.subject, q.relation)) {
      EXPECT_LT(p.time, q.time);  // never sees the day it answers
      n[p.object] += 1;
    }
    for (auto [e, c] : n) out->push_back({e, c});
  }
};

TEST(EvaluateSplit, HandMadeGraphHasKnownRanks) {
  History h(4, 1);
  h.AddAll({{0, 0, 1, 0}, {0, 0, 1, 1}, {0, 0, 2, 1}});
  std::vector<Quad> test = {{0, 0, 2, 2}, {0, 0, 3, 2}, {0, 0, 3, 3}};
  CountingForecaster model;
  for (int threads : {1, 2}) {
    History copy = h;
    auto ranks = EvaluateSplit(model, &copy, test, {threads});
    // Day 2: (0,0,?) -> 2: entity 1 (2 facts) above, 3 filtered.
    //        (2,inv,?) -> 0: the only candidate.
    //        (0,0,?) -> 3: unlisted; 1 above; ties with unlisted 0; 2 filtered.
    //        (3,inv,?) -> 0: nothing known, ties with 3 others.
    // Day 3 sees day 2 (single step): 1 and 2 have two facts, 3 has one.
    std::vector<double> expected = {2, 1, 2.5, 2.5, 3, 1};
    EXPECT_EQ(ranks, expected);
    EXPECT_EQ(copy.Facts().size(), 6u);
    Metrics m = Summarize(ranks);
    EXPECT_NEAR(m.mrr, 100.0 * (0.5 + 1 + 0.4 + 0.4 + 1.0 / 3 + 1) / 6, 1e-9);
  }
}

}  // namespace
}  // namespace dyad::forecast
