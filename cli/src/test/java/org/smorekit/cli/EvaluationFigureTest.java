package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationFigureTest {
    private static final String TITLE = "SR with the estimated vs. an assumed slice profile";

    @Test
    void theFwhmsMayComeInAnyOrder() {
        // evaluate --fwhm-mm 6,2 draws the figure of --fwhm-mm 2,6
        Color grey = new Color(0x80, 0x80, 0x80);
        BufferedImage given = EvaluationFigure.render(TITLE, new double[] {6, 2},
                List.of(new EvaluationFigure.Series("cubic B-spline", grey, new double[] {27.91, 31.10},
                        new double[] {0.8643, 0.9295})));
        BufferedImage sorted = EvaluationFigure.render(TITLE, new double[] {2, 6},
                List.of(new EvaluationFigure.Series("cubic B-spline", grey, new double[] {31.10, 27.91},
                        new double[] {0.9295, 0.8643})));
        for (int y = 0; y < EvaluationFigure.HEIGHT; y++) {
            for (int x = 0; x < EvaluationFigure.WIDTH; x++) {
                assertEquals(sorted.getRGB(x, y), given.getRGB(x, y), "pixel (" + x + ", " + y + ")");
            }
        }
    }
    @Test
    void theLegendKeepsClearOfTheData() {
        // what `evaluate` measured on Colin27 (docs/benchmarks.md): the SSIM of SR with the estimated profile, near the
        // top of its panel, once ran through the legend in the top right corner
        double[] fwhmMm = {2, 3.2, 4.8, 6};
        List<EvaluationFigure.Series> series = List.of(
                new EvaluationFigure.Series("cubic B-spline", new Color(0x80, 0x80, 0x80),
                        new double[] {31.10, 30.69, 29.12, 27.91}, new double[] {0.9295, 0.9231, 0.8943, 0.8643}),
                new EvaluationFigure.Series("SR, assumed profile", new Color(0xd9, 0x5f, 0x02),
                        new double[] {28.99, 32.40, 32.65, 30.07}, new double[] {0.9205, 0.9477, 0.9423, 0.9101}),
                new EvaluationFigure.Series("SR, estimated profile", new Color(0x1f, 0x5f, 0xb4),
                        new double[] {33.44, 33.65, 33.33, 32.91}, new double[] {0.9490, 0.9512, 0.9508, 0.9482}));
        BufferedImage image = EvaluationFigure.render(TITLE, fwhmMm, series);
        assertEquals(EvaluationFigure.WIDTH, image.getWidth());
        assertEquals(EvaluationFigure.HEIGHT, image.getHeight());
        // the legend's band: panel top (60) to below its last line; its colour samples sit 166-190 px left of each
        // panel's right edge (480 and 980)
        int top = 60;
        int band = top + 18 * series.size() + 6;
        for (int y = top + 2; y < band; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (x >= 480 - 194 && x <= 480 - 162 || x >= 980 - 194 && x <= 980 - 162) {
                    continue;
                }
                for (EvaluationFigure.Series s : series.subList(1, 3)) { // coloured: anti-aliased text is grey
                    assertNotEquals(s.color().getRGB(), image.getRGB(x, y), s.label() + " at (" + x + ", " + y + ")");
                }
            }
        }
    }
}
