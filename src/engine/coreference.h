// Coreference within one article, between the actor recogniser and the coder.
// Every rule picks the last *compatible* actor named earlier in the article
// (the same sentence first, then the sentences before it, nearest first):
//
//   - Short references. An agent word without a country ("the minister",
//     "the protesters", "the militants": ---GOV, ---CVL, ---REB) becomes, best
//     first: an earlier actor named with the same word ("Russia's ambassador"
//     ... "the ambassador" -> RUSGOV); for fighters, militants and gunmen the
//     last armed group ("Hamas" ... "the militants" -> PSEREBHMS); an earlier
//     actor with the same agent ("the U.S. Congress" ... "lawmakers" ->
//     USALEG); for civilians and the like a place right after the word
//     ("civilians in the town of Axum" -> ETHCVL); the country of the nearest
//     earlier actor of the sentence (for civilians not the forces' own); the
//     place of the sentence's event ("Protesters stormed buildings in Yerevan"
//     -> ARMCVL); the country of the previous sentence's subject; any later
//     actor of the sentence. "<agent> of <actor>" is one actor ("supporters of
//     Trump" -> USACVL). "foreign troops", "other governments" are never the
//     local country's. "the group", "the movement", "the
//     organisation" name the last group or organisation; "the bloc", "the
//     alliance" the last IGO; "the country", "the kingdom" the last country
//     (an earlier sentence's subject); "the coalition" the last actor so named;
//     "the spokesman" the body named first in the previous sentence; "The
//     strike/attack/shelling ..." opening a sentence the previous sentence's
//     forces or group. Indefinite agents ("a commander", "two soldiers") are
//     new actors: no earlier actor by word or agent, only a country.
//   - Pronouns. "he"/"she": in the nearest sentence that has one (this one,
//     then the earlier ones), the first person named, else the first singular
//     office holder ("the governor ... after he accused"). "him"/"her": the person before the
//     nearest one (the nearest is usually the subject: "Blinken warned him" is
//     not Blinken). "it"/"they" as a subject: the subject of "X said it ...",
//     else the first group, organisation or country of the previous sentence;
//     "it" is skipped where it is impersonal ("it was unclear"). "it"/"them"
//     after a verb ("accusing it of"): the first actor after the subject.
//     "I"/"we" inside a quotation: the speaker named outside it.
//   - Counterparts. "<nationality> counterpart" holds the office of the actor
//     it is the counterpart of, in the other country ("Blinken ... his
//     Ukrainian counterpart" -> UKRGOV); a person in apposition ("...
//     counterpart, Dmytro Kuleba") replaces it with his or her dated role.
//   - Salience. Past the three-sentence window, a definite reference ("the
//     junta", "the president", "the rebels", "the group", "the bloc") takes
//     the article's most salient compatible actor (mentions, subject
//     position, the lead sentence, fading with distance) only when it stands
//     out clearly; "the junta" is the dominant country's government when its
//     military was named; a definite agent with no clear topic just before
//     takes the dominant country; "the capital" the dominant country,
//     "the enclave"/"strip"/"territory" the country most named as a place,
//     "the island" an island state.
//     "the group's leader", "the country's army": the short noun owns the
//     agent; "Its foreign minister" opening a sentence: the previous subject.
//   - Names the dictionary lacks. A capitalised name right after a title with
//     a country ("Ukrainian Foreign Minister Olha Petrenko") joins that
//     mention, and later in the article the surname alone is the same actor.
//
// Resolved mentions keep the surface span of the pronoun or short reference and
// record the antecedent in `entry` ("coref:" + the antecedent's entry).
//
// Not thread-safe: one resolver per article, fed its sentences in order.
#ifndef DYAD_ENGINE_COREFERENCE_H_
#define DYAD_ENGINE_COREFERENCE_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "text/text.h"

namespace dyad::engine {

class CoreferenceResolver {
 public:
  // Rewrites `mentions` (sorted by token) of the next sentence in place and
  // adds mentions for resolved pronouns and short references.
  void Resolve(const text::Sentence& sentence, std::vector<actors::ActorMention>* mentions);

  // An earlier mention as an antecedent: the mention and its words.
  struct Antecedent {
    actors::ActorMention mention;
    std::vector<std::string> words;  // lowercase, plural 's' dropped: "ministers" -> "minister"
    bool pronoun = false;            // itself a resolved pronoun
    bool plural = false;             // "officials", "the militants", "police"
    bool coordinated = false;        // followed by "and"/"," and another actor
  };

 private:
  void TitledName(const text::Sentence& sentence, actors::ActorMention* m, uint32_t limit,
                  std::vector<Antecedent>* cur);

  // An actor of the article so far, for references that reach past the
  // look-back window: how prominent it is decides whether it is meant.
  struct Entity {
    std::string key;                 // code, plus the name for persons and organisations
    Antecedent last;                 // its latest mention by name (not by pronoun)
    std::vector<std::string> words;  // the words it was named with (singular), at most kMaxEntityWords
    uint32_t mentions = 0;           // pronouns and short references included
    uint32_t subjects = 0;           // times it opened its sentence
    uint32_t places = 0;             // times named as a location ("in Khartoum"), bare countries only
    bool lead = false;               // named in the article's first sentence with an actor
    bool lead_subject = false;       // and as its subject
    size_t last_sentence = 0;
  };
  static constexpr size_t kMaxEntities = 64;
  static constexpr size_t kMaxEntityWords = 24;

  // Salience of an entity when the sentence `sentence_` is read.
  double Salience(const Entity& e) const;
  // The most salient entity whose latest mention passes `ok`, when it stands
  // out clearly (see kMinSalience and kSalienceMargin in the .cc); else null.
  const Antecedent* Salient(const std::function<bool(const Entity&)>& ok) const;
  // The country that dominates the article (summed salience of its actors),
  // or of its places only; empty when none stands out.
  std::string DominantCountry(bool places_only) const;
  // The latest mention of the most salient entity of `country`, or null.
  const Antecedent* MostSalientOf(const std::string& country) const;
  void Remember(const text::Sentence& sentence, const std::vector<Antecedent>& cur);

  // Resolved mentions of the earlier sentences that named an actor, oldest first.
  std::vector<std::vector<Antecedent>> history_;
  std::vector<Entity> entities_;
  size_t sentence_ = 0;        // sentences read so far (with or without actors)
  size_t history_sentence_ = 0;  // index of the sentence history_.back() comes from
  bool lead_seen_ = false;     // a sentence with an actor has been read
  // Surnames introduced with a title and a country, lowercase -> the mention.
  std::map<std::string, actors::ActorMention> names_;
};

}  // namespace dyad::engine

#endif  // DYAD_ENGINE_COREFERENCE_H_
