package org.smorekit.volume;

/**
 * The anatomical direction of each voxel axis, as nibabel's {@code aff2axcodes} gives it (e.g. "RAS", "LPS", "ASR"):
 * for voxel axis i, the letter of the world axis (x: L/R, y: P/A, z: I/S) along which it mostly runs, and its sense.
 *
 * <p>Algorithm (nibabel {@code orientations.io_orientation}): normalise the affine's 3x3 columns, take the closest
 * orthogonal matrix R ({@link PolarDecomposition}), then for voxel axes 0, 1, 2 in turn pick the world axis with the
 * largest |R[world][axis]| among those not yet taken; the sign gives the letter (R, A, S positive).
 */
public final class AxisCodes {
    private static final char[][] LABELS = {{'L', 'R'}, {'P', 'A'}, {'I', 'S'}};

    private AxisCodes() {
    }

    /** Three letters, one per voxel axis. */
    public static String of(Affine affine) {
        double[] zooms = affine.voxelSizesMm();
        double[] rs = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                rs[row * 3 + col] = affine.get(row, col) / (zooms[col] == 0 ? 1 : zooms[col]);
            }
        }
        double[] r;
        try {
            r = PolarDecomposition.orthogonalFactor(rs);
        } catch (IllegalArgumentException singular) {
            r = rs; // nibabel drops null directions; the greedy choice below still labels the others
        }
        StringBuilder codes = new StringBuilder(3);
        boolean[] taken = new boolean[3];
        for (int axis = 0; axis < 3; axis++) {
            int best = -1;
            for (int world = 0; world < 3; world++) {
                if (!taken[world] && (best < 0 || Math.abs(r[world * 3 + axis]) > Math.abs(r[best * 3 + axis]))) {
                    best = world;
                }
            }
            double v = r[best * 3 + axis];
            if (v == 0) {
                codes.append('?');
                continue;
            }
            taken[best] = true;
            codes.append(LABELS[best][v > 0 ? 1 : 0]);
        }
        return codes.toString();
    }

    /** The direction a code letter names: 'R' -> "right", ... ; '?' (no direction) -> "undetermined". */
    public static String directionName(char code) {
        return switch (code) {
            case 'R' -> "right";
            case 'L' -> "left";
            case 'A' -> "anterior";
            case 'P' -> "posterior";
            case 'S' -> "superior";
            case 'I' -> "inferior";
            default -> "undetermined";
        };
    }
}
