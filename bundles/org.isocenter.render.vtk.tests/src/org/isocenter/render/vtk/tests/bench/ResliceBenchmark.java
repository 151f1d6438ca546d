/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk.tests.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.management.ObjectName;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.image.ImageVolumeInfo;
import org.isocenter.core.patient.PatientIdentity;
import org.isocenter.core.patient.PatientPosition;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.ContourGeometry;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.render.DisplaySettings;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.SliceRenderer;
import org.isocenter.render.SliceScene;
import org.isocenter.render.SliceViewport;
import org.isocenter.render.WindowLevel;
import org.isocenter.render.vtk.VtkRuntime;

import vtk.vtkImageData;
import vtk.vtkImageMapToWindowLevelColors;
import vtk.vtkImageReslice;
import vtk.vtkMatrix4x4;
import vtk.vtkShortArray;

/**
 * MPR frame-time benchmark: a 512×512×150 CT with five contoured structures, scrolled through every
 * slice of each plane into a 512×512 view with window/level and contour outlines; median and 95th percentile
 * per frame, and bytes allocated per frame. Peer, same JVM and data: VTK's vtkImageReslice +
 * vtkImageMapToWindowLevelColors (what 3D Slicer's slice views use), same planes and output size, without
 * contours. Prints one JSON line. Run by {@code scripts/benchmark-mpr.sh}.
 */
public final class ResliceBenchmark {

    private static final int NX = 512, NY = 512, NZ = 150, VIEW = 512;

    public static void main(String[] args) throws Exception {
        VolumeGeometry g = VolumeGeometry.axial(NX, NY, NZ, 0.977, 0.977, 2.5, new Vector3(-250, -250, -186));
        ImageVolume ct = phantom(g);
        SliceScene scene = SliceScene.of(ct).withStructures(structures(g));
        double mm = SliceRenderer.fitMmPerPixel(scene, VIEW, VIEW);
        DisplaySettings settings = DisplaySettings.defaults().withPrimaryWindow(WindowLevel.SOFT_TISSUE);
        StringBuilder json = new StringBuilder("{\"volume\":\"512x512x150\",\"view\":\"512x512\",\"planes\":{");
        for (SlicePlane plane : SlicePlane.values()) {
            List<SliceViewport> views = views(g, scene, plane, mm);
            SliceRenderer r = new SliceRenderer();
            for (int warm = 0; warm < 3; warm++) {
                views.forEach(v -> r.render(scene, v, settings));
            }
            double[] iso = new double[views.size()];
            long allocBefore = allocated();
            for (int i = 0; i < views.size(); i++) {
                long t0 = System.nanoTime();
                r.render(scene, views.get(i), settings);
                iso[i] = (System.nanoTime() - t0) / 1e6;
            }
            double bytesPerFrame = (allocated() - allocBefore) / (double) views.size();
            DisplaySettings imageOnly = settings.withStructureStyle(org.isocenter.render.StructureStyle.HIDDEN);
            double[] plain = new double[views.size()];
            for (int i = 0; i < views.size(); i++) {
                long t0 = System.nanoTime();
                r.render(scene, views.get(i), imageOnly);
                plain[i] = (System.nanoTime() - t0) / 1e6;
            }
            double[] vtk = vtkFrames(ct, views);
            json.append(String.format(Locale.ROOT,
                    "\"%s\":{\"frames\":%d,\"isocenterMedianMs\":%.3f,\"isocenterP95Ms\":%.3f,\"bytesAllocatedPerFrame\":%.0f,"
                            + "\"isocenterImageOnlyMedianMs\":%.3f,\"vtkMedianMs\":%.3f,\"vtkP95Ms\":%.3f,"
                            + "\"vtkOverIsocenterImageOnly\":%.2f},",
                    plane, views.size(), median(iso), p95(iso), bytesPerFrame, median(plain), median(vtk), p95(vtk),
                    median(vtk) / median(plain)));
        }
        json.setLength(json.length() - 1);
        json.append("},\"cores\":").append(Runtime.getRuntime().availableProcessors()).append('}');
        System.out.println(json);
    }

    /** One viewport per slice of the plane, centred on the volume. */
    private static List<SliceViewport> views(VolumeGeometry g, SliceScene scene, SlicePlane plane, double mm) {
        int n = plane == SlicePlane.AXIAL ? NZ : plane == SlicePlane.CORONAL ? NY : NX;
        List<SliceViewport> views = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Vector3 p = plane == SlicePlane.AXIAL ? g.indexToPatient(0, 0, s)
                    : plane == SlicePlane.CORONAL ? g.indexToPatient(0, s, 0) : g.indexToPatient(s, 0, 0);
            views.add(new SliceViewport(plane, scene.primaryCentreMm(), mm, VIEW, VIEW).atSlicePosition(plane.positionOf(p)));
        }
        return views;
    }

    /** VTK reslice + window/level of the same planes (same output size and spacing), timed per Update. */
    private static double[] vtkFrames(ImageVolume ct, List<SliceViewport> views) {
        VtkRuntime.load();
        VolumeGeometry g = ct.geometry();
        vtkImageData image = new vtkImageData();
        image.SetDimensions(NX, NY, NZ);
        image.SetSpacing(g.spacingXMm(), g.spacingYMm(), g.spacingZMm());
        image.SetOrigin(g.originMm().x(), g.originMm().y(), g.originMm().z());
        vtkShortArray scalars = new vtkShortArray();
        short[] hu = new short[ct.storedValues().length];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (short) Math.round(ct.storedValues()[i] * ct.rescaleSlope() + ct.rescaleIntercept());
        }
        scalars.SetJavaArray(hu);
        image.GetPointData().SetScalars(scalars);
        vtkImageReslice reslice = new vtkImageReslice();
        reslice.SetInputData(image);
        reslice.SetOutputDimensionality(2);
        reslice.SetInterpolationModeToNearestNeighbor();
        reslice.SetOutputExtent(0, VIEW - 1, 0, VIEW - 1, 0, 0);
        vtkImageMapToWindowLevelColors wl = new vtkImageMapToWindowLevelColors();
        wl.SetInputConnection(reslice.GetOutputPort());
        wl.SetWindow(400);
        wl.SetLevel(40);
        wl.SetOutputFormatToRGBA();
        double[] times = new double[views.size()];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < views.size(); i++) {
                SliceViewport v = views.get(i);
                Vector3 r = v.plane().right(), d = v.plane().down(), n = v.plane().normal();
                Vector3 o = v.pixelCentre(0, 0);
                vtkMatrix4x4 axes = new vtkMatrix4x4();
                double[] m = { r.x(), d.x(), n.x(), o.x(), r.y(), d.y(), n.y(), o.y(), r.z(), d.z(), n.z(), o.z(), 0, 0, 0, 1 };
                axes.DeepCopy(m);
                reslice.SetResliceAxes(axes);
                reslice.SetOutputSpacing(v.mmPerPixel(), v.mmPerPixel(), 1);
                reslice.SetOutputOrigin(0, 0, 0);
                long t0 = System.nanoTime();
                wl.Update();
                times[i] = (System.nanoTime() - t0) / 1e6;
                axes.Delete();
            }
        }
        return times;
    }

    private static ImageVolume phantom(VolumeGeometry g) {
        short[] v = new short[g.voxelCount()];
        Random noise = new Random(7);
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    Vector3 p = g.indexToPatient(i, j, k);
                    double body = (p.x() / 180) * (p.x() / 180) + (p.y() / 120) * (p.y() / 120);
                    double bone = ((p.x() - 80) / 25) * ((p.x() - 80) / 25) + (p.y() / 25) * (p.y() / 25);
                    double hu = body > 1 ? -1000 : bone < 1 ? 700 : 40;
                    v[(k * NY + j) * NX + i] = (short) (hu + 1024 + noise.nextGaussian() * 15);
                }
            }
        }
        return new ImageVolume(g, v, 1, -1024, "HU", new ImageVolumeInfo(new PatientIdentity("B", "Bench", "", ""),
                "1", "2", "3", "CT", PatientPosition.HFS, "", "benchmark"));
    }

    /** Five structures contoured on every slice: body outline and four organs, 64-200 points per contour. */
    private static StructureSet structures(VolumeGeometry g) {
        double[][] organs = { { 0, 0, 180, 120, 200 }, { 0, 20, 30, 25, 80 }, { -40, -40, 20, 20, 64 },
                { 0, 50, 18, 18, 64 }, { 80, 0, 25, 25, 64 } };
        List<Roi> rois = new ArrayList<>();
        for (int o = 0; o < organs.length; o++) {
            double[] e = organs[o];
            List<Contour> contours = new ArrayList<>();
            for (int k = 0; k < NZ; k++) {
                double z = g.indexToPatient(0, 0, k).z();
                List<Vector3> pts = new ArrayList<>();
                for (int a = 0; a < (int) e[4]; a++) {
                    double t = 2 * Math.PI * a / e[4];
                    pts.add(new Vector3(e[0] + e[2] * Math.cos(t), e[1] + e[3] * Math.sin(t), z));
                }
                contours.add(new Contour(ContourGeometry.CLOSED_PLANAR, pts));
            }
            rois.add(new Roi(o + 1, "ROI" + o, new int[] { 255, 40 * o, 0 }, o == 0 ? "EXTERNAL" : "ORGAN", contours));
        }
        return new StructureSet("bench", new PatientIdentity("B", "Bench", "", ""), "3", "2", rois);
    }

    private static long allocated() throws Exception {
        return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName("java.lang:type=Threading"),
                "CurrentThreadAllocatedBytes");
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double p95(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }
}
