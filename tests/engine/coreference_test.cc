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

// "the Baltic state": a described country is the one named before, not this sentence's actor.
TEST(CoreferenceTest, DescribedCountryIsTheOneNamedBefore) {
  CoreferenceResolver r;
  text::Sentence s1 = Sent("Lithuania let Taiwan open an office.");
  std::vector<ActorMention> m1 = {M(0, 1, "LTU", ActorKind::kCountry), M(2, 3, "TWN", ActorKind::kCountry)};
  r.Resolve(s1, &m1);
  //  0     1        2   3          4         5    6   7      8
  text::Sentence s2 = Sent("China recalled its ambassador from the Baltic state.");
  std::vector<ActorMention> m2 = {M(0, 1, "CHN", ActorKind::kCountry)};
  r.Resolve(s2, &m2);
  bool found = false;
  for (const auto& m : m2)
    if (m.first == 5 && m.end == 8) {
      found = true;
      EXPECT_EQ(m.code, "LTU");
    }
  EXPECT_TRUE(found);
}

// "Castillo said he would rule by decree. Lawmakers removed him": the only person named before.
TEST(CoreferenceTest, ObjectPronounTakesTheOnlyEarlierPerson) {
  CoreferenceResolver r;
  text::Sentence s1 = Sent("Castillo said he would rule by decree.");
  std::vector<ActorMention> m1 = {M(0, 1, "PERGOV", ActorKind::kPerson, "Pedro Castillo")};
  r.Resolve(s1, &m1);
  //  0          1       2   3    4
  text::Sentence s2 = Sent("Lawmakers removed him from office.");
  std::vector<ActorMention> m2;
  r.Resolve(s2, &m2);
  bool found = false;
  for (const auto& m : m2)
    if (m.first == 2) {
      found = true;
      EXPECT_EQ(m.code, "PERGOV");
    }
  EXPECT_TRUE(found);
}

// "Leaders of the Group of Seven": the body acts through them, whatever country came before.
TEST(CoreferenceTest, LeadersOfAnIgoAreTheIgo) {
  CoreferenceResolver r;
  text::Sentence s1 = Sent("A White House official spoke.");
  std::vector<ActorMention> m1 = {M(1, 3, "USAGOV", ActorKind::kCountry)};
  r.Resolve(s1, &m1);
  //  0       1  2   3     4  5     6
  text::Sentence s2 = Sent("Leaders of the Group of Seven met.");
  std::vector<ActorMention> m2 = {M(0, 1, "---GOV", ActorKind::kAgentOnly), M(3, 6, "IGOGOS", ActorKind::kIgo)};
  r.Resolve(s2, &m2);
  ASSERT_FALSE(m2.empty());
  EXPECT_EQ(m2[0].code, "IGOGOS");
  EXPECT_EQ(m2[0].end, 6u);
}

// "U.S. Africa Command said an air strike it carried out ...": "it" opens a relative clause.
TEST(CoreferenceTest, SubjectOfARelativeClauseAfterAnActNoun) {
  CoreferenceResolver r;
  //  0      1    2    3  4      5  6       7   8
  text::Sentence s = Sent("Africa Command said an air strike it carried out.");
  std::vector<ActorMention> ms = {M(0, 2, "USAMIL", ActorKind::kCountry)};
  r.Resolve(s, &ms);
  bool found = false;
  for (const auto& m : ms)
    if (m.first == 6) {
      found = true;
      EXPECT_EQ(m.code, "USAMIL");
    }
  EXPECT_TRUE(found);
}

TEST(CoreferenceTest, ObjectPronounPrefersAPersonOfTheOtherSide) {
  CoreferenceResolver r;
  // "Zelensky met Trump and Vance ." then "Trump accused him ...": not Vance (Trump's side).
  text::Sentence a = Sent("Zelensky met Trump and Vance.");
  std::vector<ActorMention> ma = {M(0, 1, "UKRGOV", ActorKind::kPerson, "Volodymyr Zelensky"),
                                  M(2, 3, "USAGOV", ActorKind::kPerson, "Donald Trump"),
                                  M(4, 5, "USAGOV", ActorKind::kPerson, "JD Vance")};
  r.Resolve(a, &ma);
  text::Sentence b = Sent("Trump accused him of gambling.");
  std::vector<ActorMention> mb = {M(0, 1, "USAGOV", ActorKind::kPerson, "Donald Trump")};
  r.Resolve(b, &mb);
  ASSERT_EQ(mb.size(), 2u);
  EXPECT_EQ(mb[1].first, 2u);
  EXPECT_EQ(mb[1].code, "UKRGOV");
}

TEST(CoreferenceTest, ObjectPronounTakesAPersonAfterAPreposition) {
  CoreferenceResolver r;
  text::Sentence a = Sent("Xi will travel to Moscow.");
  std::vector<ActorMention> ma = {M(0, 1, "CHNGOV", ActorKind::kPerson, "Xi Jinping"),
                                  M(4, 5, "RUS", ActorKind::kCountry)};
  r.Resolve(a, &ma);
  // "The court issued a warrant for Putin , accusing him of ...": no person subject here.
  //  0   1     2      3 4       5   6     7 8        9
  text::Sentence s = Sent("The court issued a warrant for Putin, accusing him of deportations.");
  std::vector<ActorMention> ms = {M(6, 7, "RUSGOV", ActorKind::kPerson, "Vladimir Putin")};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].first, 9u);
  EXPECT_EQ(ms[1].code, "RUSGOV");
}

// One sentence resolved on its own; the code mention `k` ends up with.
std::string ResolvedCode(const std::string& sentence, std::vector<ActorMention> ms, size_t k) {
  CoreferenceResolver r;
  r.Resolve(Sent(sentence), &ms);
  return k < ms.size() ? ms[k].code : "(no mention " + std::to_string(k) + ")";
}

TEST(CoreferenceTest, PossessedAgentsTakeTheirOwner) {
  // "Hezbollah fired rockets after an Israeli strike killed one of its commanders ."
  //  0         1     2       3     4  5       6      7      8   9  10  11
  EXPECT_EQ(ResolvedCode("Hezbollah fired rockets after an Israeli strike killed one of its commanders.",
                         {M(0, 1, "LBNREB", ActorKind::kArmedGroup, "Hezbollah"), M(5, 6, "ISR", ActorKind::kCountry),
                          M(11, 12, "---MIL", ActorKind::kAgentOnly)},
                         2),
            "LBNREB");  // "its": the sentence's first actor
  // "The African Union 's envoy urged Ethiopia ."
  //  0   1       2     3  4     5     6
  EXPECT_EQ(ResolvedCode("The African Union's envoy urged Ethiopia.",
                         {M(1, 3, "IGOAFRAFU", ActorKind::kIgo, "African Union"), M(4, 5, "---GOV", ActorKind::kAgentOnly),
                          M(6, 7, "ETH", ActorKind::kCountry)},
                         1),
            "IGOAFRAFU");  // an organisation's agent is the organisation
  // "Nicaragua broke off relations with Israel , calling its government fascist ."
  //  0         1     2   3         4    5      6 7       8   9          10
  EXPECT_EQ(ResolvedCode("Nicaragua broke off relations with Israel, calling its government fascist.",
                         {M(0, 1, "NIC", ActorKind::kCountry), M(5, 6, "ISR", ActorKind::kCountry),
                          M(9, 10, "---GOV", ActorKind::kAgentOnly)},
                         2),
            "ISRGOV");  // "its" in a participle clause: the main clause's other actor
}

TEST(CoreferenceTest, OurCountryInAQuotationIsTheSpeakers) {
  CoreferenceResolver r;
  // "“ Russia has attacked our state , ” Zelensky said ."
  //  0  1      2   3        4   5     6 7 8        9    10
  text::Sentence s = Sent("\u201cRussia has attacked our state,\u201d Zelensky said.");
  std::vector<ActorMention> ms = {M(1, 2, "RUS", ActorKind::kCountry), M(8, 9, "UKRGOV", ActorKind::kPerson, "Zelensky")};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[1].first, 4u);
  EXPECT_EQ(ms[1].end, 6u);
  EXPECT_EQ(ms[1].code, "UKR");
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

TEST(CoreferenceTest, MalformedMentionsPassThrough) {
  CoreferenceResolver r;
  text::Sentence s = Sent("Police fired.");
  // Overlapping, empty and out-of-range spans: kept as they are, nothing read out of bounds.
  std::vector<ActorMention> ms = {M(0, 1, "---COP", ActorKind::kAgentOnly), M(0, 2, "KENCOP", ActorKind::kCountry),
                                  M(1, 1, "---GOV", ActorKind::kAgentOnly), M(5, 9, "---MIL", ActorKind::kAgentOnly),
                                  M(7, 8, "KEN", ActorKind::kCountry)};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 5u);
  EXPECT_EQ(ms[3].code, "---MIL");
  EXPECT_EQ(ms[3].first, 5u);
  // The article's actor table took them in too; later references stay in bounds.
  text::Sentence t = Sent("The country and the capital said the army would stay.");
  std::vector<ActorMention> mt = {M(7, 8, "---MIL", ActorKind::kAgentOnly)};
  r.Resolve(t, &mt);
  for (const auto& m : mt) EXPECT_LE(m.end, t.tokens.size());
}

TEST(CoreferenceTest, NothingToResolveLeavesMentionsAlone) {
  CoreferenceResolver r;
  text::Sentence s = Sent("The army said he had left.");
  std::vector<ActorMention> ms = {M(1, 2, "---MIL", ActorKind::kAgentOnly)};
  r.Resolve(s, &ms);
  ASSERT_EQ(ms.size(), 1u);  // no person for "he", no country for the army
  EXPECT_EQ(ms[0].code, "---MIL");
}


// The same rules on the shipped dictionary: recognise, resolve, and read back
// "span=CODE" per sentence.
class ArticleCoreferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto d = actors::ActorDictionary::LoadDir(std::string(DYAD_DATA_DIR) + "/actors");
    ASSERT_TRUE(d.ok()) << d.status().message();
    dict_ = new actors::ActorDictionary(std::move(d).value());
  }
  static void TearDownTestSuite() {
    delete dict_;
    dict_ = nullptr;
  }

  // Every sentence's mentions after coreference, "span=CODE" joined by spaces, sentences by " | ".
  static std::string Code(const std::string& text, const std::string& date = "2023-06-01") {
    actors::ActorRecognizer rec(*dict_);
    CoreferenceResolver r;
    std::string out;
    for (const text::Sentence& s : text::Segment(text)) {
      std::vector<ActorMention> ms = rec.Recognize(s, *Date::Parse(date));
      r.Resolve(s, &ms);
      if (!out.empty()) out += " | ";
      std::string line;
      for (const auto& m : ms) {
        if (!line.empty()) line += ' ';
        line += text.substr(s.tokens[m.first].begin, s.tokens[m.end - 1].end - s.tokens[m.first].begin) + "=" + m.code;
      }
      out += line;
    }
    return out;
  }

  static actors::ActorDictionary* dict_;
};

actors::ActorDictionary* ArticleCoreferenceTest::dict_ = nullptr;

TEST_F(ArticleCoreferenceTest, ShortReferenceTakesTheActorNamedWithTheSameWord) {
  // The nearest country is Kenya, but "the envoy" is the one named as envoy.
  EXPECT_EQ(Code("Germany's envoy to Nairobi met Kenyan officials. The envoy later criticised the plan."),
            "Germany's envoy=DEUGOV Nairobi=KEN Kenyan officials=KENGOV | envoy=DEUGOV");
}

TEST_F(ArticleCoreferenceTest, AgentWordTakesAnEarlierActorWithTheSameAgent) {
  EXPECT_EQ(Code("Canadian Prime Minister Justin Trudeau addressed the British parliament. He urged lawmakers "
                 "to act.",
                 "2019-05-01"),
            "Canadian Prime Minister Justin Trudeau=CANGOV British parliament=GBRLEG | He=CANGOV lawmakers=GBRLEG");
}

TEST_F(ArticleCoreferenceTest, MilitantsAreTheLastArmedGroup) {
  EXPECT_EQ(Code("Al-Shabaab claimed the attack in Mogadishu. Officials said the militants used a car bomb."),
            "Al-Shabaab=SOMREB Mogadishu=SOM | Officials=SOMGOV militants=SOMREB");
  // An international group keeps its own code, and its fighters are its own.
  EXPECT_EQ(Code("Islamic State said two of its fighters carried out the raid."),
            "Islamic State=IMGMUS fighters=IMGMUS");
}

TEST_F(ArticleCoreferenceTest, IndefiniteAgentsAreNewActors) {
  // "a commander" is nobody named before: not Israel's, nor the group's by coreference.
  EXPECT_EQ(Code("Hamas said Israel struck Gaza. Officials said a commander died."),
            "Hamas=PSEREBHMS Israel=ISR Gaza=PSE | Officials=PSEGOV commander=PSEMIL");
  EXPECT_EQ(Code("The army said two soldiers died."), "army=---MIL soldiers=---MIL");
}

TEST_F(ArticleCoreferenceTest, CiviliansAreNotTheForcesOwn) {
  EXPECT_EQ(Code("Ukraine protested. Russian forces killed 12 civilians."),
            "Ukraine=UKR | Russian forces=RUSMIL civilians=UKRCVL");
  // In a civil war, with nothing else in view, they are.
  EXPECT_EQ(Code("Myanmar's army killed 12 civilians."), "Myanmar's army=MMRMIL civilians=MMRCVL");
}

TEST_F(ArticleCoreferenceTest, FightersAreAGroupsBeforeTheyAreACountrys) {
  // Not ISRREB from the troops of the same sentence: the group named before.
  EXPECT_EQ(Code("Hamas fired rockets at Sderot. Israeli troops came under fire from militants."),
            "Hamas=PSEREBHMS Sderot=ISR | Israeli troops=ISRMIL militants=PSEREBHMS");
}

TEST_F(ArticleCoreferenceTest, TheEventsPlaceBeatsThePreviousSentence) {
  EXPECT_EQ(Code("Biden spoke to Blinken. Protesters clashed with police in Tel Aviv.", "2024-03-01"),
            "Biden=USAGOV Blinken=USAGOV | Protesters=ISRCVL police in Tel Aviv=ISRCOP");
  // A later country that is no place of the event does not.
  EXPECT_EQ(Code("Moldova protested. Officials said Moscow lied."), "Moldova=MDA | Officials=MDAGOV Moscow=RUS");
}

TEST_F(ArticleCoreferenceTest, VictimsTakeThePlaceAfterThem) {
  EXPECT_EQ(Code("Sudanese troops shelled civilians near the Chadian town of Adre."),
            "Sudanese troops=SDNMIL civilians=TCDCVL Chadian=TCD Adre=TCD");
}

TEST_F(ArticleCoreferenceTest, AgentWithNothingBeforeTakesALaterCountry) {
  EXPECT_EQ(Code("Protesters and police clashed in central Tbilisi."),
            "Protesters=GEOCVL police=GEOCOP Tbilisi=GEO");
}

TEST_F(ArticleCoreferenceTest, ForeignTroopsAreNotTheLocalCountry) {
  EXPECT_EQ(Code("Mali ordered foreign troops to leave."), "Mali=MLI troops=---MIL");
}

TEST_F(ArticleCoreferenceTest, AgentOfAPersonTakesThePersonsCountry) {
  EXPECT_EQ(Code("The government of Syrian President Bashar al-Assad denied the report.", "2018-04-10"),
            "government of Syrian President Bashar al-Assad=SYRGOV");
  EXPECT_EQ(Code("Supporters of Jair Bolsonaro stormed the Congress building in Brasilia.", "2023-01-08"),
            "Supporters of Jair Bolsonaro=BRACVL Congress=BRALEG Brasilia=BRA");
  EXPECT_EQ(Code("Chile urged other governments to act."), "Chile=CHL governments=---GOV");
}

TEST_F(ArticleCoreferenceTest, HeIsFromTheNearestSentenceThatNamesSomeone) {
  EXPECT_EQ(Code("Zelensky visited Washington. Iran's foreign minister arrived in Moscow. He met Lavrov.", "2023-07-10"),
            "Zelensky=UKRGOV Washington=USA | Iran's foreign minister=IRNGOV Moscow=RUS | He=IRNGOV Lavrov=RUSGOV");
}

TEST_F(ArticleCoreferenceTest, HeCanBeAnOfficeHolderWhenNoPersonIsNamed) {
  EXPECT_EQ(Code("The mayor of Kharkiv said he had asked Kyiv for generators."),
            "mayor of Kharkiv=UKRGOV he=UKRGOV Kyiv=UKR");
}

TEST_F(ArticleCoreferenceTest, ItAndTheyAsSubjects) {
  // "it" after "said": the speaker; in a new sentence: the subject of the previous one.
  EXPECT_EQ(Code("NATO said it would send more jets. It also warned Belarus."),
            "NATO=IGOWSTNAT it=IGOWSTNAT jets=---MIL | It=IGOWSTNAT Belarus=BLR");
  EXPECT_EQ(Code("The Houthis fired a missile at Eilat. They said more would follow."),
            "Houthis=YEMREB Eilat=ISR | They=YEMREB");
  // "X said it": the speaker right before the verb; "X backed Y and said it": X.
  EXPECT_EQ(Code("Iran protested, and the IAEA said it would inspect the site."),
            "Iran=IRN IAEA=IGOUNOIAE it=IGOUNOIAE");
  EXPECT_EQ(Code("ASEAN backed Manila and said it would mediate."), "ASEAN=IGOSEAASN Manila=PHL it=IGOSEAASN");
  // Impersonal "it" and a country as "they" stay alone.
  EXPECT_EQ(Code("Egypt hosted the talks. It was unclear whether they would resume."), "Egypt=EGY | ");
  // After "if" with two actors named, the subject of the clause is anyone's guess.
  EXPECT_EQ(Code("Japan warned China of a response if it entered its waters."), "Japan=JPN China=CHN");
}

TEST_F(ArticleCoreferenceTest, ObjectPronounsAreTheActorAfterTheSubject) {
  EXPECT_EQ(Code("Lithuania summoned Belarus's envoy, accusing it of spying."),
            "Lithuania=LTU Belarus's envoy=BLRGOV it=BLRGOV");
}

TEST_F(ArticleCoreferenceTest, FirstPersonInAQuotationIsTheSpeaker) {
  EXPECT_EQ(Code("\"We will not give up an inch,\" Zelensky said.", "2023-06-01"),
            "We=UKRGOV Zelensky=UKRGOV");
}

TEST_F(ArticleCoreferenceTest, ShortNounsForGroupsBlocsAndCountries) {
  EXPECT_EQ(Code("ASEAN met in Jakarta. The bloc urged Myanmar to end the violence."),
            "ASEAN=IGOSEAASN Jakarta=IDN | The bloc=IGOSEAASN Myanmar=MMR");
  EXPECT_EQ(Code("Hezbollah fired rockets into Israel. The group said it targeted a base."),
            "Hezbollah=LBNREB Israel=ISR | The group=LBNREB it=LBNREB");
  EXPECT_EQ(Code("Israel struck Hezbollah sites. The Lebanese group fired rockets at Haifa."),
            "Israel=ISR Hezbollah=LBNREB | Lebanese group=LBNREB Haifa=ISR");
  EXPECT_EQ(Code("The Lebanese group fired rockets."), "Lebanese=LBN");
  EXPECT_EQ(Code("The Saudi-led coalition struck Sanaa. The coalition said it hit a drone site."),
            "Saudi-led coalition=SAU Sanaa=YEM | The coalition=SAU it=SAU");
  EXPECT_EQ(Code("Jordan closed the crossing. The kingdom cited security."), "Jordan=JOR | The kingdom=JOR");
  EXPECT_EQ(Code("Jordan shot down Iranian drones. The kingdom summoned Iran's envoy."),
            "Jordan=JOR Iranian drones=IRNMIL | The kingdom=JOR Iran's envoy=IRNGOV");
  EXPECT_EQ(Code("The Pentagon confirmed the strike. The spokesman said Iraq was told."),
            "Pentagon=USAMIL | spokesman=USAMIL Iraq=IRQ");
  EXPECT_EQ(Code("Al-Shabaab claimed the attack. Somalia said the terrorists were killed."),
            "Al-Shabaab=SOMREB | Somalia=SOM terrorists=SOMREB");
  EXPECT_EQ(Code("Peru declared a state of emergency. The country closed its borders."),
            "Peru=PER | The country=PER");
}

TEST_F(ArticleCoreferenceTest, AnAttackNamedAgainIsItsDoers) {
  EXPECT_EQ(Code("Ukraine said Russian forces shelled Kherson. The shelling killed two civilians."),
            "Ukraine=UKR Russian forces=RUSMIL Kherson=UKR | The shelling=RUSMIL civilians=UKRCVL");
  EXPECT_EQ(Code("Israeli jets struck a school in Gaza City. The strike killed 30 people."),
            "Israeli jets=ISRMIL Gaza City=PSE | The strike=ISRMIL people=PSECVL");
  EXPECT_EQ(Code("Al-Shabaab attacked a hotel in Mogadishu. The attack lasted hours."),
            "Al-Shabaab=SOMREB Mogadishu=SOM | The attack=SOMREB");
  // Only as the subject that opens the sentence.
  EXPECT_EQ(Code("Russia hit Kyiv. Officials said the strike killed two."), "Russia=RUS Kyiv=UKR | Officials=RUSGOV");
}

TEST_F(ArticleCoreferenceTest, CounterpartIsTheSameOfficeInTheOtherCountry) {
  EXPECT_EQ(Code("Lavrov met his Turkish counterpart in Ankara.", "2022-03-10"),
            "Lavrov=RUSGOV Turkish counterpart=TURGOV Ankara=TUR");
  // A named counterpart in apposition is that person, with the role of the day.
  EXPECT_EQ(Code("Blinken called his Chinese counterpart, Wang Yi.", "2022-03-10"),
            "Blinken=USAGOV Chinese counterpart, Wang Yi=CHNGOV");
}

TEST_F(ArticleCoreferenceTest, ATitledNameTheDictionaryLacksIsRememberedBySurname) {
  EXPECT_EQ(Code("Moldovan Foreign Minister Ion Vartic visited Kyiv. Vartic said Moldova backed Ukraine."),
            "Moldovan Foreign Minister Ion Vartic=MDAGOV Kyiv=UKR | Vartic=MDAGOV Moldova=MDA Ukraine=UKR");
  // The title's country may come from coreference; the name may stand before the title.
  EXPECT_EQ(Code("Moldova protested. Foreign Minister Ion Vartic said Moscow lied. Vartic left."),
            "Moldova=MDA | Foreign Minister Ion Vartic=MDAGOV Moscow=RUS | Vartic=MDAGOV");
  EXPECT_EQ(Code("Ion Vartic, Moldova's foreign minister, said Moscow lied. Vartic left."),
            "Ion Vartic=MDAGOV Moldova's foreign minister=MDAGOV Moscow=RUS | Vartic=MDAGOV");
  EXPECT_EQ(Code("Ion Vartic, the Moldovan foreign minister, said Moscow lied. Vartic left."),
            "Ion Vartic=MDAGOV Moldovan foreign minister=MDAGOV Moscow=RUS | Vartic=MDAGOV");
  // After the title, in apposition, also behind a place.
  EXPECT_EQ(Code("Moldova's ambassador in Paris, Ion Vartic, protested. Vartic left."),
            "Moldova's ambassador=MDAGOV Paris=FRA Ion Vartic=MDAGOV | Vartic=MDAGOV");
  // Plural agents and days of the week are no names.
  EXPECT_EQ(Code("Moldovan Foreign Ministers Met. Moldovan Foreign Minister Monday said no."),
            "Moldovan Foreign Ministers=MDAGOV | Moldovan Foreign Minister=MDAGOV");
}

// The mentions of the article's last sentence only.
std::string LastSentence(const std::string& coded) {
  const size_t bar = coded.rfind(" | ");
  return bar == std::string::npos ? coded : coded.substr(bar + 3);
}

TEST_F(ArticleCoreferenceTest, SameWordPastTheWindowIsTheSalientActor) {
  // Five sentences on, "the junta" is Niger's, not the U.S. officials' (same agent, nearer).
  const std::string text =
      "Niger's junta expelled the French ambassador on Friday. ECOWAS threatened to use force. Nigeria cut "
      "electricity supplies. U.S. officials urged talks. France recalled its troops. The junta said it would "
      "not yield.";
  EXPECT_EQ(LastSentence(Code(text)), "junta=NERGOV it=NERGOV");
  // A junta is the military in power: the article's military gives the country.
  EXPECT_EQ(LastSentence(Code("Myanmar's military seized power on Monday and detained Aung San Suu Kyi. The "
                              "Security Council will meet. Britain called for the release of the detained leaders. "
                              "Japan and India expressed concern. The junta declared a state of emergency.",
                              "2021-02-01")),
            "junta=MMRGOV");
}

TEST_F(ArticleCoreferenceTest, AnOfficePastTheWindowIsItsSalientHolder) {
  // Not Canada's (the nearest subject); "the mission" is no CARICOM mission (only UN bodies or a body so named).
  EXPECT_EQ(LastSentence(Code("President William Ruto of Kenya said police would go to Haiti. Gangs control "
                              "Port-au-Prince. The United States pledged funding. Canada and France offered support. "
                              "The Caribbean Community welcomed the plan. The president said the mission would "
                              "restore order.",
                              "2024-04-15")),
            "president=KENGOV");
  EXPECT_EQ(LastSentence(Code("The IAEA sent inspectors to Zaporizhzhia. Russian officials said they would "
                              "cooperate with the mission.")),
            "Russian officials=RUSGOV they=RUSGOV the mission=IGOUNOIAE");
}

TEST_F(ArticleCoreferenceTest, TheArticlesForcesAndGroupPastTheWindow) {
  const std::string text =
      "Israeli tanks rolled into Rafah on Tuesday, hours after Hamas said it had accepted a truce. The military "
      "said the operation was limited. Egypt condemned the seizure of the crossing. The United Nations said aid "
      "had stopped. Residents said the shelling continued. The army said its troops killed about 20 militants. "
      "The group said its fighters attacked the tanks.";
  const std::string coded = Code(text, "2024-05-07");
  // Not Egypt's army (the last country named), and the militants are the article's group.
  EXPECT_NE(coded.find("| army=ISRMIL troops=ISRMIL militants=PSEREBHMS |"), std::string::npos) << coded;
  // "The group" is the armed group, not the UN named in the window.
  EXPECT_EQ(LastSentence(coded), "The group=PSEREBHMS fighters=PSEREBHMS");
}

TEST_F(ArticleCoreferenceTest, ShortNounPastTheWindowNeedsAClearlySalientActor) {
  const std::string filler = " The United States urged restraint. Qatar said talks continued. Egypt sent envoys.";
  // One group, the subject of the lead sentence: still the group four sentences later.
  EXPECT_EQ(LastSentence(Code("Hamas said on Saturday it had not received a proposal. Israeli jets struck Rafah." +
                              filler + " The group accused Israel of stalling.")),
            "The group=PSEREBHMS Israel=ISR");
  // Two groups of equal weight: nothing rather than a guess.
  EXPECT_EQ(LastSentence(Code("Hezbollah and Hamas claimed attacks on Israel. Israel struck Hezbollah. Hamas "
                              "fighters clashed with Israeli troops." +
                              filler + " The group said it was ready.")),
            "");
}

TEST_F(ArticleCoreferenceTest, DefiniteAgentsTakeTheDominantCountryWithoutAClearTopic) {
  // The sentence before has a coordinated subject: the article's country, not Egypt.
  EXPECT_EQ(LastSentence(Code("Forces loyal to eastern commander Khalifa Haftar advanced on Tripoli on Monday. The "
                              "United Nations called for a truce. Egypt and the United Arab Emirates have backed "
                              "Haftar. The rebels shelled the airport.",
                              "2019-04-08")),
            "rebels=LBYREB");
  // "the capital": the dominant country's.
  EXPECT_EQ(LastSentence(Code("Sudan's army and the Rapid Support Forces agreed to a truce in Jeddah. The deal "
                              "takes effect on Monday. Residents reported shelling. The WHO warned of shortages. The army "
                              "accused the RSF of looting homes in the capital.")),
            "army=SDNMIL RSF=SDNREB the capital=SDN");
  // "the enclave": the country most named as a location; "the island" only an island state.
  EXPECT_EQ(LastSentence(Code("Israeli jets struck targets in Gaza. Israel said it would attack in Rafah. Egypt "
                              "warned Israel. Fighting raged in Khan Younis. Aid reached the enclave.")),
            "the enclave=PSE");
  EXPECT_EQ(LastSentence(Code("Israeli jets struck targets in Gaza. Israel said it would attack in Rafah. Egypt "
                              "warned Israel. Fighting raged in Khan Younis. Shelling hit the island.")),
            "");
  EXPECT_EQ(LastSentence(Code("Israeli jets struck targets in Gaza. Taiwan said Chinese warplanes crossed the "
                              "median line. The island scrambled jets.")),
            "The island=TWN jets=TWNMIL");
  // "the capital, Kyiv" names its own place.
  EXPECT_EQ(LastSentence(Code("Russia fired missiles at Ukraine. Drones hit the capital, Kyiv.")),
            "Kyiv=UKR");
}

TEST_F(ArticleCoreferenceTest, ShortNounsOwnWhatFollowsTheirPossessive) {
  EXPECT_EQ(LastSentence(Code("Hamas rejected the plan. The group's leader said talks were over.")),
            "The group=PSEREBHMS leader=PSEREBHMS");
  EXPECT_EQ(LastSentence(Code("Protests spread across Kazakhstan. The country's army was deployed.", "2022-01-05")),
            "The country=KAZ army=KAZMIL");
  EXPECT_EQ(LastSentence(Code("Russia asked NATO for guarantees. The alliance said its troops would stay.")),
            "The alliance=IGOWSTNAT troops=IGOWSTNAT");
  // "Its" opening a sentence: the previous sentence's subject.
  EXPECT_EQ(LastSentence(Code("Jordan closed its airspace. Its foreign minister called Tehran.")),
            "foreign minister=JORGOV Tehran=IRN");
  EXPECT_EQ(LastSentence(Code("The International Atomic Energy Agency inspected the plant. Germany urged calm. "
                              "The agency said it was concerned.")),
            "The agency=IGOUNOIAE it=IGOUNOIAE");
}

TEST_F(ArticleCoreferenceTest, PeopleDrivenFromAPlaceAreItsPeople) {
  EXPECT_EQ(LastSentence(Code("Russia shelled the city. Thousands of people were evacuated from Kherson.")),
            "people=UKRCVL Kherson=UKR");
  // Only after a verb of leaving: aid from a country is no place of the protesters.
  EXPECT_EQ(LastSentence(Code("Ukraine asked for help. Protesters demanded aid from the United States.")),
            "Protesters=UKRCVL United States=USA");
}

TEST_F(ArticleCoreferenceTest, DemonymPeopleStayPeople) {
  EXPECT_EQ(Code("Tens of thousands of Sudanese marched in Khartoum. The Sudanese army said it would respect the "
                 "truce."),
            "Sudanese=SDNCVL Khartoum=SDN | Sudanese army=SDNMIL it=SDNMIL");
}

}  // namespace
}  // namespace dyad::engine
