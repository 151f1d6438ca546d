package org.isocenter.registration.internal;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;

/**
 * One level of an image pyramid: block averages of {@code factor}³ voxels in physical units (HU), optionally of a
 * sub-box of the image, with the affine that maps patient LPS mm to the level's continuous voxel index. Voxels
 * holding the padding value (outside a CBCT's reconstructed field of view) are no data: a block's validity is its
 * share of real voxels, and trilinear samples that touch an incomplete block are NaN.
 */
public final class PyramidLevel {

    /** No padding value. */
    public static final int NO_PADDING = Integer.MIN_VALUE;

    private final float[] values;
    private final float[] valid;
    private final int nx, ny, nz;
    private final double[] toIndex;
    private final VolumeGeometry geometry;

    private PyramidLevel(float[] values, float[] valid, int nx, int ny, int nz, double[] toIndex, VolumeGeometry geometry) {
        this.values = values;
        this.valid = valid;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.toIndex = toIndex;
        this.geometry = geometry;
    }

    /** The whole image at block size {@code f}. */
    public static PyramidLevel of(ImageVolume v, int f, int padding) {
        VolumeGeometry g = v.geometry();
        return of(v, f, padding, 0, 0, 0, g.sizeX(), g.sizeY(), g.sizeZ());
    }

    /**
     * The part of the image that covers the LPS box {@code min..max} grown by {@code marginVoxels} level voxels,
     * at block size {@code f}.
     */
    public static PyramidLevel ofBox(ImageVolume v, int f, int padding, Vector3 minMm, Vector3 maxMm, int marginVoxels) {
        VolumeGeometry g = v.geometry();
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int c = 0; c < 8; c++) {
            Vector3 index = g.patientToIndex(new Vector3((c & 1) == 0 ? minMm.x() : maxMm.x(),
                    (c & 2) == 0 ? minMm.y() : maxMm.y(), (c & 4) == 0 ? minMm.z() : maxMm.z()));
            double[] a = { index.x(), index.y(), index.z() };
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], a[d]);
                hi[d] = Math.max(hi[d], a[d]);
            }
        }
        int[] size = { g.sizeX(), g.sizeY(), g.sizeZ() };
        int[] from = new int[3], count = new int[3];
        for (int d = 0; d < 3; d++) {
            int a = Math.max(0, (int) Math.floor(lo[d]) - marginVoxels * f);
            int b = Math.min(size[d], (int) Math.ceil(hi[d]) + 1 + marginVoxels * f);
            if (b - a < f) { // the box misses the image along this axis: keep one block at the nearer end
                a = Math.max(0, Math.min(size[d] - f, a));
                b = Math.min(size[d], a + f);
            }
            from[d] = a;
            count[d] = b - a;
        }
        return of(v, f, padding, from[0], from[1], from[2], count[0], count[1], count[2]);
    }

    private static PyramidLevel of(ImageVolume v, int f, int padding, int i0, int j0, int k0, int ci, int cj, int ck) {
        VolumeGeometry g = v.geometry();
        int nx = Math.max(1, ci / f), ny = Math.max(1, cj / f), nz = Math.max(1, ck / f);
        int fx = Math.min(f, ci), fy = Math.min(f, cj), fz = Math.min(f, ck);
        float[] out = new float[nx * ny * nz];
        float[] valid = padding == NO_PADDING ? null : new float[out.length];
        short[] s = v.storedValues();
        double slope = v.rescaleSlope(), intercept = v.rescaleIntercept();
        double blockVoxels = fx * fy * fz;
        java.util.stream.IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    long sum = 0;
                    int real = 0;
                    for (int c = 0; c < fz; c++) {
                        for (int b = 0; b < fy; b++) {
                            int row = ((k0 + k * fz + c) * g.sizeY() + j0 + j * fy + b) * g.sizeX() + i0 + i * fx;
                            for (int a = 0; a < fx; a++) {
                                short x = s[row + a];
                                sum += x;
                                if (x != padding) {
                                    real++;
                                }
                            }
                        }
                    }
                    int o = (k * ny + j) * nx + i;
                    out[o] = (float) (sum / blockVoxels * slope + intercept);
                    if (valid != null) {
                        valid[o] = (float) (real / blockVoxels);
                    }
                }
            }
        });
        Vector3 origin = g.indexToPatient(i0 + (fx - 1) / 2.0, j0 + (fy - 1) / 2.0, k0 + (fz - 1) / 2.0);
        VolumeGeometry lg = new VolumeGeometry(nx, ny, nz, g.spacingXMm() * fx, g.spacingYMm() * fy, g.spacingZMm() * fz,
                origin, g.rowDirection(), g.columnDirection(), g.sliceDirection());
        // index = A p + b, from the geometry's own (linear) patientToIndex
        Vector3 b = lg.patientToIndex(Vector3.ZERO);
        Vector3 ax = lg.patientToIndex(new Vector3(1, 0, 0)).minus(b);
        Vector3 ay = lg.patientToIndex(new Vector3(0, 1, 0)).minus(b);
        Vector3 az = lg.patientToIndex(new Vector3(0, 0, 1)).minus(b);
        double[] a = { ax.x(), ay.x(), az.x(), b.x(), ax.y(), ay.y(), az.y(), b.y(), ax.z(), ay.z(), az.z(), b.z() };
        return new PyramidLevel(out, valid, nx, ny, nz, a, lg);
    }

    public VolumeGeometry geometry() {
        return geometry;
    }

    /** Row-major 3×4 affine: continuous voxel index = A p + b for a point p in patient mm. */
    public double[] toIndex() {
        return toIndex.clone();
    }

    /** A value picked at a voxel (for histogram ranges). */
    public float valueAt(int linearIndex) {
        return values[linearIndex];
    }

    public int voxelCount() {
        return values.length;
    }

    /** Whether a voxel holds real data (not padding). */
    public boolean isReal(int linearIndex) {
        return valid == null || valid[linearIndex] >= 1;
    }

    /** Trilinear value at a continuous voxel index, or NaN outside the grid or where it touches padding. */
    public double sample(double x, double y, double z) {
        if (!(x >= 0 && y >= 0 && z >= 0 && x <= nx - 1 && y <= ny - 1 && z <= nz - 1)) {
            return Double.NaN;
        }
        if (nx < 2 || ny < 2 || nz < 2) {
            return values[0];
        }
        int i = Math.min((int) x, nx - 2), j = Math.min((int) y, ny - 2), k = Math.min((int) z, nz - 2);
        double fx = x - i, fy = y - j, fz = z - k;
        int o = (k * ny + j) * nx + i, sy = nx, sz = nx * ny;
        float[] v = values, ok = valid;
        if (ok != null && (ok[o] < 1 || ok[o + 1] < 1 || ok[o + sy] < 1 || ok[o + sy + 1] < 1 || ok[o + sz] < 1
                || ok[o + sz + 1] < 1 || ok[o + sz + sy] < 1 || ok[o + sz + sy + 1] < 1)) {
            return Double.NaN;
        }
        double c00 = v[o] + fx * (v[o + 1] - v[o]);
        double c10 = v[o + sy] + fx * (v[o + sy + 1] - v[o + sy]);
        double c01 = v[o + sz] + fx * (v[o + sz + 1] - v[o + sz]);
        double c11 = v[o + sz + sy] + fx * (v[o + sz + sy + 1] - v[o + sz + sy]);
        double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
        return c0 + fz * (c1 - c0);
    }

    /** Trilinear value at a patient point (mm), or NaN. */
    public double sampleAt(Vector3 p) {
        double[] a = toIndex;
        return sample(a[0] * p.x() + a[1] * p.y() + a[2] * p.z() + a[3], a[4] * p.x() + a[5] * p.y() + a[6] * p.z() + a[7],
                a[8] * p.x() + a[9] * p.y() + a[10] * p.z() + a[11]);
    }
}
