#include "export/graph.h"

#include <cstdio>

namespace dyad::exporting {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string Period(const analysis::Network& net) {
  std::string s = net.from ? net.from->ToString() : "";
  s += " .. ";
  s += net.to ? net.to->ToString() : "";
  return s;
}

}  // namespace

Result<GraphFormat> ParseGraphFormat(std::string_view name) {
  if (name == "graphml") return GraphFormat::kGraphml;
  if (name == "gexf") return GraphFormat::kGexf;
  if (name == "dot") return GraphFormat::kDot;
  return Status::InvalidArgument("unknown graph format '" + std::string(name) + "' (graphml, gexf or dot)");
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

void WriteGraphml(std::ostream& out, const analysis::Network& net) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"n_events\" for=\"node\" attr.name=\"events\" attr.type=\"long\"/>\n"
         "  <key id=\"n_goldstein_sum\" for=\"node\" attr.name=\"goldstein_sum\" attr.type=\"double\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n"
         "  <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"long\"/>\n"
         "  <key id=\"goldstein_sum\" for=\"edge\" attr.name=\"goldstein_sum\" attr.type=\"double\"/>\n"
         "  <key id=\"goldstein_mean\" for=\"edge\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
      << "  <graph id=\"" << XmlEscape("dyad " + Period(net)) << "\" edgedefault=\"directed\">\n";
  for (const auto& n : net.nodes) {
    out << "    <node id=\"" << XmlEscape(n.id) << "\"><data key=\"n_events\">" << n.events
        << "</data><data key=\"n_goldstein_sum\">" << Num(n.goldstein_sum) << "</data></node>\n";
  }
  size_t i = 0;
  for (const auto& e : net.edges) {
    out << "    <edge id=\"e" << i++ << "\" source=\"" << XmlEscape(e.source) << "\" target=\"" << XmlEscape(e.target)
        << "\"><data key=\"weight\">" << e.events << "</data><data key=\"conflict\">" << e.conflict
        << "</data><data key=\"goldstein_sum\">" << Num(e.goldstein_sum) << "</data><data key=\"goldstein_mean\">"
        << Num(e.GoldsteinMean()) << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(std::ostream& out, const analysis::Network& net) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
         "  <meta><creator>dyad</creator><description>"
      << XmlEscape("actor network " + Period(net))
      << "</description></meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"0\" title=\"events\" type=\"long\"/>\n"
         "      <attribute id=\"1\" title=\"goldstein_sum\" type=\"double\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"0\" title=\"conflict\" type=\"long\"/>\n"
         "      <attribute id=\"1\" title=\"goldstein_sum\" type=\"double\"/>\n"
         "      <attribute id=\"2\" title=\"goldstein_mean\" type=\"double\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (const auto& n : net.nodes) {
    out << "      <node id=\"" << XmlEscape(n.id) << "\" label=\"" << XmlEscape(n.id) << "\"><attvalues>"
        << "<attvalue for=\"0\" value=\"" << n.events << "\"/><attvalue for=\"1\" value=\"" << Num(n.goldstein_sum)
        << "\"/></attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  size_t i = 0;
  for (const auto& e : net.edges) {
    out << "      <edge id=\"" << i++ << "\" source=\"" << XmlEscape(e.source) << "\" target=\"" << XmlEscape(e.target)
        << "\" weight=\"" << e.events << "\"><attvalues><attvalue for=\"0\" value=\"" << e.conflict
        << "\"/><attvalue for=\"1\" value=\"" << Num(e.goldstein_sum) << "\"/><attvalue for=\"2\" value=\""
        << Num(e.GoldsteinMean()) << "\"/></attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

namespace {
// DOT identifiers are quoted; quotes and backslashes inside are escaped.
std::string DotId(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}
}  // namespace

void WriteDot(std::ostream& out, const analysis::Network& net) {
  out << "// dyad actor network " << Period(net) << "; weight = events, color: mean Goldstein (red < 0 < green)\n"
      << "digraph dyad {\n  node [shape=ellipse];\n";
  for (const auto& n : net.nodes) {
    out << "  " << DotId(n.id) << " [events=" << n.events << ", goldstein_sum=" << Num(n.goldstein_sum) << "];\n";
  }
  for (const auto& e : net.edges) {
    const double m = e.GoldsteinMean();
    const char* color = m < -1 ? "red3" : m > 1 ? "green4" : "gray40";
    out << "  " << DotId(e.source) << " -> " << DotId(e.target) << " [weight=" << e.events
        << ", label=" << e.events << ", conflict=" << e.conflict << ", goldstein_sum=" << Num(e.goldstein_sum)
        << ", goldstein_mean=" << Num(m) << ", color=" << color << "];\n";
  }
  out << "}\n";
}

void WriteGraph(std::ostream& out, const analysis::Network& net, GraphFormat format) {
  switch (format) {
    case GraphFormat::kGraphml: WriteGraphml(out, net); break;
    case GraphFormat::kGexf: WriteGexf(out, net); break;
    case GraphFormat::kDot: WriteDot(out, net); break;
  }
}

}  // namespace dyad::exporting
