package org.smorekit.estimator;

import org.smorekit.volume.Volume;

public final class DevAniso {
    public static void main(String[] a) throws Exception {
        Volume v = SimulatedColin27.isotropic();
        int nx = v.nx(), ny = v.ny(), nz = v.nz();
        for (int step = 1; step <= 4; step *= 2) {
            double[] e = new double[3]; long[] c = new long[3];
            for (int z = 0; z + step < nz; z++) for (int y = 0; y + step < ny; y++) for (int x = 0; x + step < nx; x++) {
                double f = v.get(x, y, z);
                if (f < 20) continue;
                double dx = v.get(x + step, y, z) - f, dy = v.get(x, y + step, z) - f, dz = v.get(x, y, z + step) - f;
                e[0] += dx * dx; e[1] += dy * dy; e[2] += dz * dz; c[0]++;
            }
            System.out.printf("step %d: msd x %.2f y %.2f z %.2f%n", step, e[0] / c[0], e[1] / c[0], e[2] / c[0]);
        }
    }
}
