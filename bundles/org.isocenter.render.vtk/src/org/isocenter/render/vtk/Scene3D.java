/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.render.vtk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.image.BinaryMask;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.render.vtk.internal.SurfaceExtraction;
import org.isocenter.render.vtk.internal.SurfaceExtraction.Surface;

import vtk.vtkActor;
import vtk.vtkAppendPolyData;
import vtk.vtkBillboardTextActor3D;
import vtk.vtkCamera;
import vtk.vtkLineSource;
import vtk.vtkMatrix4x4;
import vtk.vtkObjectBase;
import vtk.vtkPolyData;
import vtk.vtkPolyDataMapper;
import vtk.vtkProp3D;
import vtk.vtkProperty;
import vtk.vtkRenderWindow;
import vtk.vtkRenderer;
import vtk.vtkSphereSource;
import vtk.vtkUnsignedCharArray;

/**
 * The engine of an interactive 3D view: structure surfaces, a bone surface, the isocenter and beam axes in
 * patient coordinates, rendered <em>off-screen</em> with VTK into opaque ARGB pixels (row 0 at the top) that a
 * UI paints into its canvas. The VTK pipeline (render window, renderer, actors and their triangle meshes) is
 * kept alive between frames, so camera changes ({@link #rotate}, {@link #zoom}) only re-render; surfaces are
 * extracted once, when added.
 *
 * <p><b>Coordinates and units.</b> Every point is in DICOM patient coordinates, LPS millimetres (+x toward
 * the patient's left, +y posterior, +z superior); angles are in degrees; image sizes and projected points are
 * in pixels (x to the right, y down, row 0 at the top). {@link #resetCamera()} looks from the patient's
 * anterior side toward +y with superior up, so the patient's right appears on the image's left.
 *
 * <p><b>Threading.</b> VTK is not thread-safe and its OpenGL context belongs to the thread that uses it: a
 * {@code Scene3D} must be created, used and closed on one thread (the caller's, e.g. a dedicated render
 * thread or the UI thread); it does no locking of its own.
 *
 * <p><b>Appearance.</b> The background is dark blue-grey ({@link #DEFAULT_BACKGROUND}, not black; see
 * {@link #setBackground}); surfaces are lit by a headlight that follows the camera, with two-sided
 * lighting; translucent surfaces are blended per actor without depth peeling (cheap on software OpenGL), so
 * overlapping translucent surfaces may be composited in approximate order. Needs an X display (Xvfb on
 * servers): this VTK build has no EGL/OSMesa.
 *
 * <p>Close it ({@link #close()}) to release the render window and the native meshes.
 */
public final class Scene3D implements AutoCloseable {

    /** Default background colour, 0–255 RGB: a dark blue-grey (0.08, 0.08, 0.10). */
    public static final int[] DEFAULT_BACKGROUND = { 20, 20, 26 };
    /** Bone surface colour, 0–255 RGB (ivory). */
    public static final int[] BONE_RGB = { 240, 232, 205 };
    /** Isocenter marker colour, 0–255 RGB (yellow). */
    public static final int[] ISOCENTER_RGB = { 255, 220, 0 };
    /** Radius of the isocenter marker's sphere, mm. */
    public static final double ISOCENTER_RADIUS_MM = 4;
    /** Half-length of the isocenter marker's three axis lines, mm. */
    public static final double ISOCENTER_AXIS_HALF_LENGTH_MM = 15;
    /** How far a beam axis is drawn beyond the isocenter (away from the source), mm. */
    public static final double BEAM_AXIS_BEYOND_ISOCENTER_MM = 150;

    /** Smoothing passes of the windowed-sinc filter for structure surfaces. */
    private static final int SURFACE_SMOOTHING_ITERATIONS = 15;

    /** A group of VTK objects shown and released together. */
    private final class Item {
        final List<vtkProp3D> props = new ArrayList<>();
        final List<vtkObjectBase> owned = new ArrayList<>();
        /** Bounds (LPS mm: xmin, xmax, ymin, ymax, zmin, zmax) used to fit the camera, or null if not fitted. */
        double[] fitBounds;
        boolean visible = true;

        <T extends vtkObjectBase> T own(T o) {
            owned.add(o);
            return o;
        }

        <T extends vtkProp3D> T prop(T p) {
            own(p);
            props.add(p);
            renderer.AddViewProp(p);
            return p;
        }

        void setVisible(boolean v) {
            visible = v;
            for (vtkProp3D p : props) {
                p.SetVisibility(v ? 1 : 0);
            }
        }

        void release() {
            for (vtkProp3D p : props) {
                renderer.RemoveViewProp(p);
            }
            for (int i = owned.size() - 1; i >= 0; i--) {
                vtkObjectBase o = owned.get(i);
                if (o.GetVTKId() != 0) {
                    o.Delete();
                }
            }
            props.clear();
            owned.clear();
        }
    }

    private final vtkRenderWindow window;
    private final vtkRenderer renderer;
    private final vtkCamera camera;
    private final Map<String, Item> surfaces = new LinkedHashMap<>();
    private final Map<String, Item> beams = new LinkedHashMap<>();
    private Item bone;
    private Item isocenter;
    private int width;
    private int height;
    private int[] argb;
    private double lastRenderMs;
    private boolean closed;

    /**
     * Creates the off-screen render window and its renderer, {@code widthPx × heightPx} pixels, with the
     * camera looking from anterior. Loads VTK's native libraries on first use ({@link VtkRuntime#load()}).
     *
     * @throws IllegalStateException if VTK's native libraries cannot be loaded
     */
    public Scene3D(int widthPx, int heightPx) {
        checkSize(widthPx, heightPx);
        VtkRuntime.load();
        width = widthPx;
        height = heightPx;
        renderer = new vtkRenderer();
        renderer.SetTwoSidedLighting(1);
        window = new vtkRenderWindow();
        window.SetOffScreenRendering(1);
        window.SetMultiSamples(0);
        window.AddRenderer(renderer);
        window.SetSize(widthPx, heightPx);
        camera = renderer.GetActiveCamera();
        setBackground(DEFAULT_BACKGROUND);
        resetCamera();
    }

    /** Sets the background colour (0–255 RGB); the default is {@link #DEFAULT_BACKGROUND}. */
    public void setBackground(int[] rgb) {
        checkOpen();
        renderer.SetBackground(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
    }

    /**
     * Adds (or replaces) the surface of a structure mask: VTK flying edges on the mask padded by one empty
     * voxel (so it is closed), windowed-sinc smoothing, at most about 200,000 triangles (larger masks, such as a
     * BODY, are extracted from the mask averaged over 2×2 or more voxel blocks in the slice plane). The
     * mask's grid may have any direction cosines (flipped axes included); the surface is placed in patient
     * LPS mm. Does not move the camera.
     *
     * @param name    key of the surface for {@link #setSurfaceVisible}; an existing surface of that name is
     *                replaced
     * @param rgb     colour, 0–255 per channel
     * @param opacity 0 (invisible) to 1 (opaque)
     * @return the number of triangles (0 for an empty mask)
     */
    public int addSurface(String name, BinaryMask mask, int[] rgb, double opacity) {
        checkOpen();
        Objects.requireNonNull(name, "name");
        checkColour(rgb);
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in 0..1: " + opacity);
        }
        Surface s = SurfaceExtraction.fromMask(mask, SURFACE_SMOOTHING_ITERATIONS);
        removeItem(surfaces.remove(name));
        Item item = new Item();
        vtkActor actor = surfaceActor(item, s.polyData(), rgb);
        actor.GetProperty().SetOpacity(opacity);
        item.fitBounds = s.triangles() > 0 ? actor.GetBounds() : null;
        surfaces.put(name, item);
        return s.triangles();
    }

    /**
     * Sets the bone surface of a CT: the iso-surface at {@code thresholdHu} (e.g. 200 HU) of the CT averaged
     * down to voxels of about 3 mm (for speed), decimated above about 200,000 triangles, ivory
     * ({@link #BONE_RGB}). Replaces a previous bone surface; keeps its visibility setting.
     *
     * @return the number of triangles
     */
    public int setBoneSurface(ImageVolume ct, double thresholdHu) {
        checkOpen();
        Surface s = SurfaceExtraction.isoSurface(ct, thresholdHu);
        boolean visible = bone == null || bone.visible;
        removeItem(bone);
        bone = new Item();
        vtkActor actor = surfaceActor(bone, s.polyData(), BONE_RGB);
        actor.GetProperty().SetSpecular(0.1);
        bone.fitBounds = s.triangles() > 0 ? actor.GetBounds() : null;
        bone.setVisible(visible);
        return s.triangles();
    }

    /** Shows or hides the bone surface (no effect before {@link #setBoneSurface}). */
    public void setBoneVisible(boolean visible) {
        checkOpen();
        if (bone != null) {
            bone.setVisible(visible);
        }
    }

    /** Shows or hides the surface added under {@code name}; unknown names are ignored. */
    public void setSurfaceVisible(String name, boolean visible) {
        checkOpen();
        Item item = surfaces.get(name);
        if (item != null) {
            item.setVisible(visible);
        }
    }

    /** The names of the structure surfaces, in the order they were added. */
    public List<String> surfaceNames() {
        return List.copyOf(surfaces.keySet());
    }

    /**
     * Sets the isocenter marker (replacing a previous one): a yellow sphere of {@value #ISOCENTER_RADIUS_MM} mm
     * radius at {@code isocenterMm} (LPS mm) plus three lines along the patient axes, ±
     * {@value #ISOCENTER_AXIS_HALF_LENGTH_MM} mm. {@code null} removes the marker.
     */
    public void setIsocenter(Vector3 isocenterMm) {
        checkOpen();
        removeItem(isocenter);
        isocenter = null;
        if (isocenterMm == null) {
            return;
        }
        Item item = new Item();
        vtkSphereSource sphere = item.own(new vtkSphereSource());
        sphere.SetCenter(isocenterMm.toArray());
        sphere.SetRadius(ISOCENTER_RADIUS_MM);
        sphere.SetThetaResolution(20);
        sphere.SetPhiResolution(12);
        sphere.Update();
        vtkActor ball = surfaceActor(item, sphere.GetOutput(), ISOCENTER_RGB);
        ball.GetProperty().SetAmbient(0.3);
        vtkAppendPolyData axes = item.own(new vtkAppendPolyData());
        double h = ISOCENTER_AXIS_HALF_LENGTH_MM;
        for (Vector3 d : new Vector3[] { new Vector3(h, 0, 0), new Vector3(0, h, 0), new Vector3(0, 0, h) }) {
            vtkLineSource line = item.own(new vtkLineSource());
            line.SetPoint1(isocenterMm.minus(d).toArray());
            line.SetPoint2(isocenterMm.plus(d).toArray());
            axes.AddInputConnection(line.GetOutputPort());
        }
        axes.Update();
        lineActor(item, axes.GetOutput(), ISOCENTER_RGB, 2);
        item.fitBounds = ball.GetBounds();
        isocenter = item;
    }

    /**
     * Adds (or replaces) a beam's central axis: a line from the source position through the isocenter and
     * {@value #BEAM_AXIS_BEYOND_ISOCENTER_MM} mm beyond it, unlit, in {@code rgb}, labelled with {@code name}
     * (a billboard text near the isocenter on the source side). Both points in LPS mm. Beam axes do not take
     * part in fitting the camera ({@link #resetCamera()}): sources are about a metre away.
     */
    public void addBeamAxis(String name, Vector3 sourceMm, Vector3 isocenterMm, int[] rgb) {
        checkOpen();
        Objects.requireNonNull(name, "name");
        checkColour(rgb);
        Vector3 toIso = isocenterMm.minus(sourceMm);
        if (toIso.norm() == 0) {
            throw new IllegalArgumentException("beam source and isocenter coincide: " + sourceMm);
        }
        Vector3 dir = toIso.normalized();
        removeItem(beams.remove(name));
        Item item = new Item();
        vtkLineSource line = item.own(new vtkLineSource());
        line.SetPoint1(sourceMm.toArray());
        line.SetPoint2(isocenterMm.plus(dir.times(BEAM_AXIS_BEYOND_ISOCENTER_MM)).toArray());
        line.Update();
        lineActor(item, line.GetOutput(), rgb, 2);
        if (!name.isEmpty()) {
            vtkBillboardTextActor3D label = item.prop(new vtkBillboardTextActor3D());
            label.SetInput(name);
            label.SetPosition(isocenterMm.minus(dir.times(Math.min(120, toIso.norm()))).toArray());
            label.GetTextProperty().SetColor(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
            label.GetTextProperty().SetFontSize(14);
            label.GetTextProperty().SetBold(1);
        }
        beams.put(name, item);
    }

    /** Removes every surface, the bone surface, the isocenter and all beam axes (the camera stays). */
    public void clear() {
        checkOpen();
        for (Item i : surfaces.values()) {
            i.release();
        }
        surfaces.clear();
        for (Item i : beams.values()) {
            i.release();
        }
        beams.clear();
        removeItem(bone);
        bone = null;
        removeItem(isocenter);
        isocenter = null;
    }

    /** Changes the size of the rendered image, pixels; the camera's view angle is kept (vertical). */
    public void setSize(int widthPx, int heightPx) {
        checkOpen();
        checkSize(widthPx, heightPx);
        if (widthPx != width || heightPx != height) {
            width = widthPx;
            height = heightPx;
            window.SetSize(widthPx, heightPx);
        }
    }

    /** Width of the rendered image, pixels. */
    public int width() {
        return width;
    }

    /** Height of the rendered image, pixels. */
    public int height() {
        return height;
    }

    /**
     * Puts the camera on the patient's anterior side looking posterior (toward +y), superior (+z) up, at the
     * default 30° perspective view angle, and fits it to the visible surfaces, bone and isocenter marker (not
     * to beam axes, whose sources would shrink the anatomy to a dot; if nothing else is visible, to all
     * visible props).
     */
    public void resetCamera() {
        checkOpen();
        camera.SetFocalPoint(0, 0, 0);
        camera.SetPosition(0, -1, 0);
        camera.SetViewUp(0, 0, 1);
        camera.SetViewAngle(30);
        double[] b = fitBounds();
        if (b != null) {
            renderer.ResetCamera(b);
        } else {
            renderer.ResetCamera();
        }
    }

    /**
     * Rotates the camera about the focal point as a mouse drag does: {@code azimuthDeg} about the view-up
     * vector, then {@code elevationDeg} about the screen's horizontal axis (degrees); the view-up is then
     * re-orthogonalized.
     */
    public void rotate(double azimuthDeg, double elevationDeg) {
        checkOpen();
        camera.Azimuth(azimuthDeg);
        camera.Elevation(elevationDeg);
        camera.OrthogonalizeViewUp();
    }

    /** Zooms by {@code factor} (&gt;1 zooms in: objects appear {@code factor} times larger). */
    public void zoom(double factor) {
        checkOpen();
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        camera.Zoom(factor);
    }

    /** Camera position, LPS mm. */
    public Vector3 cameraPosition() {
        checkOpen();
        return vector(camera.GetPosition());
    }

    /** Camera focal point (the centre of rotation), LPS mm. */
    public Vector3 cameraFocalPoint() {
        checkOpen();
        return vector(camera.GetFocalPoint());
    }

    /** Camera view-up (the direction appearing up on screen), a unit vector in LPS. */
    public Vector3 cameraViewUp() {
        checkOpen();
        return vector(camera.GetViewUp());
    }

    /**
     * Renders the scene and returns {@code width × height} opaque ARGB pixels, row 0 at the top. The returned
     * array is reused by the next call while the size is unchanged: copy it if it must outlive the next frame.
     */
    public int[] render() {
        checkOpen();
        long t0 = System.nanoTime();
        renderer.ResetCameraClippingRange();
        window.Render();
        vtkUnsignedCharArray pixels = new vtkUnsignedCharArray();
        window.GetPixelData(0, 0, width - 1, height - 1, 1, pixels, 0);
        byte[] rgb = pixels.GetJavaArray();
        pixels.Delete();
        if (argb == null || argb.length != width * height) {
            argb = new int[width * height];
        }
        for (int y = 0; y < height; y++) {
            int src = (height - 1 - y) * width * 3; // VTK's rows start at the bottom
            int dst = y * width;
            for (int x = 0; x < width; x++, src += 3) {
                argb[dst + x] = 0xFF000000 | (rgb[src] & 0xFF) << 16 | (rgb[src + 1] & 0xFF) << 8 | (rgb[src + 2] & 0xFF);
            }
        }
        lastRenderMs = (System.nanoTime() - t0) / 1e6;
        return argb;
    }

    /** Wall time of the last {@link #render()} (VTK rendering plus pixel read-back and conversion), ms. */
    public double lastRenderMs() {
        return lastRenderMs;
    }

    /**
     * Projects a patient point (LPS mm) with the current camera to continuous pixel coordinates {x, y} of the
     * rendered image: x to the right, y down, pixel (c, r) covering [c, c+1) × [r, r+1), so its centre is at
     * (c + 0.5, r + 0.5). Points behind the camera give meaningless values.
     */
    public double[] project(Vector3 pointMm) {
        checkOpen();
        vtkMatrix4x4 m = camera.GetCompositeProjectionTransformMatrix((double) width / height, -1, 1);
        double[] p = { pointMm.x(), pointMm.y(), pointMm.z(), 1 };
        double[] c = new double[4];
        for (int r = 0; r < 4; r++) {
            c[r] = m.GetElement(r, 0) * p[0] + m.GetElement(r, 1) * p[1] + m.GetElement(r, 2) * p[2]
                    + m.GetElement(r, 3) * p[3];
        }
        m.Delete();
        double ndcX = c[0] / c[3], ndcY = c[1] / c[3];
        return new double[] { (ndcX + 1) / 2 * width, (1 - ndcY) / 2 * height };
    }

    /** Finalizes the render window (releasing its OpenGL context) and deletes the native meshes; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        clear();
        closed = true;
        window.RemoveRenderer(renderer);
        window.Finalize();
        camera.Delete();
        renderer.Delete();
        window.Delete();
        argb = null;
    }

    private vtkActor surfaceActor(Item item, vtkPolyData poly, int[] rgb) {
        vtkActor actor = coloredActor(item, poly, rgb);
        vtkProperty p = actor.GetProperty();
        p.SetDiffuse(0.8);
        p.SetAmbient(0.15);
        p.SetSpecular(0.25);
        p.SetSpecularPower(20);
        return actor;
    }

    private vtkActor lineActor(Item item, vtkPolyData poly, int[] rgb, double widthPx) {
        vtkActor actor = coloredActor(item, poly, rgb);
        vtkProperty p = actor.GetProperty();
        p.SetLighting(false);
        p.SetLineWidth((float) widthPx);
        return actor;
    }

    /** An actor of {@code poly} in one colour, owned by {@code item}. */
    private vtkActor coloredActor(Item item, vtkPolyData poly, int[] rgb) {
        item.own(poly);
        vtkPolyDataMapper mapper = item.own(new vtkPolyDataMapper());
        mapper.SetInputData(poly);
        mapper.ScalarVisibilityOff();
        vtkActor actor = item.prop(new vtkActor());
        actor.SetMapper(mapper);
        vtkProperty p = item.own(actor.GetProperty());
        p.SetColor(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
        return actor;
    }

    private double[] fitBounds() {
        double[] b = null;
        List<Item> items = new ArrayList<>(surfaces.values());
        items.add(bone);
        items.add(isocenter);
        for (Item i : items) {
            if (i != null && i.visible && i.fitBounds != null) {
                if (b == null) {
                    b = i.fitBounds.clone();
                } else {
                    for (int a = 0; a < 3; a++) {
                        b[2 * a] = Math.min(b[2 * a], i.fitBounds[2 * a]);
                        b[2 * a + 1] = Math.max(b[2 * a + 1], i.fitBounds[2 * a + 1]);
                    }
                }
            }
        }
        return b;
    }

    private void removeItem(Item item) {
        if (item != null) {
            item.release();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Scene3D is closed");
        }
    }

    private static Vector3 vector(double[] a) {
        return new Vector3(a[0], a[1], a[2]);
    }

    private static void checkSize(int w, int h) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("image size must be positive: " + w + "x" + h);
        }
    }

    private static void checkColour(int[] rgb) {
        if (rgb == null || rgb.length < 3) {
            throw new IllegalArgumentException("colour needs three 0-255 components");
        }
    }
}
