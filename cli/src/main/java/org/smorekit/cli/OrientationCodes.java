package org.smorekit.cli;

import org.smorekit.volume.Affine;

/**
 * The anatomical direction each voxel axis points to, as three letters ("RAS", "LPI", ...), like nibabel's
 * {@code aff2axcodes}: voxel axis i points along world axis w (x: Right/Left, y: Anterior/Posterior,
 * z: Superior/Inferior, RAS+ world as in NIfTI) with the sign of the affine's entry.
 *
 * <p>The pairing follows nibabel's {@code io_orientation}: repeatedly take the largest |entry| of the remaining
 * direction-cosine matrix (each column divided by its norm) and pair its world and voxel axes. nibabel first replaces
 * the matrix with its nearest orthonormal one (SVD); for the orthogonal and slightly sheared affines of real scans the
 * greedy pairing gives the same answer. A voxel axis with a zero column gets "?".
 */
final class OrientationCodes {

    private static final char[][] LETTERS = {{'L', 'R'}, {'P', 'A'}, {'I', 'S'}};

    private OrientationCodes() {
    }

    static String of(Affine affine) {
        double[][] cosines = new double[3][3]; // [world][voxel]
        for (int v = 0; v < 3; v++) {
            double norm = 0;
            for (int w = 0; w < 3; w++) {
                norm += affine.get(w, v) * affine.get(w, v);
            }
            norm = Math.sqrt(norm);
            for (int w = 0; w < 3; w++) {
                cosines[w][v] = norm > 0 ? affine.get(w, v) / norm : 0;
            }
        }
        char[] codes = {'?', '?', '?'};
        boolean[] worldUsed = new boolean[3];
        boolean[] voxelUsed = new boolean[3];
        for (int pick = 0; pick < 3; pick++) {
            int bestW = -1;
            int bestV = -1;
            double best = 0;
            for (int w = 0; w < 3; w++) {
                for (int v = 0; v < 3; v++) {
                    if (!worldUsed[w] && !voxelUsed[v] && Math.abs(cosines[w][v]) > best) {
                        best = Math.abs(cosines[w][v]);
                        bestW = w;
                        bestV = v;
                    }
                }
            }
            if (bestW < 0) {
                break;
            }
            worldUsed[bestW] = true;
            voxelUsed[bestV] = true;
            codes[bestV] = LETTERS[bestW][cosines[bestW][bestV] > 0 ? 1 : 0];
        }
        return new String(codes);
    }

    /** The full name of a code letter: R -> "right". */
    static String name(char code) {
        switch (code) {
            case 'R': return "right";
            case 'L': return "left";
            case 'A': return "anterior";
            case 'P': return "posterior";
            case 'S': return "superior";
            case 'I': return "inferior";
            default: return "undetermined";
        }
    }
}
