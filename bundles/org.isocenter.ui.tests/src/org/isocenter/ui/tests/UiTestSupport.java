package org.isocenter.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.views.ImageViewerView;

/**
 * What the workbench tests share: waiting on the UI thread while events are dispatched, letting paints settle,
 * screenshots into {@code target/screenshots} (or the {@code isocenter.screenshots} folder), the active page and
 * the Image Viewer.
 */
final class UiTestSupport {

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

    /** Saves the workbench window as a PNG. */
    static Path screenshot(String name) throws Exception {
        return screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), name);
    }

    /** Saves what the screen shows inside {@code shell} (a dialog on top of the workbench included). */
    static Path screenshot(Shell shell, String name) throws Exception {
        settle();
        Display display = Display.getCurrent();
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of(System.getProperty("isocenter.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static ImageViewerView viewer() {
        return (ImageViewerView) page().findView(IsocenterUi.VIEW_IMAGE_VIEWER);
    }
}
