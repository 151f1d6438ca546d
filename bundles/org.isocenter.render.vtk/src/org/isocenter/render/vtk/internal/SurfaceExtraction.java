/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk.internal;

import java.util.ArrayList;
import java.util.List;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.image.ImageVolume;

import vtk.vtkDataArray;
import vtk.vtkDecimatePro;
import vtk.vtkFlyingEdges3D;
import vtk.vtkImageData;
import vtk.vtkMatrix4x4;
import vtk.vtkObjectBase;
import vtk.vtkPolyData;
import vtk.vtkPolyDataNormals;
import vtk.vtkReverseSense;
import vtk.vtkShortArray;
import vtk.vtkTransform;
import vtk.vtkTransformPolyDataFilter;
import vtk.vtkUnsignedCharArray;
import vtk.vtkWindowedSincPolyDataFilter;

/**
 * Builds closed, smoothed triangle surfaces in patient LPS mm from voxel data (binary masks and CT iso-surfaces).
 * Not API: used by {@link org.isocenter.render.vtk.Scene3D}. All calls on the caller's (the VTK) thread.
 *
 * <p>The voxels are put into a {@code vtkImageData} in <em>scaled index space</em> (origin 0, the grid's
 * spacing, no direction), extracted there with flying edges, smoothed and decimated, and only then mapped to
 * patient coordinates with a {@code vtkTransformPolyDataFilter} holding the grid's index-to-patient matrix
 * (direction cosines and origin). This honours any direction cosines — flipped, permuted or oblique — without
 * relying on {@code vtkImageData}'s direction matrix, which VTK 9.1's flying edges ignores. When the
 * direction matrix is a reflection (determinant −1) the triangle winding is reversed so that normals, which
 * are recomputed in patient space, point outwards.
 *
 * <p>The VTK objects created on the way are {@code Delete()}d before returning; only the returned
 * {@code vtkPolyData} (a shallow copy of the last filter's output) stays alive and is owned by the caller.
 */
public final class SurfaceExtraction {

    /** Above this many triangles a surface is decimated ({@code vtkDecimatePro}) down to about this many. */
    public static final int MAX_TRIANGLES = 200_000;

    /** The bone iso-surface is extracted from the CT averaged down to voxels of about this size (mm). */
    public static final double BONE_VOXEL_MM = 3.0;

    /** Smoothing passes for the bone surface (coarse voxels from a sharp threshold: stronger than for masks). */
    private static final int BONE_SMOOTHING_ITERATIONS = 20;

    /** Windowed-sinc pass band (0..2; lower is smoother). */
    private static final double PASS_BAND = 0.05;

    private final List<vtkObjectBase> temporaries = new ArrayList<>();

    private SurfaceExtraction() {
    }

    /** A finished surface in patient LPS mm, with point normals, and how long it took. */
    public record Surface(vtkPolyData polyData, int triangles, double millis) {
    }

    /**
     * The boundary of the set voxels of {@code mask} (crossing halfway between inside and outside voxel
     * centres), cropped to the mask's bounding box and padded by one empty voxel so that it is closed,
     * windowed-sinc smoothed and decimated if needed (masks whose surface would exceed
     * {@link #MAX_TRIANGLES} are instead extracted from the mask averaged over blocks in the slice plane). Returns an empty surface for an empty mask.
     */
    public static Surface fromMask(BinaryMask mask, int smoothingIterations) {
        long t0 = System.nanoTime();
        VolumeGeometry g = mask.geometry();
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ();
        int i0 = nx, i1 = -1, j0 = ny, j1 = -1, k0 = nz, k1 = -1;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    if (mask.get(i, j, k)) {
                        if (i < i0) i0 = i;
                        if (i > i1) i1 = i;
                        if (j < j0) j0 = j;
                        if (j > j1) j1 = j;
                        if (k < k0) k0 = k;
                        if (k > k1) k1 = k;
                    }
                }
            }
        }
        if (i1 < 0) {
            return new Surface(new vtkPolyData(), 0, ms(t0));
        }
        int[] box = { i0, i1, j0, j1, k0, k1 };
        Surface s = fromMask(mask, box, 1, 1, smoothingIterations, t0);
        if (s.polyData() == null) {
            // too fine for a 3D overview (e.g. BODY): extract again on a grid averaged over f×f blocks in the
            // slice plane (partial-volume values, so the surface stays where it was); much cheaper than
            // decimating (decimation stays as the fallback)
            int f = (int) Math.ceil(Math.sqrt((double) s.triangles() / MAX_TRIANGLES));
            s = fromMask(mask, box, f, f, smoothingIterations, t0);
        }
        return s;
    }

    /** With fx = fy = 1 returns a surface without polyData (just the raw triangle count) if that is too many. */
    private static Surface fromMask(BinaryMask mask, int[] box, int fx, int fy, int smoothingIterations, long t0) {
        VolumeGeometry g = mask.geometry();
        int i0 = box[0], i1 = box[1], j0 = box[2], j1 = box[3], k0 = box[4], k1 = box[5];
        // blocks of fx × fy × 1 voxels over the bounding box, plus one empty block on every side
        int dx = (i1 - i0 + fx) / fx, dy = (j1 - j0 + fy) / fy, dz = k1 - k0 + 1;
        int px = dx + 2, py = dy + 2, pz = dz + 2;
        byte[] values = new byte[Math.multiplyExact(Math.multiplyExact(px, py), pz)];
        int[] count = new int[dx];
        int full = fx * fy;
        for (int k = k0; k <= k1; k++) {
            for (int b = 0; b < dy; b++) {
                java.util.Arrays.fill(count, 0);
                for (int j = j0 + b * fy; j < Math.min(j1 + 1, j0 + (b + 1) * fy); j++) {
                    for (int i = i0; i <= i1; i++) {
                        if (mask.get(i, j, k)) {
                            count[(i - i0) / fx]++;
                        }
                    }
                }
                int out = ((k - k0 + 1) * py + (b + 1)) * px + 1;
                for (int a = 0; a < dx; a++) {
                    values[out + a] = (byte) Math.round(255.0 * count[a] / full);
                }
            }
        }
        // padded block (p, q, r) is centred on fine index (i0 + (p-1)*fx + (fx-1)/2, ...)
        VolumeGeometry coarse = new VolumeGeometry(px, py, pz, g.spacingXMm() * fx, g.spacingYMm() * fy,
                g.spacingZMm(), g.indexToPatient(i0 - fx + (fx - 1) / 2.0, j0 - fy + (fy - 1) / 2.0, k0 - 1),
                g.rowDirection(), g.columnDirection(), g.sliceDirection());
        SurfaceExtraction x = new SurfaceExtraction();
        vtkUnsignedCharArray scalars = x.temp(new vtkUnsignedCharArray());
        scalars.SetJavaArray(values);
        vtkImageData image = x.image(coarse, px, py, pz, 0, 0, 0, scalars);
        return x.extract(image, 127.5, coarse, smoothingIterations, fx == 1 && fy == 1, t0);
    }

    /**
     * The iso-surface at {@code thresholdHu} of a CT, extracted on the CT averaged down to voxels of about
     * {@link #BONE_VOXEL_MM} (block means), padded by one voxel of the volume's minimum so that it is closed at
     * the volume's edges.
     */
    public static Surface isoSurface(ImageVolume ct, double thresholdHu) {
        long t0 = System.nanoTime();
        VolumeGeometry g = ct.geometry();
        int fx = factor(g.spacingXMm()), fy = factor(g.spacingYMm()), fz = factor(g.spacingZMm());
        int nx = g.sizeX(), ny = g.sizeY(), nz = g.sizeZ();
        int dx = (nx + fx - 1) / fx, dy = (ny + fy - 1) / fy, dz = (nz + fz - 1) / fz;
        int px = dx + 2, py = dy + 2, pz = dz + 2;
        short[] stored = ct.storedValues();
        short min = Short.MAX_VALUE;
        for (short s : stored) {
            if (s < min) min = s;
        }
        short[] values = new short[Math.multiplyExact(Math.multiplyExact(px, py), pz)];
        java.util.Arrays.fill(values, min);
        long[] sum = new long[dx];
        int[] count = new int[dx];
        for (int c = 0; c < dz; c++) {
            for (int b = 0; b < dy; b++) {
                java.util.Arrays.fill(sum, 0);
                java.util.Arrays.fill(count, 0);
                for (int k = c * fz; k < Math.min(nz, (c + 1) * fz); k++) {
                    for (int j = b * fy; j < Math.min(ny, (b + 1) * fy); j++) {
                        int row = (k * ny + j) * nx;
                        for (int i = 0; i < nx; i++) {
                            sum[i / fx] += stored[row + i];
                            count[i / fx]++;
                        }
                    }
                }
                int out = ((c + 1) * py + (b + 1)) * px + 1;
                for (int a = 0; a < dx; a++) {
                    values[out + a] = (short) Math.round((double) sum[a] / count[a]);
                }
            }
        }
        // the block mean of voxel (a,b,c) sits at the mean index of its block (a*f + (f-1)/2 when complete)
        VolumeGeometry coarse = new VolumeGeometry(px, py, pz, g.spacingXMm() * fx, g.spacingYMm() * fy,
                g.spacingZMm() * fz,
                g.indexToPatient((fx - 1) / 2.0 - fx, (fy - 1) / 2.0 - fy, (fz - 1) / 2.0 - fz), g.rowDirection(),
                g.columnDirection(), g.sliceDirection());
        SurfaceExtraction x = new SurfaceExtraction();
        vtkShortArray scalars = x.temp(new vtkShortArray());
        scalars.SetJavaArray(values);
        vtkImageData image = x.image(coarse, px, py, pz, 0, 0, 0, scalars);
        double storedThreshold = (thresholdHu - ct.rescaleIntercept()) / ct.rescaleSlope();
        return x.extract(image, storedThreshold, coarse, BONE_SMOOTHING_ITERATIONS, false, t0);
    }

    private static int factor(double spacingMm) {
        return Math.max(1, (int) Math.round(BONE_VOXEL_MM / spacingMm));
    }

    /** Image in scaled index space: voxel (a,b,c) of the array is grid index (a+ia, b+ja, c+ka) times spacing. */
    private vtkImageData image(VolumeGeometry g, int px, int py, int pz, int ia, int ja, int ka,
            vtkDataArray scalars) {
        vtkImageData image = temp(new vtkImageData());
        image.SetDimensions(px, py, pz);
        image.SetSpacing(g.spacingXMm(), g.spacingYMm(), g.spacingZMm());
        image.SetOrigin(ia * g.spacingXMm(), ja * g.spacingYMm(), ka * g.spacingZMm());
        image.GetPointData().SetScalars(scalars);
        return image;
    }

    /**
     * Flying edges, smoothing, decimation, to patient, normals. With {@code giveUpIfHuge}, returns a Surface with
     * null polyData and the raw triangle count when flying edges gives more than {@link #MAX_TRIANGLES}.
     */
    private Surface extract(vtkImageData image, double isoValue, VolumeGeometry g, int smoothingIterations,
            boolean giveUpIfHuge, long t0) {
        try {
            vtkFlyingEdges3D edges = temp(new vtkFlyingEdges3D());
            edges.SetInputData(image);
            edges.SetValue(0, isoValue);
            edges.ComputeNormalsOff();
            edges.ComputeGradientsOff();
            edges.ComputeScalarsOff();
            edges.Update();
            vtkPolyData current = temp(edges.GetOutput());
            if (current.GetNumberOfPolys() == 0) {
                return new Surface(new vtkPolyData(), 0, ms(t0));
            }
            if (giveUpIfHuge && current.GetNumberOfPolys() > MAX_TRIANGLES) {
                return new Surface(null, (int) Math.min(Integer.MAX_VALUE, current.GetNumberOfPolys()), ms(t0));
            }
            if (smoothingIterations > 0) {
                vtkWindowedSincPolyDataFilter smooth = temp(new vtkWindowedSincPolyDataFilter());
                smooth.SetInputData(current);
                smooth.SetNumberOfIterations(smoothingIterations);
                smooth.SetPassBand(PASS_BAND);
                smooth.NormalizeCoordinatesOn();
                smooth.BoundarySmoothingOff();
                smooth.FeatureEdgeSmoothingOff();
                smooth.NonManifoldSmoothingOn();
                smooth.Update();
                current = temp(smooth.GetOutput());
            }
            long triangles = current.GetNumberOfPolys();
            if (triangles > MAX_TRIANGLES) {
                // vtkDecimatePro: vtkQuadricDecimation takes ~13 s for 275k -> 200k triangles in VTK 9.1
                vtkDecimatePro decimate = temp(new vtkDecimatePro());
                decimate.SetInputData(current);
                decimate.SetTargetReduction(1.0 - (double) MAX_TRIANGLES / triangles);
                decimate.PreserveTopologyOn();
                decimate.SplittingOff();
                decimate.BoundaryVertexDeletionOff();
                decimate.Update();
                current = temp(decimate.GetOutput());
            }
            vtkMatrix4x4 m = temp(new vtkMatrix4x4());
            Vector3[] axes = { g.rowDirection(), g.columnDirection(), g.sliceDirection() };
            for (int c = 0; c < 3; c++) {
                double[] a = axes[c].toArray();
                for (int r = 0; r < 3; r++) {
                    m.SetElement(r, c, a[r]);
                }
            }
            double[] o = g.originMm().toArray();
            for (int r = 0; r < 3; r++) {
                m.SetElement(r, 3, o[r]);
            }
            vtkTransform transform = temp(new vtkTransform());
            transform.SetMatrix(m);
            vtkTransformPolyDataFilter toPatient = temp(new vtkTransformPolyDataFilter());
            toPatient.SetInputData(current);
            toPatient.SetTransform(transform);
            toPatient.Update();
            current = temp(toPatient.GetOutput());
            if (m.Determinant() < 0) { // a reflection turns outward winding inward: reverse the cells
                vtkReverseSense reverse = temp(new vtkReverseSense());
                reverse.SetInputData(current);
                reverse.ReverseCellsOn();
                reverse.ReverseNormalsOff();
                reverse.Update();
                current = temp(reverse.GetOutput());
            }
            vtkPolyDataNormals normals = temp(new vtkPolyDataNormals());
            normals.SetInputData(current);
            normals.SplittingOff();
            normals.ConsistencyOff(); // flying edges' winding is already consistent
            normals.ComputeCellNormalsOff();
            normals.Update();
            vtkPolyData out = temp(normals.GetOutput());
            vtkPolyData result = new vtkPolyData();
            result.ShallowCopy(out);
            return new Surface(result, (int) result.GetNumberOfPolys(), ms(t0));
        } finally {
            release();
        }
    }

    private <T extends vtkObjectBase> T temp(T o) {
        temporaries.add(o);
        return o;
    }

    private void release() {
        for (int i = temporaries.size() - 1; i >= 0; i--) {
            vtkObjectBase o = temporaries.get(i);
            if (o.GetVTKId() != 0) {
                o.Delete();
            }
        }
        temporaries.clear();
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
