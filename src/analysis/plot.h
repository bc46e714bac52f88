// Pictures of analysis results, drawn with cairo: a dyad timeline (mean
// Goldstein lines above, stacked QuadClass bars below with the second
// direction mirrored under the axis, change points marked) and an actor
// network (circular layout, edge width = events, edge colour = mean
// Goldstein). The file name's extension picks the surface: .svg or .png.
#ifndef DYAD_ANALYSIS_PLOT_H_
#define DYAD_ANALYSIS_PLOT_H_

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "dyad/status.h"

namespace dyad::analysis {

struct PlotOptions {
  int width = 1100;   // pixels (points for SVG)
  int height = 680;
  std::string title;  // drawn at the top; empty: none
  bool shares = false;  // timeline bars as share of all events (needs a normalised timeline)
};

// InvalidArgument for an extension other than .svg/.png or an empty
// timeline; IOError when the file cannot be written.
Status PlotTimeline(const Timeline& timeline, const std::vector<ChangePoint>& changes, const PlotOptions& options,
                    const std::string& path);
Status PlotNetwork(const Network& network, const PlotOptions& options, const std::string& path);

}  // namespace dyad::analysis

#endif  // DYAD_ANALYSIS_PLOT_H_
