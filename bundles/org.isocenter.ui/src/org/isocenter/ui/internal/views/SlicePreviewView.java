package org.isocenter.ui.internal.views;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.core.image.ImageVolume;
import org.isocenter.core.progress.ProgressMonitor;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dicom.io.ImageSeriesReader;
import org.isocenter.ui.internal.LoadedPatient;
import org.isocenter.dicom.io.StructureSetReader;
import org.isocenter.dicom.scan.InstanceRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.render.ContourOverlay;
import org.isocenter.render.MprRenderer;
import org.isocenter.render.RenderedSlice;
import org.isocenter.render.SlicePlane;
import org.isocenter.render.WindowLevel;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;

/**
 * A first image view: the axial slices of the image series selected in the Patient Browser, with the
 * contours of the structure set that references it, window/level from preferences, orientation labels and
 * the patient, date and Frame of Reference always visible. Mouse wheel or arrow keys scroll through slices.
 * (The full linked MPR viewer replaces it in the visualization issue.)
 */
public final class SlicePreviewView extends ViewPart {

    private Canvas canvas;
    private ImageVolume volume;
    private List<Roi> rois = List.of();
    private int slice;
    private String status = "Select an image series in the Patient Browser.";
    private final MprRenderer renderer = new MprRenderer();
    private final RenderedSlice rendered = new RenderedSlice();
    private final ISelectionListener selectionListener = (part, selection) -> {
        if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof SeriesRecord series
                && series.isImageSeries()) {
            show(series);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseVerticalWheel, e -> scroll(e.count > 0 ? 1 : -1));
        canvas.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_UP || e.keyCode == SWT.PAGE_UP) scroll(1);
            if (e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.PAGE_DOWN) scroll(-1);
        });
        getSite().getWorkbenchWindow().getSelectionService().addPostSelectionListener(IsocenterUi.VIEW_PATIENT_BROWSER,
                selectionListener);
        LoadedPatient.addListener(closeListener);
    }

    /** File ▸ Close Patient empties the preview. */
    private final Runnable closeListener = () -> Display.getDefault().asyncExec(() -> {
        volume = null;
        rois = List.of();
        status = "No patient loaded. Select an image series in the Patient Browser.";
        if (canvas != null && !canvas.isDisposed()) {
            canvas.redraw();
        }
    });

    /** Loads the series (and the structure set that references it) in a job, then shows its middle slice. */
    public void show(SeriesRecord series) {
        status = "Loading " + series.description() + "…";
        canvas.redraw();
        Job job = Job.create("Loading " + series.modality() + " " + series.description(),
                (IJobFunction) monitor -> load(series, monitor));
        job.setUser(false);
        job.schedule();
    }

    private IStatus load(SeriesRecord series, IProgressMonitor monitor) {
        try {
            ImageVolume loaded = LoadedPatient.image(series.seriesInstanceUid()).orElse(null);
            ImageVolume v = loaded;
            List<String> warnings = new java.util.ArrayList<>();
            if (v == null) {
                List<Path> files = series.instances().stream().map(InstanceRecord::file).toList();
                v = new ImageSeriesReader().read(files, ProgressMonitor.NONE);
                warnings.addAll(LoadedPatient.session().addImage(v)); // refuses another patient
            }
            List<Roi> r = List.of();
            List<SeriesRecord> structureSets = PatientSession.get().structureSetsFor(series);
            if (!structureSets.isEmpty()) {
                StructureSet ss = new StructureSetReader().read(structureSets.get(0).instances().get(0).file());
                if (ss.frameOfReferenceUid().equals(v.frameOfReferenceUid()) && ss.patient().isSamePatient(v.patient())) {
                    r = ss.rois();
                    if (loaded == null) {
                        warnings.addAll(LoadedPatient.session().addStructureSet(ss));
                    }
                } else {
                    warnings.add("structure set '" + ss.label() + "' not shown: its patient or Frame of Reference differs");
                }
            }
            List<Roi> finalRois = r;
            ImageVolume finalVolume = v;
            Display.getDefault().asyncExec(() -> {
                volume = finalVolume;
                rois = finalRois;
                slice = targetSlice(finalVolume, finalRois);
                status = warnings.isEmpty() ? null : String.join("; ", warnings);
                if (!canvas.isDisposed()) {
                    canvas.redraw();
                }
            });
            return Status.OK_STATUS;
        } catch (Exception e) {
            Display.getDefault().asyncExec(() -> {
                status = e instanceof org.isocenter.core.session.SessionRefusedException
                        ? e.getMessage() + ". Close the loaded patient first (File > Close Patient)."
                        : "Cannot show " + series.description() + ": " + e.getMessage();
                volume = null;
                if (!canvas.isDisposed()) {
                    canvas.redraw();
                }
            });
            return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, "Cannot show series: " + e.getMessage(), e);
        }
    }

    /** Opens on the middle contour of the first target (PTV, CTV, GTV), else on the middle slice. */
    private static int targetSlice(ImageVolume v, List<Roi> rois) {
        for (String type : List.of("PTV", "CTV", "GTV")) {
            for (Roi roi : rois) {
                if (roi.interpretedType().equals(type) && !roi.contours().isEmpty()) {
                    double z = roi.contours().get(roi.contours().size() / 2).pointsMm().get(0).z();
                    int k = (int) Math.round(v.geometry().patientToIndex(new org.isocenter.core.geometry.Vector3(0, 0, z)).z());
                    return Math.max(0, Math.min(v.geometry().sizeZ() - 1, k));
                }
            }
        }
        return v.geometry().sizeZ() / 2;
    }

    private void scroll(int delta) {
        if (volume != null) {
            slice = Math.max(0, Math.min(volume.geometry().sizeZ() - 1, slice + delta));
            canvas.redraw();
        }
    }

    /** The displayed volume (tests). */
    public ImageVolume volume() {
        return volume;
    }

    /** The message shown instead of (or, for warnings, over) the image; null when there is none. */
    public String status() {
        return status;
    }

    public int slice() {
        return slice;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        Display display = canvas.getDisplay();
        gc.setBackground(display.getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
        if (volume == null) {
            drawWrapped(gc, status, 10, 10, area.width - 20);
            return;
        }
        WindowLevel window = PreferenceDefaults.defaultWindow();
        try {
            renderer.render(volume, SlicePlane.AXIAL, slice, window, rendered);
        } catch (IllegalArgumentException e) {
            gc.drawText(e.getMessage(), 10, 10, true);
            return;
        }
        new ContourOverlay().drawAxial(rendered, volume.geometry(), slice, rois);
        ImageData data = new ImageData(rendered.width(), rendered.height(), 32, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.setPixels(0, 0, rendered.width() * rendered.height(), rendered.argb(), 0);
        Image image = new Image(display, data);
        try {
            double widthMm = rendered.width() * rendered.pixelWidthMm();
            double heightMm = rendered.height() * rendered.pixelHeightMm();
            double scale = Math.min((area.width - 60) / widthMm, (area.height - 90) / heightMm);
            int w = (int) (widthMm * scale), h = (int) (heightMm * scale);
            int x = (area.width - w) / 2, y = 45 + (area.height - 90 - h) / 2;
            gc.drawImage(image, 0, 0, rendered.width(), rendered.height(), x, y, w, h);
            // orientation labels (axial, head-first supine display: anterior up, patient right on the left)
            gc.drawText("A", x + w / 2, y - 18, true);
            gc.drawText("P", x + w / 2, y + h + 2, true);
            gc.drawText("R", x - 16, y + h / 2, true);
            gc.drawText("L", x + w + 6, y + h / 2, true);
            // 5 cm scale bar
            int bar = (int) (50 * scale);
            gc.drawLine(x + w - bar, y + h - 10, x + w - 4, y + h - 10);
            gc.drawText("5 cm", x + w - bar, y + h - 28, true);
        } finally {
            image.dispose();
        }
        var info = volume.info();
        double z = volume.geometry().indexToPatient(0, 0, slice).z();
        gc.drawText(volume.patient().displayLabel() + "   " + info.modality() + "  " + info.acquisitionDate() + "  "
                + info.seriesDescription(), 8, 4, true);
        gc.drawText("FoR " + info.frameOfReferenceUid(), 8, 22, true);
        if (status != null) { // safety warnings of the load (Frame of Reference, structure set not shown)
            gc.setForeground(display.getSystemColor(SWT.COLOR_YELLOW));
            drawWrapped(gc, status, 8, 40, area.width - 16);
        }
        gc.drawText(String.format("Axial %d/%d   z = %.1f mm   %s (C %.0f / W %.0f HU)   %d ROIs", slice + 1,
                volume.geometry().sizeZ(), z, window.name(), window.centre(), window.width(), rois.size()), 8,
                area.height - 22, true);
    }

    /** Draws a message word-wrapped to {@code width} pixels (messages name patients and files: they are long). */
    private static void drawWrapped(GC gc, String text, int x, int y, int width) {
        StringBuilder line = new StringBuilder();
        int lineHeight = gc.getFontMetrics().getHeight();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && gc.textExtent(candidate).x > width) {
                gc.drawText(line.toString(), x, y, true);
                y += lineHeight;
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        gc.drawText(line.toString(), x, y, true);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getWorkbenchWindow().getSelectionService().removePostSelectionListener(IsocenterUi.VIEW_PATIENT_BROWSER,
                selectionListener);
        LoadedPatient.removeListener(closeListener);
        super.dispose();
    }
}
