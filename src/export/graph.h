// Writers for actor networks (analysis::Network): GraphML, GEXF 1.3 and
// Graphviz DOT. Nodes carry `events` and `goldstein_sum`; directed edges carry
// `weight` (event count), `conflict` (QuadClass 3+4 events), `goldstein_sum`
// and `goldstein_mean`. Documented in docs/formats.md.
#ifndef DYAD_EXPORT_GRAPH_H_
#define DYAD_EXPORT_GRAPH_H_

#include <ostream>
#include <string>
#include <string_view>

#include "analysis/analysis.h"
#include "dyad/status.h"

namespace dyad::exporting {

enum class GraphFormat { kGraphml, kGexf, kDot };
Result<GraphFormat> ParseGraphFormat(std::string_view name);  // "graphml", "gexf", "dot"

void WriteGraphml(std::ostream& out, const analysis::Network& net);
void WriteGexf(std::ostream& out, const analysis::Network& net);
void WriteDot(std::ostream& out, const analysis::Network& net);
void WriteGraph(std::ostream& out, const analysis::Network& net, GraphFormat format);

// Escapes &, <, >, " and ' for XML attribute and text content.
std::string XmlEscape(std::string_view s);

}  // namespace dyad::exporting

#endif  // DYAD_EXPORT_GRAPH_H_
