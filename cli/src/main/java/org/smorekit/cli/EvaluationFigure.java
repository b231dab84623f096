package org.smorekit.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

/**
 * The figure of {@code smorekit evaluate}: PSNR (left) and SSIM (right) against the true slice-profile FWHM, one line
 * per method (cubic B-spline, SR with an assumed profile, SR with the estimated profile).
 */
final class EvaluationFigure {

    static final int WIDTH = 1000;
    static final int HEIGHT = 440;
    /** Height of one legend line, pixels. */
    private static final int LEGEND_LINE = 18;

    /** One method's values, in the order of the FWHMs. */
    record Series(String label, Color color, double[] psnrDb, double[] ssim) {
    }

    private EvaluationFigure() {
    }

    /** The figure, with the FWHMs in increasing order whatever order they were evaluated in. */
    static BufferedImage render(String title, double[] fwhmMm, List<Series> unsorted) {
        int[] order = IntStream.range(0, fwhmMm.length).boxed()
                .sorted(Comparator.comparingDouble(i -> fwhmMm[i])).mapToInt(Integer::intValue).toArray();
        double[] x = inOrder(fwhmMm, order);
        List<Series> series = unsorted.stream()
                .map(s -> new Series(s.label(), s.color(), inOrder(s.psnrDb(), order), inOrder(s.ssim(), order)))
                .toList();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2f, 24);
            panel(g, 70, WIDTH / 2 - 20, "PSNR in the head mask (dB)", x, series, true);
            panel(g, WIDTH / 2 + 60, WIDTH - 20, "SSIM in the head mask", x, series, false);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double[] inOrder(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    static void writePng(Path file, String title, double[] fwhmMm, List<Series> series) throws IOException {
        BufferedImage image = render(title, fwhmMm, series);
        OutputFiles.writeAtomically(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void panel(Graphics2D g, int left, int right, String yLabel, double[] x, List<Series> series,
                              boolean psnr) {
        int top = 60;
        int bottom = HEIGHT - 60;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : psnr ? s.psnrDb() : s.ssim()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.12;
        double xPad = (x[x.length - 1] - x[0]) * 0.08 + 0.1;
        PlotAxis ax = new PlotAxis(x[0] - xPad, x[x.length - 1] + xPad, left, right);
        // headroom for the legend in the top right corner: the data's maximum stays below its last line
        double legendShare = (LEGEND_LINE * series.size() + 10.0) / (bottom - top);
        double axisTop = Math.max(hi + pad, (hi - legendShare * (lo - pad)) / (1 - legendShare));
        PlotAxis ay = new PlotAxis(lo - pad, axisTop, bottom, top);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(small);
        Color grid = new Color(0xe6, 0xe6, 0xe6);
        Color ink = new Color(0x22, 0x22, 0x22);
        for (double t : ay.ticks(ay.tickStep(40))) {
            double py = ay.toPixel(t);
            g.setColor(grid);
            g.draw(new Line2D.Double(left, py, right, py));
            g.setColor(ink);
            String label = psnr ? String.format(Locale.ROOT, "%.1f", t) : String.format(Locale.ROOT, "%.3f", t);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), (float) py + 4);
        }
        for (double t : x) {
            double px = ax.toPixel(t);
            g.setColor(grid);
            g.draw(new Line2D.Double(px, top, px, bottom));
            g.setColor(ink);
            String label = VolumeText.number(t);
            g.drawString(label, (float) (px - g.getFontMetrics().stringWidth(label) / 2.0), bottom + 18);
        }
        g.setColor(ink);
        g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
        String xLabel = "true slice profile FWHM (mm)";
        g.drawString(xLabel, (left + right - g.getFontMetrics().stringWidth(xLabel)) / 2f, HEIGHT - 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(yLabel, left, top - 12);
        int legendY = top + 18;
        for (Series s : series) {
            double[] v = psnr ? s.psnrDb() : s.ssim();
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2.2f));
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(v[i])) {
                    continue;
                }
                double px = ax.toPixel(x[i]);
                double py = ay.toPixel(v[i]);
                if (started) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    started = true;
                }
                g.fill(new Ellipse2D.Double(px - 4, py - 4, 8, 8));
            }
            g.draw(line);
            g.setFont(small);
            g.draw(new Line2D.Double(right - 190, legendY - 4, right - 166, legendY - 4));
            g.setColor(ink);
            g.drawString(s.label(), right - 160, legendY);
            legendY += LEGEND_LINE;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
