package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class TrainingPairsTest {

    /** g(t): a sharp, asymmetric 1-D structure (steps and a ramp). */
    private static double g(int t) {
        return (t % 11 < 4 ? 50 : 0) + (t % 7) * 3.0 + (t > 20 ? 25 : 0);
    }

    /** f(x, y, z) = g(x) + 2 g(y) + g(z): the same structure along x (in-plane) as along z (through-plane). */
    private static Volume separableCube(int n) {
        float[] d = new float[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    d[x + n * (y + n * z)] = (float) (g(x) + 2 * g(y) + g(z));
                }
            }
        }
        return Volume.wrap(new int[] {n, n, n}, d, Affine.identity());
    }

    private static SliceProfile gaussian(double fwhm, int half) {
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double[] v = new double[2 * half + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(-(i - half) * (i - half) / (2 * sigma * sigma));
        }
        return new SliceProfile(v);
    }

    /** The thick-slice simulation along z, made directly with LineDegrader (as the simulator does). */
    private static float[] simulateAlongZ(Volume iso, SliceProfile p, double scale, int[] mOut) {
        LineDegrader deg = new LineDegrader(p, scale);
        int n = iso.nz();
        int m = deg.outputLength(n);
        mOut[0] = m;
        float[] src = iso.toArray();
        float[] dst = new float[iso.nx() * iso.ny() * m];
        for (int y = 0; y < iso.ny(); y++) {
            for (int x = 0; x < iso.nx(); x++) {
                int s0 = iso.index(x, y, 0);
                deg.degrade(src, s0, iso.stride(2), n, dst, x + iso.nx() * y, iso.nx() * iso.ny());
            }
        }
        return dst;
    }

    @Test
    void lowResolutionPatchesEqualTheThickSliceSimulationOfTheSameStructure() {
        int n = 48;
        Volume iso = separableCube(n);
        SliceProfile p = gaussian(4, 6);
        double scale = 4;
        int[] m = new int[1];
        float[] thick = simulateAlongZ(iso, p, scale, m);
        TrainingPairs pairs = new TrainingPairs(iso, p, scale, 12, 4, 7);
        PairBatch batch = pairs.next(64);
        int checked = 0;
        for (int k = 0; k < batch.count(); k++) {
            PairOrigin o = batch.origins().get(k);
            if (o.degradedAxis() != 0 || o.flipDegraded()) {
                continue;
            }
            // LR pixel (row h, column c): degrade g along x on the line y = row, z = plane, sample j = lrStart + c.
            // Simulator: the line x = plane, y = row along z: g(plane) + 2 g(row) + Dg(j). Identical by construction.
            for (int h = 0; h < batch.height(); h++) {
                int y = o.rowStart() + (o.flipRows() ? batch.height() - 1 - h : h);
                for (int c = 0; c < batch.lrWidth(); c++) {
                    float expected = thick[o.plane() + n * (y + n * (o.lrStart() + c))];
                    float actual = batch.lr()[(k * batch.height() + h) * batch.lrWidth() + c];
                    assertEquals(expected, actual, 1e-3, "pair " + k + " row " + h + " column " + c);
                }
                for (int i = 0; i < batch.hrWidth(); i++) {
                    assertEquals(iso.get(o.hrStart() + i, y, o.plane()),
                            batch.hr()[(k * batch.height() + h) * batch.hrWidth() + i], 0f);
                }
            }
            checked++;
        }
        assertTrue(checked >= 4, "too few pairs of the checked kind: " + checked);
        assertEquals(13, batch.hrWidth(), "(lrWidth - 1) * scale + 1 targets");
    }

    @Test
    void everyPairIsACropOfLineDegraderOutputForAnyTransformAndNonIntegerScale() {
        Volume vol = randomVolume(40, 44, 5, 3);
        SliceProfile p = gaussian(3, 5);
        double scale = 2.5;
        TrainingPairs pairs = new TrainingPairs(vol, p, scale, 10, 6, 11);
        PairBatch batch = pairs.next(80);
        LineDegrader deg = new LineDegrader(p, scale);
        boolean[] seen = new boolean[8];
        for (int k = 0; k < batch.count(); k++) {
            PairOrigin o = batch.origins().get(k);
            seen[o.degradedAxis() + (o.flipDegraded() ? 2 : 0) + (o.flipRows() ? 4 : 0)] = true;
            int len = vol.dim(o.degradedAxis());
            assertEquals(Math.ceil(o.lrStart() * scale - 1e-9) - o.lrStart() * scale, batch.phase()[k], 1e-9);
            assertTrue(batch.phase()[k] >= 0 && batch.phase()[k] < 1);
            for (int h = 0; h < batch.height(); h++) {
                int row = o.rowStart() + (o.flipRows() ? batch.height() - 1 - h : h);
                float[] line = new float[len];
                for (int u = 0; u < len; u++) {
                    int uu = o.flipDegraded() ? len - 1 - u : u;
                    line[u] = o.degradedAxis() == 0 ? vol.get(uu, row, o.plane()) : vol.get(row, uu, o.plane());
                }
                float[] direct = new float[deg.outputLength(len)];
                deg.degrade(line, 0, 1, len, direct, 0, 1);
                for (int c = 0; c < batch.lrWidth(); c++) {
                    assertEquals(direct[o.lrStart() + c], batch.lr()[(k * batch.height() + h) * batch.lrWidth() + c],
                            0f);
                }
                for (int i = 0; i < batch.hrWidth(); i++) {
                    assertEquals(line[o.hrStart() + i], batch.hr()[(k * batch.height() + h) * batch.hrWidth() + i],
                            0f);
                }
            }
            // the support of every sample stays inside the line: no mirror padding in the pair
            int margin = p.length() / 2 + 2;
            assertTrue(Math.floor(o.lrStart() * scale) - 1 - p.length() / 2 >= 0);
            assertTrue(Math.floor((o.lrStart() + batch.lrWidth() - 1) * scale) + margin <= len - 1);
        }
        for (int t = 0; t < 8; t++) {
            assertTrue(seen[t], "transform " + t + " never drawn");
        }
        assertEquals(12, batch.hrWidth(), "floor((lrWidth - 1) * 2.5) targets for a non-integer scale");
    }

    @Test
    void deterministicForASeed() {
        Volume vol = randomVolume(40, 40, 4, 5);
        SliceProfile p = gaussian(2, 4);
        PairBatch a = new TrainingPairs(vol, p, 3, 8, 5, 42).next(10);
        PairBatch b = new TrainingPairs(vol, p, 3, 8, 5, 42).next(10);
        PairBatch c = new TrainingPairs(vol, p, 3, 8, 5, 43).next(10);
        assertArrayEquals(a.lr(), b.lr());
        assertArrayEquals(a.hr(), b.hr());
        assertEquals(a.origins(), b.origins());
        assertTrue(!a.origins().equals(c.origins()));
    }

    @Test
    void theInputNoiseRestoresTheVarianceOfAThickSlicesNoise() {
        // a flat scan with white noise of sigma 5: the profile averages the low-resolution columns' noise down to
        // sigma^2 sum_t k_t^2; with the input noise they carry sigma^2 again, and the crops stay the same
        double sigma = 5;
        int n = 64;
        float[] d = new float[n * n * 4];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (100 + sigma * r.nextGaussian());
        }
        Volume vol = Volume.wrap(new int[] {n, n, 4}, d, Affine.identity());
        SliceProfile box = Profiles.rect(4);
        double kept = 0;
        for (double v : box.values()) {
            kept += v * v;
        }
        PairBatch plain = new TrainingPairs(vol, box, 4, 8, 6, 3).next(400);
        PairBatch noisy = new TrainingPairs(vol, box, 4, 8, 6, sigma, 3).next(400);
        assertEquals(plain.origins(), noisy.origins());
        assertArrayEquals(plain.hr(), noisy.hr());
        assertEquals(sigma * sigma * kept, variance(plain.lr()), 0.05 * sigma * sigma * kept);
        assertEquals(sigma * sigma, variance(noisy.lr()), 0.05 * sigma * sigma);
        assertThrows(IllegalArgumentException.class, () -> new TrainingPairs(vol, box, 4, 8, 6, -1, 3));
    }

    private static double variance(float[] values) {
        double sum = 0, squares = 0;
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / values.length;
        return squares / values.length - mean * mean;
    }

    @Test
    void centresFavourEdgesOverFlatBackground() {
        // left half 0, right half 100: the gradient lives on the boundary column
        int n = 40;
        float[] d = new float[n * n * 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % n) >= n / 2 ? 100 : 0;
        }
        Volume vol = Volume.wrap(new int[] {n, n, 2}, d, Affine.identity());
        GradientWeightedSampler s = new GradientWeightedSampler(vol, 0.05);
        SplittableRandom r = new SplittableRandom(1);
        int nearEdge = 0;
        int draws = 2000;
        for (int i = 0; i < draws; i++) {
            int x = s.draw(r) % n;
            if (Math.abs(x - (n / 2 - 0.5)) < 1) {
                nearEdge++;
            }
        }
        // 2 of 40 columns carry the gradient: uniform sampling would put 5% there
        assertTrue(nearEdge > draws * 0.5, "edge draws " + nearEdge + " of " + draws);
    }

    @Test
    void badInputsGiveClearMessages() {
        Volume vol = randomVolume(30, 30, 3, 1);
        SliceProfile p = gaussian(2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingPairs(vol, p, 0.5, 8, 4, 0));
        assertTrue(e.getMessage().contains("scale must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingPairs(vol, gaussian(8, 15), 4, 8, 6, 0));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TrainingPairs(vol, p, 2, 31, 4, 0));
        assertTrue(e.getMessage().contains("patch height"), e.getMessage());
    }

    @Test
    void theSizeCheckAcceptsExactlyTheScansThePairsCanBeCutFrom() {
        // (K, scale, lrWidth): SMORE's default patch at scale 4 with a Gaussian and an estimated profile, its quick
        // patch, and non-integer scales
        double[][] cases = {{15, 4, 12}, {21, 4, 12}, {21, 4, 8}, {9, 2.5, 19}, {13, 3.3, 5}, {3, 1, 2}};
        for (double[] c : cases) {
            int k = (int) c[0];
            double scale = c[1];
            int lrWidth = (int) c[2];
            // the rule in closed form: margin M = K/2 + 2 voxels; the first crop column j0 = ceil((M - 1) / s); the
            // crop's last sample at floor((j0 + lrWidth - 1) * s) needs M voxels after it
            int margin = k / 2 + 2;
            int j0 = (int) Math.ceil((margin - 1) / scale - 1e-9);
            int need = (int) Math.floor((j0 + lrWidth - 1) * scale + 1e-9) + margin + 1;
            String at = "K " + k + ", scale " + scale + ", lrWidth " + lrWidth;
            assertEquals(need, TrainingPairs.minimumLineLength(k, scale, lrWidth), at);
            assertEquals(Optional.empty(), TrainingPairs.sizeProblem(need, need + 7, k, scale, lrWidth), at);
            String problem = TrainingPairs.sizeProblem(need + 7, need - 1, k, scale, lrWidth).orElseThrow();
            assertTrue(problem.startsWith("in-plane size " + (need + 7) + " x " + (need - 1) + " is too small")
                    && problem.endsWith("need at least " + need + " voxels"), problem);
            assertTrue(TrainingPairs.sizeProblem(need - 1, need, k, scale, lrWidth).isPresent(), at);

            // the constructor agrees: it cuts pairs from need x need, and refuses one voxel less on either axis
            SliceProfile profile = gaussian(Math.max(1, k / 3.0), k / 2);
            TrainingPairs pairs = new TrainingPairs(randomVolume(need, need, 2, 5), profile, scale, 3, lrWidth, 1);
            PairBatch batch = pairs.next(40);
            for (PairOrigin o : batch.origins()) {
                // every crop keeps its margins: the first sample's support starts at voxel >= 0, the last one's ends
                // at voxel <= need - 1
                assertTrue(o.lrStart() >= j0, at + ": crop starts at column " + o.lrStart());
                int lastSample = (int) Math.floor((o.lrStart() + lrWidth - 1) * scale + 1e-9);
                assertTrue(lastSample + margin <= need - 1, at + ": last sample at voxel " + lastSample);
            }
            for (int[] shape : new int[][] {{need - 1, need}, {need, need - 1}}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingPairs(
                        randomVolume(shape[0], shape[1], 2, 5), profile, scale, 3, lrWidth, 1), at);
                assertTrue(e.getMessage().contains("need at least " + need + " voxels"), e.getMessage());
            }
        }
    }

    private static Volume randomVolume(int nx, int ny, int nz, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[nx * ny * nz];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextDouble(100);
        }
        return Volume.wrap(new int[] {nx, ny, nz}, d, Affine.identity());
    }
}
