// Closed-class English words the coder and the word-order linker use as cues:
// clause openers, reporting verbs, prepositions, auxiliaries, negators,
// determiners. One list each, shared, so the two stages read a sentence alike.
// All take lowercase token forms.
#ifndef DYAD_CODER_CUES_H_
#define DYAD_CODER_CUES_H_

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace dyad::coder::cues {

inline bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Words that open a new clause (the word itself starts it).
inline bool OpensClause(std::string_view w) {
  return In(w, {"while", "whereas", "although", "though", "but", "because", "after", "before", "when", "that",
                "which", "who", "whom", "whose", "unless", "if", "until", "where", "whether", "since", "despite"});
}
// Reporting verbs: the words after them start a new clause ("X said Y attacked Z").
inline bool ReportingVerb(std::string_view w) {
  return In(w, {"said", "says", "say", "told", "tells", "added", "adds", "stated", "claimed", "claims", "insisted",
                "noted", "believes", "believed", "thinks"});
}
// A mention right after one of these is not a subject ("fighters in Gaza fired").
// Not "of": "thousands of Israelis protested" has its actor after "of".
inline bool SourcePreposition(std::string_view w) {
  return In(w, {"in", "at", "from", "near", "inside", "for", "with", "against", "to", "into", "on", "over",
                "between", "by", "toward", "towards", "across", "outside", "within", "during", "than", "about",
                "under", "through", "around", "among", "without", "like"});
}
// Never part of a TARGET slot ("met in Qatar" has no target).
inline bool SlotPreposition(std::string_view w) {
  return In(w, {"in", "at", "near", "from", "during", "on", "inside", "outside", "across", "over", "after", "before",
                "since", "until", "amid", "for", "with", "to", "into", "of", "by", "about"});
}
// After these, "<actor> <bare word>" is a noun phrase ("for American support").
inline bool NounPreposition(std::string_view w) {
  return In(w, {"for", "of", "with", "against", "by", "over", "about", "amid", "despite"});
}
inline bool Locative(std::string_view w) { return In(w, {"in", "at", "near", "inside", "outside", "across", "around"}); }
inline bool Determiner(std::string_view w) {
  return In(w, {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "'s", "this", "these", "those",
                "such", "any", "no", "every", "each", "of"});
}
inline bool BeForm(std::string_view w) {
  return In(w, {"was", "were", "is", "are", "been", "be", "being", "am", "get", "got", "gets", "'s"});
}
inline bool Adverb(std::string_view w) {
  return In(w, {"also", "reportedly", "allegedly", "repeatedly", "again", "already", "just", "then", "still",
                "recently", "later", "previously", "jointly", "formally", "publicly", "once", "even", "further"}) ||
         (w.size() > 4 && w.substr(w.size() - 2) == "ly");
}
inline bool Negator(std::string_view w) { return In(w, {"not", "n't", "never", "no", "neither", "nor"}); }
inline bool FutureAux(std::string_view w) { return In(w, {"will", "would", "'ll", "shall", "wo"}); }
inline bool ModalAux(std::string_view w) { return In(w, {"could", "might", "may", "should", "must", "can", "ca"}); }
// "continue to mediate", "began to withdraw": the infinitive is the event. So is what a body
// votes to do ("parliament voted to end the state of emergency"): the vote is the act.
inline bool Aspectual(std::string_view w) {
  return In(w, {"continue", "continues", "continued", "continuing", "begin", "begins", "began", "beginning", "start",
                "starts", "started", "starting", "resume", "resumes", "resumed", "keep", "keeps", "kept", "vote",
                "votes", "voted", "voting"});
}
inline bool Conditional(std::string_view w) { return In(w, {"if", "unless", "whether", "lest"}); }
// Nouns naming a request: "rejected U.N. calls to ...", "rejected opposition demands that ...".
inline bool RequestNoun(std::string_view w) {
  return In(w, {"call", "calls", "demand", "demands", "appeal", "appeals", "request", "requests", "effort", "efforts",
                "offer", "offers", "proposal", "proposals", "plea", "pleas", "pressure", "ultimatum"});
}
// The agent part of a full actor code ("MIL" of "RUSMIL"); empty for a bare country or IGO.
inline std::string_view AgentCode(std::string_view code) {
  return code.size() >= 6 ? code.substr(code.size() - 3) : std::string_view();
}
// "fears that", "believes that": what follows is a worry or belief, not a reported act.
inline bool Epistemic(std::string_view w) {
  return In(w, {"fear", "fears", "feared", "fearing", "worry", "worries", "worried", "believe", "believes", "believed",
                "think", "thinks", "thought", "suspect", "suspects", "suspected", "expect", "expects", "expected",
                "predict", "predicts", "predicted", "speculate", "speculated", "concerned", "afraid"});
}

}  // namespace dyad::coder::cues

#endif  // DYAD_CODER_CUES_H_
