#include "forecast/store_eval.h"

#include <gtest/gtest.h>

namespace dyad::forecast {
namespace {

// A history where USA->ISR consult every day and RUS->UKR fight every other
// day, with a one-off event that never recurs.
std::vector<ActorEvent> Planted() {
  std::vector<ActorEvent> ev;
  for (int32_t d = 0; d < 200; ++d) {
    ev.push_back({"USA", "04", "ISR", d});
    if (d % 2 == 0) ev.push_back({"RUS", "19", "UKR", d});
  }
  ev.push_back({"USA", "17", "ISR", 50});
  return ev;
}

TEST(StoreEvalTest, RecurringRelationsAreForecastAndScored) {
  RelationEvalOptions o;
  o.first_day = 150;
  o.last_day = 190;
  o.step_days = 10;
  o.horizon_days = 7;
  o.threshold = 0.5;
  auto r = EvaluateRelationForecasts(Planted(), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->forecasts, 5 * 2);  // 5 forecast days x 2 dyads
  EXPECT_EQ(r->model.fn, 0);       // both recurring relations forecast every time
  EXPECT_EQ(r->model.tp, 10);
  EXPECT_EQ(r->model.fp, 0);       // the one-off 17 is not forecast
  EXPECT_DOUBLE_EQ(r->persistence.f1(), 1.0);
}

TEST(StoreEvalTest, NothingHappensNothingIsScoredAsHit) {
  RelationEvalOptions o;
  o.first_day = 300;  // long after the history ends: nothing happens
  o.last_day = 300;
  o.horizon_days = 1;
  auto r = EvaluateRelationForecasts(Planted(), o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->model.tp, 0);
  EXPECT_EQ(r->model.fn, 0);
}

TEST(StoreEvalTest, RejectsEmptyPeriodsAndHorizons) {
  RelationEvalOptions o;
  o.first_day = 10;
  o.last_day = 5;
  EXPECT_FALSE(EvaluateRelationForecasts(Planted(), o).ok());
  o.last_day = 20;
  o.horizon_days = 0;
  EXPECT_FALSE(EvaluateRelationForecasts(Planted(), o).ok());
}

}  // namespace
}  // namespace dyad::forecast
