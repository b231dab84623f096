package org.smorekit.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.smorekit.degrade.HalfMaximum;
import org.smorekit.degrade.SliceProfile;

/**
 * A PNG of a slice profile that a person can read: taps as a stem plot against their offset from the centre tap,
 * with ticks in voxels (bottom) and in mm (top), the half-maximum line and the FWHM marked with its value; optionally
 * a second, true profile in another colour for comparison.
 *
 * <p>Taps are spaced by the in-plane voxel size (the profile's sampling grid), so offset {@code i} voxels is
 * {@code i * tapSpacingMm} mm.
 */
public final class ProfilePlot {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 480;

    private static final Color ESTIMATE = new Color(0x1f, 0x5f, 0xa8);
    private static final Color TRUTH = new Color(0xe0, 0x6c, 0x00);
    private static final Color GRID = new Color(0xe6, 0xe6, 0xe6);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color HALF_MAX = new Color(0x70, 0x70, 0x70);

    private static final int LEFT = 78;
    private static final int RIGHT = WIDTH - 28;
    private static final int TOP = 86;
    private static final int BOTTOM = HEIGHT - 62;

    private ProfilePlot() {
    }

    /**
     * Draws the plot.
     *
     * @param title        the line above the plot, e.g. "Estimated slice profile: LR.nii.gz (axis 2, scale 4)"
     * @param profile      the profile to show (its FWHM is marked)
     * @param label        its name in the legend, e.g. "estimated"
     * @param truth        a reference profile drawn for comparison, or {@code null}
     * @param tapSpacingMm the distance between taps in mm (the in-plane voxel size); must be > 0
     */
    public static BufferedImage render(String title, SliceProfile profile, String label, SliceProfile truth,
                                       double tapSpacingMm) {
        if (!(tapSpacingMm > 0) || !Double.isFinite(tapSpacingMm)) {
            throw new IllegalArgumentException("tapSpacingMm must be finite and > 0, got " + tapSpacingMm);
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, title, profile, label, truth, tapSpacingMm);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws the plot into a PNG file (atomically). */
    public static void writePng(Path file, String title, SliceProfile profile, String label, SliceProfile truth,
                                double tapSpacingMm) throws IOException {
        BufferedImage image = render(title, profile, label, truth, tapSpacingMm);
        OutputFiles.writeAtomically(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void draw(Graphics2D g, String title, SliceProfile profile, String label, SliceProfile truth,
                             double tapSpacingMm) {
        int halfTaps = profile.centre();
        double maxValue = max(profile.values());
        if (truth != null) {
            halfTaps = Math.max(halfTaps, truth.centre());
            maxValue = Math.max(maxValue, max(truth.values()));
        }
        PlotAxis x = new PlotAxis(-halfTaps - 0.6, halfTaps + 0.6, LEFT, RIGHT);
        PlotAxis y = new PlotAxis(0, maxValue * 1.18, BOTTOM, TOP);

        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 15);

        // title
        g.setFont(bold);
        g.setColor(INK);
        centred(g, title, WIDTH / 2.0, 24);

        // grid and ticks: voxels at the bottom, mm at the top, profile value at the left
        g.setFont(small);
        double xStep = Math.max(1, x.tickStep(34));
        for (double t : x.ticks(xStep)) {
            double px = x.toPixel(t);
            g.setColor(GRID);
            g.draw(new Line2D.Double(px, TOP, px, BOTTOM));
            g.setColor(INK);
            g.draw(new Line2D.Double(px, BOTTOM, px, BOTTOM + 5));
            centred(g, format(t), px, BOTTOM + 19);
        }
        PlotAxis xMm = new PlotAxis(x.min() * tapSpacingMm, x.max() * tapSpacingMm, LEFT, RIGHT);
        for (double t : xMm.ticks(xMm.tickStep(44))) {
            double px = xMm.toPixel(t);
            g.setColor(INK);
            g.draw(new Line2D.Double(px, TOP, px, TOP - 5));
            centred(g, format(t), px, TOP - 9);
        }
        for (double t : y.ticks(y.tickStep(40))) {
            double py = y.toPixel(t);
            g.setColor(GRID);
            g.draw(new Line2D.Double(LEFT, py, RIGHT, py));
            g.setColor(INK);
            g.draw(new Line2D.Double(LEFT - 5, py, LEFT, py));
            String text = String.format(Locale.ROOT, "%.2f", t);
            g.drawString(text, LEFT - 9 - g.getFontMetrics().stringWidth(text), (float) py + 4);
        }
        g.setColor(INK);
        g.draw(new Rectangle2D.Double(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP));
        g.setFont(plain);
        centred(g, "offset from the profile centre (voxels of " + format(tapSpacingMm) + " mm)",
                (LEFT + RIGHT) / 2.0, HEIGHT - 18);
        centred(g, "offset (mm)", (LEFT + RIGHT) / 2.0, TOP - 28);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.setFont(plain);
        centred(rotated, "weight (sums to 1)", -(TOP + BOTTOM) / 2.0, 20);
        rotated.dispose();

        // the true profile under the estimate, then the estimate's stems
        if (truth != null) {
            drawLine(g, truth, x, y, TRUTH, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, new float[] {7f, 5f}, 0f));
        }
        drawStems(g, profile, x, y, ESTIMATE);

        // half maximum and FWHM of the shown profile
        double[] v = profile.values();
        HalfMaximum hm = HalfMaximum.of(v);
        double half = max(v) / 2;
        double left = x.toPixel(hm.left() - profile.centre());
        double right = x.toPixel(hm.right() - profile.centre());
        double py = y.toPixel(half);
        Stroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f);
        g.setStroke(dashed);
        g.setColor(HALF_MAX);
        g.draw(new Line2D.Double(LEFT, py, RIGHT, py));
        g.draw(new Line2D.Double(left, py, left, BOTTOM));
        g.draw(new Line2D.Double(right, py, right, BOTTOM));
        g.setStroke(new BasicStroke(1.6f));
        g.setColor(INK);
        arrow(g, left, right, py);
        g.setFont(small);
        g.setColor(HALF_MAX);
        g.drawString("half maximum", LEFT + 6, (float) py - 5);
        g.setFont(bold);
        g.setColor(INK);
        double fwhm = profile.fwhmVoxels();
        String fwhmText = String.format(Locale.ROOT, "FWHM %.2f voxels = %.2f mm", fwhm, fwhm * tapSpacingMm);
        double labelX = Math.max(LEFT + 8 + g.getFontMetrics().stringWidth(fwhmText) / 2.0,
                Math.min(RIGHT - 8 - g.getFontMetrics().stringWidth(fwhmText) / 2.0, (left + right) / 2));
        double labelY = py - 12 > TOP + 60 ? py - 12 : py + 24;
        withBackground(g, fwhmText, labelX, labelY);

        // legend
        g.setFont(small);
        int lx = RIGHT - 250;
        int ly = TOP + 20;
        g.setColor(ESTIMATE);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Line2D.Double(lx, ly - 4, lx + 24, ly - 4));
        g.fill(new Ellipse2D.Double(lx + 8, ly - 8, 8, 8));
        g.setColor(INK);
        g.drawString(String.format(Locale.ROOT, "%s (FWHM %.2f voxels)", label, fwhm), lx + 32, ly);
        if (truth != null) {
            ly += 20;
            g.setColor(TRUTH);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {7f, 5f}, 0f));
            g.draw(new Line2D.Double(lx, ly - 4, lx + 24, ly - 4));
            g.setColor(INK);
            g.drawString(String.format(Locale.ROOT, "true (FWHM %.2f voxels)", truth.fwhmVoxels()), lx + 32, ly);
        }
    }

    private static void drawStems(Graphics2D g, SliceProfile p, PlotAxis x, PlotAxis y, Color color) {
        Point2D.Double[] taps = tapPixels(p, x, y);
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
        g.draw(polyline(taps));
        g.setColor(color);
        g.setStroke(new BasicStroke(2.2f));
        for (Point2D.Double t : taps) {
            g.draw(new Line2D.Double(t.x, y.toPixel(0), t.x, t.y));
            g.fill(new Ellipse2D.Double(t.x - 4.5, t.y - 4.5, 9, 9));
        }
    }

    private static void drawLine(Graphics2D g, SliceProfile p, PlotAxis x, PlotAxis y, Color color, Stroke stroke) {
        Point2D.Double[] taps = tapPixels(p, x, y);
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(polyline(taps));
        g.setStroke(new BasicStroke(1.6f));
        for (Point2D.Double t : taps) {
            g.draw(new Rectangle2D.Double(t.x - 3.5, t.y - 3.5, 7, 7));
        }
    }

    /** Where the taps are drawn: tap i at its offset from the centre tap (x) and its value (y), in pixels. */
    private static Point2D.Double[] tapPixels(SliceProfile p, PlotAxis x, PlotAxis y) {
        double[] v = p.values();
        Point2D.Double[] taps = new Point2D.Double[v.length];
        for (int i = 0; i < v.length; i++) {
            taps[i] = new Point2D.Double(x.toPixel(i - p.centre()), y.toPixel(v[i]));
        }
        return taps;
    }

    /** The line through the points, in order. */
    private static Path2D.Double polyline(Point2D.Double[] points) {
        Path2D.Double line = new Path2D.Double();
        line.moveTo(points[0].x, points[0].y);
        for (int i = 1; i < points.length; i++) {
            line.lineTo(points[i].x, points[i].y);
        }
        return line;
    }

    private static void arrow(Graphics2D g, double x0, double x1, double yPx) {
        g.draw(new Line2D.Double(x0, yPx, x1, yPx));
        double head = Math.min(8, Math.abs(x1 - x0) / 3);
        g.draw(new Line2D.Double(x0, yPx, x0 + head, yPx - head / 2));
        g.draw(new Line2D.Double(x0, yPx, x0 + head, yPx + head / 2));
        g.draw(new Line2D.Double(x1, yPx, x1 - head, yPx - head / 2));
        g.draw(new Line2D.Double(x1, yPx, x1 - head, yPx + head / 2));
    }

    private static void centred(Graphics2D g, String text, double cx, double baseline) {
        g.drawString(text, (float) (cx - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    private static void withBackground(Graphics2D g, String text, double cx, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(text);
        Color ink = g.getColor();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(cx - w / 2 - 4, baseline - fm.getAscent(), w + 8, fm.getAscent() + 5));
        g.setColor(ink);
        centred(g, text, cx, baseline);
    }

    private static String format(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
