/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.structure.Roi;
import org.isocenter.render.RoiMasks;
import org.isocenter.render.SliceScene;
import org.isocenter.render.vtk.Scene3D;

/**
 * The 3D view of the image viewer: structure surfaces (from the contours rasterized on the primary grid), the
 * bone surface of a CT, the isocenter and the treatment beams' central axes, rendered off-screen by VTK into an
 * SWT image. Left drag rotates, wheel zooms, double click resets to the anterior view. The structures are
 * rasterized on the primary grid in the background; the VTK scene is then built on the UI thread, on a later paint
 * than the one that first saw the new image, so the slice views show a new image without waiting for the 3D view.
 * The scene is kept for rotation.
 */
public final class SurfaceCanvas {

    /** Bone iso-surface threshold (HU). */
    public static final double BONE_HU = 200;

    private final Canvas canvas;
    private final ViewerModel model;
    private static final long SETTLE_MS = 800;
    private Object pendingStructures;
    private long structuresChangedAt;
    private Scene3D scene3d;
    private SliceScene builtFor;
    private final ArgbPainter painter = new ArgbPainter();
    private Point last;
    private String problem;
    private boolean boneVisible = true;
    private final List<String> surfaces = new ArrayList<>();
    /** The image and structure set the masks below are for (compared by identity), and the masks. */
    private Object masksForImage, masksForStructures;
    private CompletableFuture<List<RoiMask>> masks;

    /** A structure rasterized on the primary image's grid, with how it is drawn. */
    private record RoiMask(Roi roi, BinaryMask mask) {
    }

    public SurfaceCanvas(Composite parent, ViewerModel model) {
        this.model = model;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, e -> last = new Point(e.x, e.y));
        canvas.addListener(SWT.MouseUp, e -> last = null);
        canvas.addListener(SWT.MouseMove, e -> {
            if (last != null && scene3d != null) {
                scene3d.rotate(-(e.x - last.x) * 0.5, (e.y - last.y) * 0.5);
                last = new Point(e.x, e.y);
                canvas.redraw();
            }
        });
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            if (scene3d != null) {
                scene3d.zoom(e.count > 0 ? 1.15 : 1 / 1.15);
                canvas.redraw();
            }
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> {
            if (scene3d != null) {
                scene3d.resetCamera();
                canvas.redraw();
            }
        });
        canvas.addDisposeListener(e -> {
            if (scene3d != null) {
                scene3d.close();
            }
        });
    }

    public Canvas control() {
        return canvas;
    }

    /** Shows or hides the CT's bone surface. */
    public void setBoneVisible(boolean visible) {
        boneVisible = visible;
        if (scene3d != null) {
            scene3d.setBoneVisible(visible);
        }
        redraw();
    }

    /** Surfaces in the scene (tests). */
    public List<String> surfaceNames() {
        return List.copyOf(surfaces);
    }

    /** Why the 3D view could not be drawn (e.g. no X display for VTK), or null. */
    public String problem() {
        return problem;
    }

    public void redraw() {
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    /**
     * The structures of the scene rasterized on its primary grid, or null while that runs in the background (the
     * view is painted again when it is done).
     */
    private List<RoiMask> masks(SliceScene scene) {
        var image = scene.primary();
        var structures = scene.structures().orElse(null);
        if (masks == null || masksForImage != image || masksForStructures != structures) {
            masksForImage = image;
            masksForStructures = structures;
            List<Roi> rois = structures == null ? List.of() : List.copyOf(structures.rois());
            var display = canvas.getDisplay();
            masks = CompletableFuture.supplyAsync(() -> {
                List<RoiMask> out = new ArrayList<>();
                for (Roi roi : rois) {
                    if (!roi.contours().isEmpty()) {
                        BinaryMask mask = RoiMasks.rasterize(roi, image.geometry());
                        if (!mask.isEmpty()) {
                            out.add(new RoiMask(roi, mask));
                        }
                    }
                }
                return out;
            });
            masks.whenComplete((done, failure) -> {
                if (!display.isDisposed()) {
                    display.asyncExec(this::redraw);
                }
            });
            return null;
        }
        return masks.isDone() ? masks.join() : null;
    }

    /** Builds the VTK scene for the model's current scene (structures, bone, isocenter, beams). */
    private void build(SliceScene scene, List<RoiMask> structureMasks, int w, int h) {
        if (scene3d == null) {
            scene3d = new Scene3D(w, h);
        }
        scene3d.clear();
        surfaces.clear();
        var primary = scene.primary();
        for (RoiMask m : structureMasks) {
            Roi roi = m.roi();
            boolean outer = roi.interpretedType().equals("EXTERNAL");
            boolean target = org.isocenter.core.structure.StructureRoles.isTarget(roi);
            scene3d.addSurface(roi.name(), m.mask(), roi.colorRgb(), outer ? 0.12 : target ? 0.55 : 1.0);
            surfaces.add(roi.name());
        }
        if (primary.info().modality().equals("CT")) {
            scene3d.setBoneSurface(primary, BONE_HU);
            scene3d.setBoneVisible(boneVisible);
        }
        scene.isocenterMm().ifPresent(scene3d::setIsocenter);
        for (Beam b : model.beams()) {
            scene3d.addBeamAxis(b.name(), b.sourcePositionMm(primary.info().patientPosition()), b.isocenterMm(),
                    new int[] { 255, 220, 90 });
        }
        scene3d.resetCamera();
        builtFor = scene;
    }

    /**
     * Whether edited structures have stayed the same long enough to rebuild the surfaces (a brush stroke changes them
     * many times a second; the surfaces follow once the edits pause). Schedules a repaint for when they will be.
     */
    private boolean structuresSettled(SliceScene scene) {
        Object now = scene.structures().orElse(null);
        long t = System.currentTimeMillis();
        if (now != pendingStructures) {
            pendingStructures = now;
            structuresChangedAt = t;
        }
        if (t - structuresChangedAt >= SETTLE_MS) {
            return true;
        }
        canvas.getDisplay().timerExec((int) (SETTLE_MS - (t - structuresChangedAt)) + 10, this::redraw);
        return false;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        SliceScene scene = model.scene();
        if (scene == null || area.width < 8 || area.height < 8) {
            return;
        }
        try {
            boolean newImage = builtFor == null || builtFor.primary() != scene.primary();
            boolean newStructures = !newImage && builtFor.structures().orElse(null) != scene.structures().orElse(null);
            if (newImage || (newStructures && structuresSettled(scene))) {
                List<RoiMask> ready = masks(scene);
                if (ready != null) {
                    build(scene, ready, area.width, area.height);
                } else if (newImage) { // the slice views paint first; the 3D view follows when the masks are made
                    gc.drawText(NLS.bind(Messages.SurfaceCanvas_building, scene.primary().patient().displayLabel()),
                            4, 2, true);
                    return;
                } // edited structures: the surfaces of the previous ones stay until the new masks are made
            }
            if (scene3d.width() != area.width || scene3d.height() != area.height) {
                scene3d.setSize(area.width, area.height);
            }
            int[] argb = scene3d.render();
            painter.paint(gc, canvas.getDisplay(), argb, area.width, area.height);
            problem = null;
        } catch (RuntimeException | LinkageError e) {
            problem = NLS.bind(Messages.SurfaceCanvas_unavailable, e.getMessage());
            Text.wrapped(gc, problem, 10, 30, area.width - 20);
        }
        gc.drawText(NLS.bind(Messages.SurfaceCanvas_header, model.scene().primary().patient().displayLabel()), 4, 2, true);
        if (scene3d != null && problem == null) {
            String s = NLS.bind(scene.primary().info().modality().equals("CT") ? Messages.SurfaceCanvas_statisticsBone
                    : Messages.SurfaceCanvas_statistics, new Object[] { surfaces.size(), model.beams().size(),
                            String.format(Locale.ROOT, "%.0f", scene3d.lastRenderMs()) });
            gc.drawText(s, 4, area.height - gc.getFontMetrics().getHeight() - 2, true);
        }
    }
}
