package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.degrade.SliceProfile;

class ProfilePlotTest {

    static SliceProfile gaussian(double fwhm, int taps) {
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double[] v = new double[taps];
        for (int i = 0; i < taps; i++) {
            double d = i - taps / 2;
            v[i] = Math.exp(-d * d / (2 * sigma * sigma));
        }
        return new SliceProfile(v);
    }

    @Test
    void writesAPngOfTheDocumentedSize(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("plots/profile.png");
        ProfilePlot.writePng(png, "Estimated slice profile", gaussian(4.3, 21), "estimated", gaussian(4, 21), 1.0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(ProfilePlot.WIDTH, image.getWidth());
        assertEquals(ProfilePlot.HEIGHT, image.getHeight());
        // something was drawn in the plot area besides the white background
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 2000, "pixels drawn: " + nonWhite);
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void refusesANonPositiveTapSpacing() {
        assertThrows(IllegalArgumentException.class,
                () -> ProfilePlot.render("t", gaussian(2, 9), "p", null, 0));
    }

    @Test
    void niceTickSteps() {
        assertEquals(1, PlotAxis.niceStep(0.7), 1e-12);
        assertEquals(2, PlotAxis.niceStep(1.3), 1e-12);
        assertEquals(5, PlotAxis.niceStep(2.01), 1e-12);
        assertEquals(0.05, PlotAxis.niceStep(0.041), 1e-12);
        assertEquals(10, PlotAxis.niceStep(10), 1e-12);
    }
}
