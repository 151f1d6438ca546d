/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.isocenter.demo.DemoPatient;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.jobs.ScanFolderJob;
import org.isocenter.ui.internal.views.PatientBrowserView;
import org.isocenter.ui.internal.views.ImageViewerView;

/**
 * What the workbench tests share: waiting on the UI thread while events are dispatched, letting paints settle,
 * screenshots into {@code target/screenshots} (or the {@code isocenter.screenshots} folder), the active page and
 * the Image Viewer.
 */
final class UiTestSupport {

    private static boolean startupSeen;

    private UiTestSupport() {
    }

    /** Dispatches UI events until {@code condition} holds; fails after {@code timeoutMs} naming {@code what}. */
    static void spinUntil(BooleanSupplier condition, long timeoutMs, String what) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { });
                display.sleep();
            }
        }
    }

    /** Lets pending paints and async runnables run for about half a second. */
    static void settle() throws InterruptedException {
        Display display = Display.getCurrent();
        for (int i = 0; i < 20; i++) {
            while (display.readAndDispatch()) {
                // pending paints and async runnables
            }
            Thread.sleep(20);
        }
    }

    /** The pixels the screen shows in a rectangle of display coordinates. */
    static ImageData onScreen(Display display, int x, int y, int width, int height) {
        Image image = new Image(display, width, height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, x, y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The controls of a type anywhere below {@code root}, in tree order. */
    static <T extends Control> List<T> controls(Composite root, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                out.addAll(controls(composite, type));
            }
        }
        return out;
    }

    /**
     * Where drawing ends inside {@code area} of {@code control} (control pixels) as the screen shows it: the largest x,
     * relative to the area, of a pixel that stands out from the area's most common colour (its background) by more
     * than a faint line would; -1 when nothing is drawn there. Text cut off, or never painted, ends early or is -1.
     */
    static int rightmostInk(Control control, Rectangle area) throws InterruptedException {
        settle();
        Point at = control.toDisplay(area.x, area.y);
        ImageData data = onScreen(control.getDisplay(), at.x, at.y, area.width, area.height);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                counts.merge(data.getPixel(x, y), 1, Integer::sum);
            }
        }
        RGB background = data.palette.getRGB(counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                .getKey());
        for (int x = data.width - 1; x >= 0; x--) {
            for (int y = 0; y < data.height; y++) {
                RGB c = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(c.red - background.red) + Math.abs(c.green - background.green)
                        + Math.abs(c.blue - background.blue) > 200) {
                    return x;
                }
            }
        }
        return -1;
    }

    /** Saves the workbench window as a PNG. */
    static Path screenshot(String name) throws Exception {
        return screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), name);
    }

    /** Saves what the screen shows inside {@code shell} (a dialog on top of the workbench included). */
    static Path screenshot(Shell shell, String name) throws Exception {
        settle();
        Rectangle b = shell.getBounds();
        ImageData data = onScreen(Display.getCurrent(), b.x, b.y, b.width, b.height);
        Path dir = Path.of(System.getProperty("isocenter.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static ImageViewerView viewer() {
        return (ImageViewerView) page().findView(IsocenterUi.VIEW_IMAGE_VIEWER);
    }

    /**
     * Waits until the start-up is over: the demo patient imported and its planning CT with structures in the Image
     * Viewer (the start-up selects it asynchronously; a test that begins earlier would have its own loading replaced).
     */
    static void awaitStartup() {
        if (!startupSeen) {
            spinUntil(() -> Job.getJobManager().find(ScanFolderJob.FAMILY).length == 0 && viewer() != null
                    && viewer().volume() != null && EditableStructures.get().isLoaded(), 180_000,
                    "the start-up: demo patient imported and its planning CT shown");
            startupSeen = true;
        }
        spinUntil(() -> Job.getJobManager().find(ScanFolderJob.FAMILY).length == 0, 180_000, "the imports to end");
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // the start-up's pending UI events
        }
    }

    /** The demo patient's row in the Patient Browser; fails unless it is listed exactly once. */
    static TreeItem demoPatientItem(PatientBrowserView browser) {
        List<TreeItem> found = new ArrayList<>();
        for (TreeItem i : browser.viewer().getTree().getItems()) {
            if (i.getText(0).contains("(" + DemoPatient.PATIENT.patientId() + ")")) {
                found.add(i);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("the demo patient listed " + found.size() + " times");
        }
        // unfolded (Close Patient folds the patients up)
        browser.viewer().expandToLevel(found.get(0).getData(), org.eclipse.jface.viewers.AbstractTreeViewer.ALL_LEVELS);
        return found.get(0);
    }

    /** Runs a headless command in this process; fails unless it exits 0; its JSON (the last stdout line). */
    static com.google.gson.JsonObject cli(java.util.List<String> args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int code = org.isocenter.cli.internal.CliApplication.run(args.toArray(String[]::new),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        String stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertEquals(0, code, stdout + err.toString(java.nio.charset.StandardCharsets.UTF_8));
        String[] lines = stdout.strip().split("\n");
        return com.google.gson.JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    }

    /** The workbench window's shell. */
    static org.eclipse.swt.widgets.Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** The Registration / IGRT perspective with the demo planning CT (and its structures) in the Image Viewer. */
    static void showDemoPlanningCtForIgrt() {
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(org.isocenter.ui.IsocenterUi.PERSPECTIVE_REGISTRATION));
        String ct = org.isocenter.demo.DemoPatient.PLANNING_SERIES_UID;
        if (viewer().volume() == null || !viewer().volume().info().seriesInstanceUid().equals(ct)) {
            viewer().show(org.isocenter.ui.internal.viewer.FusionOpener.findSeries(ct).orElseThrow());
        }
        spinUntil(() -> viewer().volume() != null && viewer().volume().info().seriesInstanceUid().equals(ct)
                && org.isocenter.ui.internal.contouring.EditableStructures.get().isLoaded(), 120_000, "the demo CT");
    }
}
