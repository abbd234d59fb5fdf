using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace Coach.Reports;

/// <summary>One bar: a label, a value and how it is drawn.</summary>
/// <param name="Segments">Stacked parts (value, colour, name); when null the bar is one part of <paramref name="Value"/>.</param>
public sealed record Bar(string Label, double Value, string Color, string? Text = null, IReadOnlyList<(double Value, string Color, string Name)>? Segments = null);

/// <summary>Small, dependency-free SVG charts for the HTML report: inline, responsive (viewBox), with tooltips.</summary>
public static class SvgCharts
{
    private const string Font = "font-family=\"inherit\"";

    /// <summary>A ring split by share, with the total in the middle and a legend beside it.</summary>
    public static string Donut(IReadOnlyList<(string Label, double Value, string Color)> parts, string centerValue, string centerLabel, string title)
    {
        const double r = 70, stroke = 26, cx = 100, cy = 100;
        var circumference = 2 * Math.PI * r;
        var total = parts.Sum(p => p.Value);
        var sb = new StringBuilder();
        var legendHeight = parts.Count * 26;
        var height = Math.Max(200, legendHeight + 20);
        sb.Append($"<svg class=\"chart donut\" viewBox=\"0 0 420 {height}\" role=\"img\" aria-label=\"{A(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append($"<title>{E(title)}</title>");
        sb.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"none\" stroke=\"#eef1f5\" stroke-width=\"{N(stroke)}\"/>");
        var offset = 0.0;
        foreach (var part in parts)
        {
            if (total <= 0 || part.Value <= 0) continue;
            var length = circumference * part.Value / total;
            sb.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"none\" stroke=\"{part.Color}\" stroke-width=\"{N(stroke)}\" ");
            sb.Append($"stroke-dasharray=\"{N(Math.Max(0, length - 1.5))} {N(circumference)}\" stroke-dashoffset=\"{N(-offset)}\" transform=\"rotate(-90 {N(cx)} {N(cy)})\">");
            sb.Append($"<title>{E(part.Label)}: {part.Value.ToString("N0", CultureInfo.InvariantCulture)} ({Percent(part.Value, total)})</title></circle>");
            offset += length;
        }

        sb.Append($"<text x=\"{N(cx)}\" y=\"{N(cy - 2)}\" text-anchor=\"middle\" class=\"donut-value\" {Font}>{E(centerValue)}</text>");
        sb.Append($"<text x=\"{N(cx)}\" y=\"{N(cy + 20)}\" text-anchor=\"middle\" class=\"donut-label\" {Font}>{E(centerLabel)}</text>");

        var y = (height - legendHeight) / 2.0 + 13;
        foreach (var part in parts)
        {
            sb.Append($"<rect x=\"215\" y=\"{N(y - 10)}\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{part.Color}\"/>");
            sb.Append($"<text x=\"237\" y=\"{N(y + 1.5)}\" class=\"legend\" {Font}>{E(part.Label)}</text>");
            sb.Append($"<text x=\"412\" y=\"{N(y + 1.5)}\" text-anchor=\"end\" class=\"legend-value\" {Font}>{part.Value.ToString("N0", CultureInfo.InvariantCulture)} · {Percent(part.Value, total)}</text>");
            y += 26;
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Horizontal bars with labels on the left and values on the right; an optional dashed target line.</summary>
    public static string HorizontalBars(IReadOnlyList<Bar> bars, string title, double? target = null, string? targetLabel = null, double? max = null, int labelWidth = 170)
    {
        const int width = 540, rowHeight = 30, barHeight = 18, valueWidth = 92, top = 8;
        var plotWidth = width - labelWidth - valueWidth;
        var scaleMax = Math.Max(max ?? 0, Math.Max(bars.Count == 0 ? 1 : bars.Max(b => b.Value), target ?? 0));
        if (scaleMax <= 0) scaleMax = 1;
        var bottom = target.HasValue ? 26 : 6;
        var height = top + Math.Max(1, bars.Count) * rowHeight + bottom;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart bars\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{A(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append($"<title>{E(title)}</title>");
        var y = top;
        foreach (var bar in bars)
        {
            var cy = y + rowHeight / 2.0;
            sb.Append($"<text x=\"{labelWidth - 10}\" y=\"{N(cy + 4.5)}\" text-anchor=\"end\" class=\"bar-label\" {Font}>{E(Truncate(bar.Label, labelWidth / 7))}<title>{E(bar.Label)}</title></text>");
            sb.Append($"<rect x=\"{labelWidth}\" y=\"{N(cy - barHeight / 2.0)}\" width=\"{plotWidth}\" height=\"{barHeight}\" rx=\"4\" fill=\"#f1f3f7\"/>");
            var x = (double)labelWidth;
            var segments = bar.Segments ?? new[] { (bar.Value, bar.Color, bar.Label) };
            foreach (var (value, color, name) in segments)
            {
                var w = plotWidth * value / scaleMax;
                if (w <= 0) continue;
                sb.Append($"<rect x=\"{N(x)}\" y=\"{N(cy - barHeight / 2.0)}\" width=\"{N(w)}\" height=\"{barHeight}\" rx=\"4\" fill=\"{color}\">");
                sb.Append($"<title>{E(bar.Label)} · {E(name)}: {value.ToString("0.#", CultureInfo.InvariantCulture)}</title></rect>");
                x += w;
            }

            sb.Append($"<text x=\"{width - valueWidth + 10}\" y=\"{N(cy + 4.5)}\" class=\"bar-value\" {Font}>{E(bar.Text ?? bar.Value.ToString("0.#", CultureInfo.InvariantCulture))}</text>");
            y += rowHeight;
        }

        if (target.HasValue)
        {
            var tx = labelWidth + plotWidth * target.Value / scaleMax;
            sb.Append($"<line x1=\"{N(tx)}\" y1=\"{top - 4}\" x2=\"{N(tx)}\" y2=\"{y + 2}\" class=\"target-line\" stroke=\"#1f2a44\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            sb.Append($"<text x=\"{N(tx)}\" y=\"{y + 18}\" text-anchor=\"middle\" class=\"target-label\" {Font}>{E(targetLabel ?? "target")}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Rows × weeks of counts, coloured against a target (0 grey, below target amber shades, at target green).</summary>
    public static string Heatmap(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<int>> values, int target, string title)
    {
        const int labelWidth = 150, cell = 34, gap = 4, top = 26;
        var width = labelWidth + columns.Count * (cell + gap) + 10;
        var height = top + rows.Count * (cell + gap) + 6;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart heatmap\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{A(title)}\" xmlns=\"http://www.w3.org/2000/svg\" style=\"max-width:{width}px\">");
        sb.Append($"<title>{E(title)}</title>");
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns.Count > 14 && c % 2 == 1) continue;
            var x = labelWidth + c * (cell + gap) + cell / 2.0;
            sb.Append($"<text x=\"{N(x)}\" y=\"16\" text-anchor=\"middle\" class=\"axis small\" {Font}>{E(columns[c])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + r * (cell + gap);
            sb.Append($"<text x=\"{labelWidth - 10}\" y=\"{N(y + cell / 2.0 + 4.5)}\" text-anchor=\"end\" class=\"bar-label\" {Font}>{E(Truncate(rows[r], 20))}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var v = c < values[r].Count ? values[r][c] : 0;
                var x = labelWidth + c * (cell + gap);
                var (fill, ink) = HeatColor(v, target);
                sb.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" rx=\"5\" fill=\"{fill}\"><title>{E(rows[r])}, week of {E(columns[c])}: {v} session{(v == 1 ? "" : "s")} (target {target})</title></rect>");
                if (v > 0) sb.Append($"<text x=\"{N(x + cell / 2.0)}\" y=\"{N(y + cell / 2.0 + 4.5)}\" text-anchor=\"middle\" class=\"cell\" fill=\"{ink}\" {Font}>{v}</text>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Vertical columns over time with a dashed target line (e.g. team sessions per week).</summary>
    public static string Columns(IReadOnlyList<(string Label, double Value)> points, double? target, string targetLabel, string title, string color = "#4263eb")
    {
        const int width = 640, height = 190, left = 34, right = 10, top = 14, bottom = 30;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var max = Math.Max(points.Count == 0 ? 1 : points.Max(p => p.Value), target ?? 0);
        max = 4 * WholeTickStep(max / 4); // four gridlines at whole numbers: sessions are counted, never 37.5
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart columns\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{A(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append($"<title>{E(title)}</title>");
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            var y = top + plotH - plotH * i / 4.0;
            sb.Append($"<line x1=\"{left}\" y1=\"{N(y)}\" x2=\"{width - right}\" y2=\"{N(y)}\" stroke=\"#e9ecf2\"/>");
            sb.Append($"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" class=\"axis\" {Font}>{v.ToString("0.#", CultureInfo.InvariantCulture)}</text>");
        }

        var slot = points.Count == 0 ? plotW : plotW / (double)points.Count;
        var barW = Math.Max(4, Math.Min(38, slot * 0.62));
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var h = plotH * value / max;
            var x = left + slot * i + (slot - barW) / 2;
            var below = target.HasValue && value < target.Value;
            sb.Append($"<rect x=\"{N(x)}\" y=\"{N(top + plotH - h)}\" width=\"{N(barW)}\" height=\"{N(h)}\" rx=\"3\" fill=\"{(below ? "#f2b441" : color)}\"><title>Week of {E(label)}: {value.ToString("0.#", CultureInfo.InvariantCulture)}</title></rect>");
            if (points.Count <= 16 || i % 2 == 0)
            {
                sb.Append($"<text x=\"{N(x + barW / 2)}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"axis\" {Font}>{E(label)}</text>");
            }
        }

        if (target.HasValue)
        {
            var ty = top + plotH - plotH * target.Value / max;
            sb.Append($"<line x1=\"{left}\" y1=\"{N(ty)}\" x2=\"{width - right}\" y2=\"{N(ty)}\" class=\"target-line\" stroke=\"#1f2a44\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>");
            sb.Append($"<text x=\"{width - right - 2}\" y=\"{N(ty - 5)}\" text-anchor=\"end\" class=\"target-label\" {Font}>{E(targetLabel)}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static (string Fill, string Ink) HeatColor(int value, int target)
    {
        if (value <= 0) return ("#eef1f5", "#8a94a6");
        if (value >= target) return (value > target ? "#1f8a4c" : "#2fa866", "#ffffff");
        // Below target is amber however close: only meeting the target is green.
        var share = (double)value / target;
        return share >= 0.66 ? ("#f0a72b", "#4a3000") : share >= 0.33 ? ("#f7d58b", "#6b4a00") : ("#f9e3b4", "#6b4a00");
    }

    /// <summary>The smallest of 1, 2, 3, 4, 5, 6, 8 × 10^k (a whole number) at or above <paramref name="step"/>.</summary>
    private static double WholeTickStep(double step)
    {
        if (step <= 1) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(step)));
        foreach (var nice in new[] { 1, 2, 3, 4, 5, 6, 8, 10 })
        {
            if (nice * magnitude >= step) return nice * magnitude;
        }

        return 10 * magnitude;
    }

    private static double NiceMax(double max)
    {
        if (max <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= max) return step * magnitude;
        }

        return 10 * magnitude;
    }

    public static string Percent(double part, double total) =>
        total <= 0 ? "0%" : (part / total).ToString("0%", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, Math.Max(1, max - 1)) + "…";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string A(string text) => WebUtility.HtmlEncode(text);
}
