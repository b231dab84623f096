package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    @TempDir
    Path dir;

    @Test
    void gaussianLengthHoldsFourSigmas() {
        // FWHM 4: sigma = 1.6986, r = ceil(6.79) = 7, K = 15
        assertEquals(15, Profiles.gaussian(4).length());
        assertEquals(3, Profiles.gaussian(0.5).length());
        for (double fwhm : new double[] {0.5, 1, 2, 3.2, 4, 4.8, 6, 8, 12.5}) {
            SliceProfile p = Profiles.gaussian(fwhm);
            double sigma = fwhm / Profiles.FWHM_PER_SIGMA;
            int r = p.centre();
            assertTrue(r >= 4 * sigma && r < 4 * sigma + 1 || r == 1, "fwhm " + fwhm + ": r = " + r);
            // the discrete mass beyond the taps (a much longer sampling of the same Gaussian) is < 1e-4
            SliceProfile longer = Profiles.gaussian(fwhm, 2 * r + 1 + 200);
            double inside = 0;
            for (int t = 100; t < 100 + p.length(); t++) {
                inside += longer.value(t);
            }
            assertTrue(inside > 0.9999, "fwhm " + fwhm + ": mass " + inside);
        }
    }

    @Test
    void gaussianMeasuresItsFwhm() {
        assertEquals(4.0, Profiles.gaussian(4).fwhmVoxels(), 1e-3);
        assertEquals(4.0, Profiles.gaussian(4, 21).fwhmVoxels(), 1e-3);
        assertEquals(2.0, Profiles.gaussian(2).fwhmVoxels(), 1e-3);
        assertEquals(8.0, Profiles.gaussian(8).fwhmVoxels(), 1e-3);
        // other FWHMs: the crossings fall between taps and linear interpolation reads them a little off
        for (double fwhm = 2; fwhm <= 12; fwhm += 0.05) {
            double tolerance = fwhm < 3 ? 0.11 : fwhm < 6 ? 0.06 : 0.035;
            assertEquals(fwhm, Profiles.gaussian(fwhm).fwhmVoxels(), tolerance, "fwhm " + fwhm);
        }
    }

    @Test
    void gaussianIsSymmetricAndSumsToOne() {
        double[] v = Profiles.gaussian(3.2, 21).values();
        double sum = 0;
        for (int t = 0; t < v.length; t++) {
            assertEquals(v[t], v[v.length - 1 - t], 1e-15);
            sum += v[t];
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void rectHasFractionalEdgeTaps() {
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, Profiles.rect(3).values(), 1e-15);
        assertArrayEquals(new double[] {0.125, 0.25, 0.25, 0.25, 0.125}, Profiles.rect(4).values(), 1e-15);
        // w = 3.5: edge taps cover [1.5, 1.75] = 0.25 of their cell
        assertArrayEquals(new double[] {0.25 / 3.5, 1 / 3.5, 1 / 3.5, 1 / 3.5, 0.25 / 3.5},
                Profiles.rect(3.5).values(), 1e-15);
        assertArrayEquals(new double[] {1}, Profiles.rect(0.6).values());
    }

    @Test
    void integerRectMeasuresItsWidth() {
        for (int w = 1; w <= 15; w++) {
            assertEquals(w, Profiles.rect(w).fwhmVoxels(), 1e-12, "w = " + w);
            assertEquals(w, Profiles.rect(w).length() - (w % 2 == 0 ? 1 : 0), "taps for w = " + w);
        }
    }

    @Test
    void fractionalRectFollowsTheDocumentedFormula() {
        for (double w = 1.05; w < 12; w += 0.1) {
            double h = w / 2;
            int n = (int) Math.floor(h - 0.5);
            double f = h - 0.5 - n;
            double expected = f <= 0.5 ? 2 * n + 1 / (1 - f) : 4 + 2 * n - 1 / f;
            double measured = Profiles.rect(w).fwhmVoxels();
            assertEquals(expected, measured, 1e-9, "w = " + w);
            assertTrue(Math.abs(measured - w) <= 3 - 2 * Math.sqrt(2) + 1e-9, "w = " + w);
        }
        assertEquals(10.0 / 3, Profiles.rect(3.5).fwhmVoxels(), 1e-12);
        assertEquals(14.0 / 3, Profiles.rect(4.5).fwhmVoxels(), 1e-12);
    }

    @Test
    void smoothedRectHoldsTheBoxAndTheGaussianAsLimits() {
        assertArrayEquals(Profiles.rect(5).values(), Profiles.smoothedRect(5, 0).values(), 0);
        assertArrayEquals(Profiles.gaussian(3).values(), Profiles.smoothedRect(1, 3).values(), 1e-15);
    }

    @Test
    void smoothedRectVariancesAdd() {
        // a convolution: the variance of the result is the sum of the variances of box and edge, and it sums to 1
        for (double[] we : new double[][] {{5, 2}, {3.5, 1.2}, {9, 4}, {2, 6}}) {
            SliceProfile box = Profiles.rect(we[0]);
            SliceProfile edge = Profiles.gaussian(we[1]);
            SliceProfile p = Profiles.smoothedRect(we[0], we[1]);
            assertEquals(1, java.util.Arrays.stream(p.values()).sum(), 1e-12);
            assertEquals(variance(box) + variance(edge), variance(p), 1e-9, java.util.Arrays.toString(we));
        }
    }

    @Test
    void aWideBoxWithNarrowEdgesKeepsItsWidth() {
        // the half-maximum points of a box of 9 stay at +-4.5 when the edges are blurred symmetrically
        assertEquals(9, Profiles.smoothedRect(9, 1.5).fwhmVoxels(), 0.02);
        assertThrows(IllegalArgumentException.class, () -> Profiles.smoothedRect(4, -1));
        assertThrows(IllegalArgumentException.class, () -> Profiles.smoothedRect(0, 2));
    }

    private static double variance(SliceProfile p) {
        double[] v = p.values();
        double m2 = 0;
        for (int t = 0; t < v.length; t++) {
            double x = t - p.centre();
            m2 += v[t] * x * x;
        }
        return m2;
    }

    @Test
    void withLengthPadsAndCropsSymmetrically() {
        SliceProfile p = Profiles.gaussian(4); // 15 taps
        SliceProfile padded = Profiles.withLength(p, 21);
        assertEquals(21, padded.length());
        for (int t = 0; t < 15; t++) {
            assertEquals(p.value(t), padded.value(t + 3), 1e-15);
        }
        assertEquals(0, padded.value(0));
        assertEquals(0, padded.value(20));
        SliceProfile cropped = Profiles.withLength(padded, 15);
        assertArrayEquals(p.values(), cropped.values(), 1e-15);
        SliceProfile short5 = Profiles.withLength(p, 5);
        double kept = 0;
        for (int t = 5; t < 10; t++) {
            kept += p.value(t);
        }
        assertEquals(p.value(7) / kept, short5.value(2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Profiles.withLength(p, 4));
    }

    @Test
    void rejectsBadWidths() {
        for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.gaussian(w));
            assertTrue(e.getMessage().contains(String.valueOf(w)), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Profiles.rect(w));
        }
        assertThrows(IllegalArgumentException.class, () -> Profiles.gaussian(4, 20));
    }

    // --- files ---

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsOneNumberPerLineWithCommentsAndBlankLines() throws IOException {
        Path p = write("k.txt", "# a rect of width 3\n\n0\n1   # left\n1\n  1\n0\n\n");
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0}, Profiles.fromFile(p).values(), 1e-15);
    }

    @Test
    void readsAJsonArrayAndAJsonObjectWithValues() throws IOException {
        SliceProfile fromArray = Profiles.fromFile(write("a.json", "[0.25, 0.5, 0.25]"));
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, fromArray.values(), 1e-15);
        SliceProfile fromObject = Profiles.fromFile(write("b.json",
                "{\"kind\": \"gaussian\", \"fwhmVoxels\": 4.0, \"values\": [1, 2, 1]}"));
        assertArrayEquals(new double[] {0.25, 0.5, 0.25}, fromObject.values(), 1e-15);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        SliceProfile g = Profiles.gaussian(3.2, 21);
        StringBuilder sb = new StringBuilder();
        for (double v : g.values()) {
            sb.append(v).append('\n');
        }
        assertArrayEquals(g.values(), Profiles.fromFile(write("g.txt", sb.toString())).values(), 1e-15);
    }

    private void assertRefused(String name, String content, String... fragments) throws IOException {
        Path p = write(name, content);
        ProfileFormatException e = assertThrows(ProfileFormatException.class, () -> Profiles.fromFile(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
    }

    @Test
    void refusesInvalidContentWithAClearMessage() throws IOException {
        assertRefused("empty.txt", "", "no values");
        assertRefused("comments.txt", "# nothing\n\n", "no values");
        assertRefused("emptyarray.json", "[]", "no values");
        assertRefused("negative.txt", "0.1\n-0.2\n0.1\n", "value 2", "-0.2", ">= 0");
        assertRefused("nan.txt", "0.1\nNaN\n0.1\n", "value 2", "NaN");
        assertRefused("inf.json", "[1, 1e400, 1]", "value 2", "Infinity");
        assertRefused("even.txt", "1\n2\n2\n1\n", "4 values", "odd");
        assertRefused("zeros.json", "[0, 0, 0]", "all values are 0");
        assertRefused("word.txt", "0.1\nabc\n0.1\n", "line 2", "abc", "not a number");
        assertRefused("twoperline.txt", "0.1 0.2\n", "line 1");
        assertRefused("bad.json", "[1, 2,", "not valid JSON");
        assertRefused("novalues.json", "{\"fwhm\": 3}", "\"values\"");
        assertRefused("string.json", "[1, \"a\", 1]", "value 2", "not a number");
    }

    @Test
    void reportsMissingFilesAsIoErrorsAndFoldersAsBadProfiles() {
        Path missing = dir.resolve("nope.txt");
        IOException e = assertThrows(IOException.class, () -> Profiles.fromFile(missing));
        assertTrue(e.getMessage().contains("nope.txt") && e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e instanceof java.nio.file.NoSuchFileException, "a missing file is named as such: " + e);
        ProfileFormatException d = assertThrows(ProfileFormatException.class, () -> Profiles.fromFile(dir));
        assertTrue(d.getMessage().contains("is a folder, not a file"), d.getMessage());
    }
}
