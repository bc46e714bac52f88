#include "analysis/plot.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace dyad::analysis {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Rgb {
  double r, g, b;
};
// QuadClass colours: cooperation in greens, conflict in orange and red.
constexpr Rgb kQuadColors[kQuadClasses] = {
    {0.60, 0.82, 0.55}, {0.18, 0.55, 0.34}, {0.96, 0.64, 0.38}, {0.75, 0.22, 0.17}};
constexpr const char* kQuadNames[kQuadClasses] = {"verbal coop.", "material coop.", "verbal conflict",
                                                  "material conflict"};
constexpr Rgb kSeriesColors[2] = {{0.12, 0.38, 0.70}, {0.85, 0.45, 0.05}};
constexpr Rgb kChangeColor = {0.50, 0.15, 0.60};

bool EndsWith(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

// A cairo surface and context for one picture, written on Finish().
class Canvas {
 public:
  static Result<std::unique_ptr<Canvas>> Create(const std::string& path, int w, int h) {
    auto c = std::unique_ptr<Canvas>(new Canvas(path));
    if (EndsWith(path, ".svg")) {
      c->surface_ = cairo_svg_surface_create(path.c_str(), w, h);
    } else if (EndsWith(path, ".png")) {
      c->png_ = true;
      c->surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    } else {
      return Status::InvalidArgument(path + ": --plot wants a file name ending in .svg or .png");
    }
    if (cairo_surface_status(c->surface_) != CAIRO_STATUS_SUCCESS) {
      return Status::IOError(path + ": cannot create the picture: " +
                             cairo_status_to_string(cairo_surface_status(c->surface_)));
    }
    c->cr_ = cairo_create(c->surface_);
    cairo_set_source_rgb(c->cr_, 1, 1, 1);
    cairo_paint(c->cr_);
    cairo_select_font_face(c->cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    return c;
  }
  ~Canvas() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }
  cairo_t* cr() { return cr_; }

  Status Finish() {
    cairo_surface_flush(surface_);
    if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS) {
      return Status::IOError(path_ + ": drawing failed: " + cairo_status_to_string(cairo_status(cr_)));
    }
    if (png_) {
      cairo_status_t s = cairo_surface_write_to_png(surface_, path_.c_str());
      if (s != CAIRO_STATUS_SUCCESS) return Status::IOError(path_ + ": cannot write PNG: " + cairo_status_to_string(s));
    }
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      return Status::IOError(path_ + ": cannot write: " + cairo_status_to_string(cairo_surface_status(surface_)));
    }
    return Status::Ok();
  }

  void Color(Rgb c, double alpha = 1.0) { cairo_set_source_rgba(cr_, c.r, c.g, c.b, alpha); }
  void Line(double x0, double y0, double x1, double y1, double width) {
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x0, y0);
    cairo_line_to(cr_, x1, y1);
    cairo_stroke(cr_);
  }
  // Text anchored at (x, y): align 0 left, 0.5 centre, 1 right; baseline at y.
  void Text(const std::string& s, double x, double y, double size, double align = 0, bool bold = false) {
    cairo_select_font_face(cr_, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr_, s.c_str(), &ext);
    cairo_move_to(cr_, x - align * ext.x_advance, y);
    cairo_show_text(cr_, s.c_str());
  }
  void Rect(double x, double y, double w, double h) {
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
  }

 private:
  explicit Canvas(std::string path) : path_(std::move(path)) {}
  std::string path_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  bool png_ = false;
};

std::string Fmt(double v) {
  char buf[32];
  if (std::abs(v) >= 100 || v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2g", v);
  return buf;
}

// A "nice" tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks over `range`.
double NiceStep(double range, int ticks) {
  if (range <= 0) return 1;
  double raw = range / ticks;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  double m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

std::string Arrow(const std::string& a, const std::string& b) { return a + " \xE2\x86\x92 " + b; }

// Edge colour of a mean Goldstein value scaled to -1..1: red, grey, green.
Rgb EdgeColor(double m) {
  m = std::clamp(m, -1.0, 1.0);
  return m < 0 ? Rgb{0.55 + 0.3 * -m, 0.55 - 0.4 * -m, 0.55 - 0.4 * -m}
               : Rgb{0.55 - 0.4 * m, 0.55 + 0.1 * m, 0.55 - 0.3 * m};
}

}  // namespace

Status PlotTimeline(const Timeline& tl, const std::vector<ChangePoint>& changes, const PlotOptions& o,
                    const std::string& path) {
  if (!tl.first || tl.series.size() != 2 || tl.series[0].buckets.empty()) {
    return Status::InvalidArgument(path + ": nothing to plot (no events matched)");
  }
  auto canvas = Canvas::Create(path, o.width, o.height);
  if (!canvas.ok()) return canvas.status();
  Canvas& c = **canvas;
  const auto& s0 = tl.series[0].buckets;
  const auto& s1 = tl.series[1].buckets;
  const size_t n = s0.size();
  const double left = 70, right = o.width - 20.0;
  const double top1 = o.title.empty() ? 40 : 60, bottom1 = top1 + (o.height - top1) * 0.36;
  const double top2 = bottom1 + 50, bottom2 = o.height - 60.0;
  const double slot = (right - left) / static_cast<double>(n);
  auto xcenter = [&](size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };

  if (!o.title.empty()) {
    c.Color({0.1, 0.1, 0.1});
    c.Text(o.title, o.width / 2.0, 30, 17, 0.5, true);
  }

  // Top panel: mean Goldstein per period, -10 .. +10.
  auto ygold = [&](double g) { return top1 + (10 - g) / 20 * (bottom1 - top1); };
  for (int g = -10; g <= 10; g += 5) {
    c.Color({0.85, 0.85, 0.85});
    c.Line(left, ygold(g), right, ygold(g), g == 0 ? 1.2 : 0.6);
    c.Color({0.3, 0.3, 0.3});
    c.Text((g > 0 ? "+" : "") + std::to_string(g), left - 8, ygold(g) + 4, 11, 1);
  }
  c.Color({0.2, 0.2, 0.2});
  c.Text("mean Goldstein", left, top1 - 8, 12, 0, true);
  for (int dir = 0; dir < 2; ++dir) {
    const auto& b = tl.series[dir].buckets;
    c.Color(kSeriesColors[dir]);
    cairo_set_line_width(c.cr(), 2);
    bool open = false;
    for (size_t i = 0; i < n; ++i) {
      if (b[i].events == 0) {  // no observation: the line breaks
        if (open) cairo_stroke(c.cr());
        open = false;
        continue;
      }
      double x = xcenter(i), y = ygold(b[i].GoldsteinMean());
      if (open) cairo_line_to(c.cr(), x, y);
      else cairo_move_to(c.cr(), x, y);
      open = true;
    }
    if (open) cairo_stroke(c.cr());
    for (size_t i = 0; i < n; ++i) {
      if (b[i].events == 0) continue;
      cairo_arc(c.cr(), xcenter(i), ygold(b[i].GoldsteinMean()), n > 150 ? 1.5 : 3, 0, 2 * kPi);
      cairo_fill(c.cr());
    }
  }
  // Legend of the lines, top right.
  for (int dir = 0; dir < 2; ++dir) {
    double x = right - 260 + dir * 130, y = top1 - 8;
    c.Color(kSeriesColors[dir]);
    c.Line(x, y - 4, x + 22, y - 4, 3);
    c.Color({0.2, 0.2, 0.2});
    c.Text(Arrow(tl.series[dir].source, tl.series[dir].target), x + 27, y, 12);
  }

  // Bottom panel: stacked QuadClass bars, series 0 above the axis and series 1 below.
  auto value = [&](const Bucket& b, int q) {
    if (o.shares) return b.total ? 100.0 * static_cast<double>(b.quad[q]) / static_cast<double>(b.total) : 0.0;
    return static_cast<double>(b.quad[q]);
  };
  double vmax = 0;
  for (size_t i = 0; i < n; ++i) {
    double up = 0, down = 0;
    for (int q = 0; q < kQuadClasses; ++q) {
      up += value(s0[i], q);
      down += value(s1[i], q);
    }
    vmax = std::max({vmax, up, down});
  }
  if (vmax <= 0) vmax = 1;
  const double step = NiceStep(vmax, 3);
  vmax = std::ceil(vmax / step) * step;
  const double zero = (top2 + bottom2) / 2;
  auto ybar = [&](double v) { return zero - v / vmax * (bottom2 - top2) / 2; };
  for (double v = -vmax; v <= vmax + step / 2; v += step) {
    c.Color({0.88, 0.88, 0.88});
    c.Line(left, ybar(v), right, ybar(v), std::abs(v) < step / 2 ? 1.2 : 0.6);
    c.Color({0.3, 0.3, 0.3});
    c.Text(Fmt(std::abs(v)) + (o.shares ? "%" : ""), left - 8, ybar(v) + 4, 11, 1);
  }
  c.Color({0.2, 0.2, 0.2});
  c.Text(std::string(o.shares ? "share of all events (%) by QuadClass" : "events by QuadClass") + "   above: " +
             Arrow(tl.series[0].source, tl.series[0].target) + "   below: " +
             Arrow(tl.series[1].source, tl.series[1].target),
         left, top2 - 10, 12, 0, true);
  const double bw = std::max(1.0, slot * 0.8);
  for (size_t i = 0; i < n; ++i) {
    double up = 0, down = 0;
    for (int q = 0; q < kQuadClasses; ++q) {
      double a = value(s0[i], q), d = value(s1[i], q);
      c.Color(kQuadColors[q]);
      if (a > 0) c.Rect(xcenter(i) - bw / 2, ybar(up + a), bw, ybar(up) - ybar(up + a));
      if (d > 0) c.Rect(xcenter(i) - bw / 2, ybar(-down), bw, ybar(-down - d) - ybar(-down));
      up += a;
      down += d;
    }
  }
  // QuadClass legend, under the x labels.
  for (int q = 0; q < kQuadClasses; ++q) {
    double x = left + q * 150, y = o.height - 14.0;
    c.Color(kQuadColors[q]);
    c.Rect(x, y - 10, 12, 12);
    c.Color({0.2, 0.2, 0.2});
    c.Text(kQuadNames[q], x + 17, y, 11);
  }

  // Change points: a dashed line at the first period of the new regime.
  for (const ChangePoint& cp : changes) {
    auto it = std::find_if(s0.begin(), s0.end(), [&](const Bucket& b) { return b.start == cp.start; });
    if (it == s0.end()) continue;
    double x = left + slot * static_cast<double>(it - s0.begin());
    c.Color(kChangeColor, 0.9);
    double dash[] = {5, 4};
    cairo_set_dash(c.cr(), dash, 2, 0);
    c.Line(x, top1, x, bottom2, 1.6);
    cairo_set_dash(c.cr(), nullptr, 0, 0);
    c.Text(cp.toward_conflict ? "shift: conflict" : "shift: cooperation", x + 4, top1 + 12, 11, 0, true);
  }

  // x axis labels: about ten, at period starts.
  c.Color({0.3, 0.3, 0.3});
  const size_t every = std::max<size_t>(1, (n + 8) / 9);
  for (size_t i = 0; i < n; i += every) {
    c.Line(xcenter(i), bottom2, xcenter(i), bottom2 + 4, 1);
    c.Text(PeriodLabel(s0[i].start, tl.period), xcenter(i), bottom2 + 17, 11, 0.5);
  }
  c.Text(std::string("period: ") + std::string(PeriodName(tl.period)), right, bottom2 + 34, 11, 1);
  return c.Finish();
}

Status PlotNetwork(const Network& net, const PlotOptions& o, const std::string& path) {
  if (net.nodes.empty()) return Status::InvalidArgument(path + ": nothing to plot (no edges matched)");
  auto canvas = Canvas::Create(path, o.width, o.height);
  if (!canvas.ok()) return canvas.status();
  Canvas& c = **canvas;
  const double cx = o.width / 2.0, cy = o.height / 2.0 + 10;
  const double radius = std::min(o.width, o.height) / 2.0 - 110;
  const size_t n = net.nodes.size();
  std::vector<std::pair<double, double>> pos(n);
  std::map<std::string, size_t> index;
  double max_events = 1;
  for (size_t i = 0; i < n; ++i) {
    double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
    pos[i] = {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
    index[net.nodes[i].id] = i;
    max_events = std::max(max_events, static_cast<double>(net.nodes[i].events));
  }
  auto node_r = [&](size_t i) { return 5 + 18 * std::sqrt(static_cast<double>(net.nodes[i].events) / max_events); };
  double max_w = 1;
  for (const Edge& e : net.edges) max_w = std::max(max_w, static_cast<double>(e.events));
  if (!o.title.empty()) {
    c.Color({0.1, 0.1, 0.1});
    c.Text(o.title, o.width / 2.0, 30, 17, 0.5, true);
  }
  // Edges lightest first so the heavy ones stay on top.
  for (auto it = net.edges.rbegin(); it != net.edges.rend(); ++it) {
    const Edge& e = *it;
    size_t a = index.at(e.source), b = index.at(e.target);
    if (a == b) continue;  // self-loops are listed in the files, not drawn
    auto [x0, y0] = pos[a];
    auto [x1, y1] = pos[b];
    // Bend each edge to its right so that A->B and B->A do not overlap.
    double mx = (x0 + x1) / 2, my = (y0 + y1) / 2, dx = x1 - x0, dy = y1 - y0;
    double qx = mx - dy * 0.12, qy = my + dx * 0.12;
    // Stop at the target's rim, where the arrowhead goes.
    double ex = x1 - (x1 - qx) / std::hypot(x1 - qx, y1 - qy) * node_r(b);
    double ey = y1 - (y1 - qy) / std::hypot(x1 - qx, y1 - qy) * node_r(b);
    Rgb col = EdgeColor(e.GoldsteinMean() / 10);
    double width = 0.8 + 7 * static_cast<double>(e.events) / max_w;
    c.Color(col, 0.75);
    cairo_set_line_width(c.cr(), width);
    cairo_move_to(c.cr(), x0, y0);
    cairo_curve_to(c.cr(), (x0 + 2 * qx) / 3, (y0 + 2 * qy) / 3, (ex + 2 * qx) / 3, (ey + 2 * qy) / 3, ex, ey);
    cairo_stroke(c.cr());
    double ang = std::atan2(ey - qy, ex - qx), head = 7 + width;
    cairo_move_to(c.cr(), ex, ey);
    cairo_line_to(c.cr(), ex - head * std::cos(ang - 0.4), ey - head * std::sin(ang - 0.4));
    cairo_line_to(c.cr(), ex - head * std::cos(ang + 0.4), ey - head * std::sin(ang + 0.4));
    cairo_close_path(c.cr());
    cairo_fill(c.cr());
  }
  for (size_t i = 0; i < n; ++i) {
    auto [x, y] = pos[i];
    c.Color({0.25, 0.35, 0.55});
    cairo_arc(c.cr(), x, y, node_r(i), 0, 2 * kPi);
    cairo_fill(c.cr());
    // Labels outside the circle, aligned away from the centre.
    double dx = x - cx, dy = y - cy, d = std::hypot(dx, dy);
    double lx = x + dx / d * (node_r(i) + 8), ly = y + dy / d * (node_r(i) + 8) + 4;
    c.Color({0.1, 0.1, 0.1});
    c.Text(net.nodes[i].id + " (" + std::to_string(net.nodes[i].events) + ")", lx, ly, 11,
           std::abs(dx) < 20 ? 0.5 : (dx < 0 ? 1 : 0));
  }
  // Legend.
  const double lx = 20, ly = o.height - 60.0;
  c.Color({0.2, 0.2, 0.2});
  c.Text("edge width: events;  colour: mean Goldstein", lx, ly, 12, 0, true);
  const Rgb legend[3] = {EdgeColor(-1), EdgeColor(0), EdgeColor(1)};
  const char* names[3] = {"-10 conflict", "0", "+10 cooperation"};
  for (int i = 0; i < 3; ++i) {
    c.Color(legend[i]);
    c.Line(lx + i * 140, ly + 20, lx + i * 140 + 30, ly + 20, 4);
    c.Color({0.2, 0.2, 0.2});
    c.Text(names[i], lx + i * 140 + 36, ly + 24, 11);
  }
  c.Text("node size: events as source or target", lx, ly + 44, 11);
  return c.Finish();
}

}  // namespace dyad::analysis
