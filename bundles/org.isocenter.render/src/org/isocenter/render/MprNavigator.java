/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.geometry.VolumeGeometry;

/**
 * The shared navigation state of linked axial, coronal and sagittal views of one image: a crosshair (the patient
 * point, LPS mm, where the three planes meet: each view shows the slice through it), a pan centre (the patient
 * point shown at the middle of every view) and a zoom (mm per screen pixel) common to all views. Scrolling moves
 * the crosshair by whole voxels of the image grid along the view's normal; clicking in a view moves it in that
 * view's plane, so the two other views change slice.
 */
public final class MprNavigator {

    private final VolumeGeometry grid;
    private Vector3 crosshairMm;
    private Vector3 panCentreMm;
    private double mmPerPixel;

    /** Starts at {@code startMm} (snapped to the nearest voxel centre), centred on the image, zoom as given. */
    public MprNavigator(VolumeGeometry grid, Vector3 startMm, Vector3 panCentreMm, double mmPerPixel) {
        this.grid = grid;
        this.panCentreMm = panCentreMm;
        this.mmPerPixel = mmPerPixel;
        this.crosshairMm = snap(startMm);
    }

    public Vector3 crosshairMm() {
        return crosshairMm;
    }

    public Vector3 panCentreMm() {
        return panCentreMm;
    }

    public double mmPerPixel() {
        return mmPerPixel;
    }

    /** The viewport of a plane: the slice through the crosshair, centred on the pan centre. */
    public SliceViewport viewport(SlicePlane plane, int widthPx, int heightPx) {
        Vector3 n = plane.normal();
        Vector3 centre = panCentreMm.plus(n.times(crosshairMm.minus(panCentreMm).dot(n)));
        return new SliceViewport(plane, centre, mmPerPixel, widthPx, heightPx);
    }

    /** Moves the crosshair by {@code steps} voxels along the plane's normal (clamped to the image). */
    public void scroll(SlicePlane plane, int steps) {
        int axis = gridAxisAlong(plane.normal());
        Vector3 dir = direction(axis);
        double idx = component(grid.patientToIndex(crosshairMm), axis);
        int size = size(axis);
        double sign = Math.signum(dir.dot(plane.normal()));
        long target = Math.round(idx) + Math.round(sign * steps);
        target = Math.max(0, Math.min(size - 1, target));
        crosshairMm = crosshairMm.plus(dir.times((target - idx) * spacing(axis)));
    }

    /** Moves the crosshair to the patient point under pixel (x, y) of a viewport (snapped to voxel centres). */
    public void click(SliceViewport viewport, double x, double y) {
        crosshairMm = snap(viewport.pixelToPatient(x, y));
    }

    /** Pans all views by a mouse drag of (dx, dy) pixels in a view of {@code plane}. */
    public void pan(SlicePlane plane, double dxPx, double dyPx) {
        panCentreMm = panCentreMm.minus(plane.right().times(dxPx * mmPerPixel)).minus(plane.down().times(dyPx * mmPerPixel));
    }

    /** Zooms all views by {@code factor} (>1 enlarges), keeping the pan centre; limited to 0.05–20 mm per pixel. */
    public void zoom(double factor) {
        mmPerPixel = Math.max(0.05, Math.min(20, mmPerPixel / factor));
    }

    /** The slice index (0-based) of the crosshair in the image grid along a plane's normal, and the count. */
    public int[] sliceIndexAndCount(SlicePlane plane) {
        int axis = gridAxisAlong(plane.normal());
        int size = size(axis);
        int idx = (int) Math.round(component(grid.patientToIndex(crosshairMm), axis));
        return new int[] { Math.max(0, Math.min(size - 1, idx)), size };
    }

    private Vector3 snap(Vector3 p) {
        Vector3 idx = grid.patientToIndex(p);
        return grid.indexToPatient(clampRound(idx.x(), grid.sizeX()), clampRound(idx.y(), grid.sizeY()),
                clampRound(idx.z(), grid.sizeZ()));
    }

    private static double clampRound(double v, int size) {
        return Math.max(0, Math.min(size - 1, Math.round(v)));
    }

    private int gridAxisAlong(Vector3 normal) {
        double a = Math.abs(grid.rowDirection().dot(normal)), b = Math.abs(grid.columnDirection().dot(normal)),
                c = Math.abs(grid.sliceDirection().dot(normal));
        return a >= b && a >= c ? 0 : b >= c ? 1 : 2;
    }

    private Vector3 direction(int axis) {
        return axis == 0 ? grid.rowDirection() : axis == 1 ? grid.columnDirection() : grid.sliceDirection();
    }

    private int size(int axis) {
        return axis == 0 ? grid.sizeX() : axis == 1 ? grid.sizeY() : grid.sizeZ();
    }

    private double spacing(int axis) {
        return axis == 0 ? grid.spacingXMm() : axis == 1 ? grid.spacingYMm() : grid.spacingZMm();
    }

    private static double component(Vector3 v, int axis) {
        return axis == 0 ? v.x() : axis == 1 ? v.y() : v.z();
    }
}
