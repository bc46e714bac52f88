// A test fixture holding the shipped actor dictionary (data/actors), loaded
// once per test suite: `class MyTest : public dyad::testing::ShippedActorsTest {}`.
#ifndef DYAD_TESTS_SUPPORT_SHIPPED_ACTORS_H_
#define DYAD_TESTS_SUPPORT_SHIPPED_ACTORS_H_

#include <gtest/gtest.h>

#include "actors/actors.h"

namespace dyad::testing {

class ShippedActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto d = actors::ActorDictionary::LoadDir(DYAD_DATA_DIR "/actors");
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    dict_ = new actors::ActorDictionary(std::move(d).value());
  }
  static void TearDownTestSuite() {
    delete dict_;
    dict_ = nullptr;
  }
  static inline actors::ActorDictionary* dict_ = nullptr;
};

}  // namespace dyad::testing

#endif  // DYAD_TESTS_SUPPORT_SHIPPED_ACTORS_H_
