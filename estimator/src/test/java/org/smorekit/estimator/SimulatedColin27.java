package org.smorekit.estimator;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.smorekit.degrade.LineDegrader;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * Test fixture: the bundled Colin27 T1 (181 x 217 x 181, 1 mm, uint8) degraded along z with a known profile through
 * the project's forward model {@link LineDegrader}. The file is read with a minimal uint8-only reader that exists
 * only here until the volume module's NIfTI reader lands on main.
 */
final class SimulatedColin27 {
    private SimulatedColin27() {
    }

    static Path dataFile() {
        String dir = System.getProperty("smorekit.sharedData", "../shared/data");
        Path p = Path.of(dir, "colin27-t1-1mm.nii.gz");
        if (!Files.exists(p)) {
            p = Path.of("/work/shared/data/colin27-t1-1mm.nii.gz");
        }
        return p;
    }

    static Volume isotropic() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dataFile()), 1 << 16)) {
            byte[] header = new DataInputStream(in).readNBytes(352);
            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int nx = h.getShort(42), ny = h.getShort(44), nz = h.getShort(46);
            int datatype = h.getShort(70);
            int voxOffset = (int) h.getFloat(108);
            if (datatype != 2) {
                throw new IOException("fixture reader handles uint8 only, got datatype " + datatype);
            }
            in.readNBytes(voxOffset - 352);
            byte[] raw = in.readNBytes(nx * ny * nz);
            float[] data = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                data[i] = raw[i] & 0xFF;
            }
            return Volume.wrap(new int[] {nx, ny, nz}, data, Affine.identity());
        }
    }

    /** A sampled Gaussian of the given FWHM (voxels) on K taps. */
    static SliceProfile gaussian(double fwhm, int taps) {
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
        double[] v = new double[taps];
        for (int i = 0; i < taps; i++) {
            double x = i - taps / 2;
            v[i] = Math.exp(-x * x / (2 * sigma * sigma));
        }
        return new SliceProfile(v);
    }

    /** Degrades {@code iso} along z with {@code profile} and keeps samples at z = j * scale. */
    static Volume thickSlices(Volume iso, SliceProfile profile, double scale) {
        int nx = iso.nx(), ny = iso.ny(), nz = iso.nz();
        LineDegrader degrader = new LineDegrader(profile, scale);
        int m = degrader.outputLength(nz);
        float[] src = iso.toArray();
        float[] dst = new float[nx * ny * m];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                degrader.degrade(src, x + nx * y, nx * ny, nz, dst, x + nx * y, nx * ny);
            }
        }
        return Volume.wrap(new int[] {nx, ny, m}, dst, iso.affine().resampledAxis(2, 0, scale));
    }

    /** A sub-block [x0, x0+sx) x [y0, y0+sy) x all z. */
    static Volume crop(Volume v, int x0, int sx, int y0, int sy) {
        int nz = v.nz();
        float[] out = new float[sx * sy * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++) {
                    out[x + sx * (y + sy * z)] = v.get(x0 + x, y0 + y, z);
                }
            }
        }
        return Volume.wrap(new int[] {sx, sy, nz}, out, v.affine());
    }
}
