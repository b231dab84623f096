package org.smorekit.metrics;

import org.smorekit.volume.OtsuThreshold;
import org.smorekit.volume.Volume;

/**
 * The head (foreground) of a truth volume, the region in which PSNR and SSIM are reported:
 *
 * <ol>
 *   <li>voxels above the Otsu threshold ({@link OtsuThreshold}, 256 bins over the volume's range);</li>
 *   <li>the largest 6-connected component of those (ties: the one containing the lowest voxel index);</li>
 *   <li>holes filled: background voxels that a 6-connected flood fill from the volume's border cannot reach become
 *       head (as {@code scipy.ndimage.binary_fill_holes} with its default structure).</li>
 * </ol>
 *
 * <p>Both graph searches are iterative over an int queue (no recursion, O(voxels) time and memory).
 */
public final class HeadMask {
    private HeadMask() {
    }

    /** The head mask of {@code truth}. */
    public static Mask of(Volume truth) {
        double threshold = OtsuThreshold.of(truth);
        int n = truth.size();
        boolean[] above = new boolean[n];
        for (int i = 0; i < n; i++) {
            above[i] = truth.get(i) > threshold;
        }
        int[] shape = truth.shape();
        boolean[] head = largestComponent(above, shape);
        fillHoles(head, shape);
        return Mask.wrap(shape, head);
    }

    /** The largest 6-connected component of {@code in} (all false if {@code in} is empty). */
    static boolean[] largestComponent(boolean[] in, int[] shape) {
        int n = in.length;
        int[] label = new int[n]; // 0 = unlabelled
        int[] queue = new int[n];
        int bestLabel = 0;
        int bestSize = 0;
        int next = 1;
        for (int seed = 0; seed < n; seed++) {
            if (!in[seed] || label[seed] != 0) {
                continue;
            }
            int size = flood(in, true, label, next, seed, queue, shape);
            if (size > bestSize) {
                bestSize = size;
                bestLabel = next;
            }
            next++;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = bestLabel != 0 && label[i] == bestLabel;
        }
        return out;
    }

    /** Sets to true every false voxel of {@code mask} that no 6-connected path of false voxels joins to the border. */
    static void fillHoles(boolean[] mask, int[] shape) {
        int nx = shape[0], ny = shape[1], nz = shape[2];
        int n = mask.length;
        int[] reached = new int[n]; // 1 = outside background reached from the border
        int[] queue = new int[n];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    boolean border = x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1;
                    if (!border) {
                        x = nx - 2; // skip the interior of this row
                        continue;
                    }
                    int i = x + nx * (y + ny * z);
                    if (!mask[i] && reached[i] == 0) {
                        flood(mask, false, reached, 1, i, queue, shape);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (reached[i] == 0) {
                mask[i] = true;
            }
        }
    }

    /**
     * Breadth-first 6-connected flood from {@code seed} over voxels with {@code in[i] == value} and {@code label[i] ==
     * 0}, writing {@code mark}; returns the number of voxels marked.
     */
    private static int flood(boolean[] in, boolean value, int[] label, int mark, int seed, int[] queue,
            int[] shape) {
        int nx = shape[0], ny = shape[1], nz = shape[2];
        int plane = nx * ny;
        int head = 0;
        int tail = 0;
        label[seed] = mark;
        queue[tail++] = seed;
        while (head < tail) {
            int i = queue[head++];
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / plane;
            if (x > 0) {
                tail = visit(in, value, label, mark, i - 1, queue, tail);
            }
            if (x < nx - 1) {
                tail = visit(in, value, label, mark, i + 1, queue, tail);
            }
            if (y > 0) {
                tail = visit(in, value, label, mark, i - nx, queue, tail);
            }
            if (y < ny - 1) {
                tail = visit(in, value, label, mark, i + nx, queue, tail);
            }
            if (z > 0) {
                tail = visit(in, value, label, mark, i - plane, queue, tail);
            }
            if (z < nz - 1) {
                tail = visit(in, value, label, mark, i + plane, queue, tail);
            }
        }
        return tail;
    }

    private static int visit(boolean[] in, boolean value, int[] label, int mark, int j, int[] queue, int tail) {
        if (in[j] == value && label[j] == 0) {
            label[j] = mark;
            queue[tail++] = j;
        }
        return tail;
    }
}
