package org.smorekit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small self-contained HTML page (images embedded as data URIs, no scripts, no external files) that presents a
 * run: the input, the estimated profile plot, through-plane views before/after, the measured FWHMs and the times.
 */
final class ReportHtml {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    ReportHtml(String title) {
        this.title = title;
    }

    ReportHtml heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    ReportHtml paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A two-column table of names and values. */
    ReportHtml facts(List<String[]> rows) {
        body.append("<table class=\"facts\">\n");
        for (String[] r : rows) {
            body.append("<tr><th>").append(escape(r[0])).append("</th><td>").append(escape(r[1]))
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    ReportHtml image(Path png, String alt) throws IOException {
        body.append("<img class=\"plot\" alt=\"").append(escape(alt)).append("\" src=\"").append(dataUri(png))
                .append("\">\n");
        return this;
    }

    /** A grid of pictures with a caption per row and a header per column. */
    ReportHtml views(List<String> columns, List<ReportViews.Row> rows) throws IOException {
        body.append("<table class=\"views\">\n<tr>");
        for (String c : columns) {
            body.append("<th>").append(escape(c)).append("</th>");
        }
        body.append("</tr>\n");
        for (ReportViews.Row row : rows) {
            body.append("<tr><td class=\"caption\" colspan=\"").append(columns.size()).append("\">")
                    .append(escape(row.orientation())).append("</td></tr>\n<tr>");
            for (int i = 0; i < row.pngs().size(); i++) {
                body.append("<td><img alt=\"").append(escape(columns.get(i) + ", " + row.orientation()))
                        .append("\" src=\"").append(dataUri(row.pngs().get(i))).append("\"></td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    ReportHtml preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    ReportHtml warnings(List<String> warnings) {
        if (!warnings.isEmpty()) {
            body.append("<ul class=\"warnings\">\n");
            for (String w : warnings) {
                body.append("<li>").append(escape(w)).append("</li>\n");
            }
            body.append("</ul>\n");
        }
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;"
                + "padding:0 1em;color:#222;line-height:1.45}\n"
                + "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid "
                + "#ddd;padding-bottom:.2em}\n"
                + "table.facts th{text-align:left;padding:.15em 1.2em .15em 0;font-weight:600;vertical-align:top}\n"
                + "table.facts td{padding:.15em 0}\n"
                + "table.views{border-collapse:collapse}table.views th{font-weight:600;padding:.3em}\n"
                + "table.views td{padding:.3em;vertical-align:top;text-align:center}\n"
                + "table.views td.caption{text-align:left;color:#555;font-size:.9em;padding-top:1em}\n"
                + "table.views img{image-rendering:pixelated;background:#000}\n"
                + "img.plot{max-width:100%}\n"
                + "ul.warnings{color:#8a4b00}\n"
                + "pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.85em}\n"
                + ".note{color:#555;font-size:.9em}\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    void write(Path file) throws IOException {
        String html = render();
        OutputFiles.writeAtomically(file, tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    private static String dataUri(Path png) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    }

    /** Formats a map of step -> seconds as table rows. */
    static List<String[]> timings(Map<String, Double> seconds) {
        return seconds.entrySet().stream()
                .map(e -> new String[] {e.getKey(), ConsoleProgress.duration(e.getValue())})
                .toList();
    }
}
