package org.smorekit.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;
import org.smorekit.volume.nifti.NiftiWriter;

/** Small scans written with the project's NIfTI writer, for command tests. */
final class TestScans {

    private TestScans() {
    }

    /**
     * A synthetic "head": an ellipsoid of value ~100 with a smooth texture, in a dark background, on a grid of the
     * given shape and spacing (RAS, origin at the centre).
     */
    static Volume phantom(int nx, int ny, int nz, double sx, double sy, double sz) {
        float[] v = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double px = (x - (nx - 1) / 2.0) * sx;
                    double py = (y - (ny - 1) / 2.0) * sy;
                    double pz = (z - (nz - 1) / 2.0) * sz;
                    double r = Math.sqrt(sq(px / (0.4 * nx * sx)) + sq(py / (0.4 * ny * sy)) + sq(pz / (0.4 * nz * sz)));
                    double texture = 20 * Math.sin(px / 2.5) * Math.cos(py / 3.5) * Math.sin(pz / 3.0 + 0.5);
                    v[x + nx * (y + ny * z)] = (float) (r < 1 ? 100 + texture : 5);
                }
            }
        }
        Affine a = Affine.of(
                sx, 0, 0, -(nx - 1) / 2.0 * sx,
                0, sy, 0, -(ny - 1) / 2.0 * sy,
                0, 0, sz, -(nz - 1) / 2.0 * sz,
                0, 0, 0, 1);
        return Volume.of(new int[] {nx, ny, nz}, v, a);
    }

    /** A cropped block of the bundled Colin27 sample (1 mm isotropic), or null if the sample is not found. */
    static Volume colinCrop(int x0, int y0, int z0, int nx, int ny, int nz) throws IOException {
        Path sample = sample();
        Volume full = NiftiReader.read(sample).volume();
        float[] v = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    v[x + nx * (y + ny * z)] = full.get(x0 + x, y0 + y, z0 + z);
                }
            }
        }
        Affine a = full.affine();
        double[] origin = a.apply(x0, y0, z0);
        Affine cropped = Affine.of(
                a.get(0, 0), a.get(0, 1), a.get(0, 2), origin[0],
                a.get(1, 0), a.get(1, 1), a.get(1, 2), origin[1],
                a.get(2, 0), a.get(2, 1), a.get(2, 2), origin[2],
                0, 0, 0, 1);
        return Volume.of(new int[] {nx, ny, nz}, v, cropped);
    }

    /** The bundled sample, at the repository root (the tests run in cli/). */
    static Path sample() {
        for (Path p : new Path[] {Path.of("../sample/colin27-t1-1mm.nii.gz"), Path.of("sample/colin27-t1-1mm.nii.gz")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("bundled sample not found from " + Path.of("").toAbsolutePath());
    }

    static Path write(Volume v, Path file) throws IOException {
        NiftiWriter.write(v, file);
        return file;
    }

    /** A 4-D file with two copies of {@code v}: written as 3-D .nii, then dim[0] = 4, dim[4] = 2, data appended. */
    static Path writeFourD(Volume v, Path file) throws IOException {
        if (!file.toString().endsWith(".nii")) {
            throw new IllegalArgumentException("need an uncompressed .nii name, got " + file);
        }
        NiftiWriter.write(v, file);
        byte[] bytes = Files.readAllBytes(file);
        int voxOffset = (int) ByteBuffer.wrap(bytes, 108, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(40);
            raf.write(shortLe(4));
            raf.seek(48);
            raf.write(shortLe(2));
            raf.seek(raf.length());
            raf.write(bytes, voxOffset, bytes.length - voxOffset);
        }
        return file;
    }

    private static byte[] shortLe(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    private static double sq(double x) {
        return x * x;
    }
}
