package org.isocenter.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.FileProblem;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.dicom.scan.StudyRecord;
import org.isocenter.ui.internal.PatientSession;

/**
 * Patients → studies → series of everything imported in this session, with modality, counts and Frame of
 * Reference, and a Problems node per import listing files that could not be read. Selecting an image
 * series shows it in the Slice Preview.
 */
public final class PatientBrowserView extends ViewPart {

    /** A node grouping the problems of one import. */
    public record ProblemsNode(DicomIndex index) {
    }

    private TreeViewer viewer;
    private final Runnable sessionListener = () -> Display.getDefault().asyncExec(this::refresh);

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        column("Name", 280, this::name);
        column("Modality", 80, this::modality);
        column("Content", 260, this::content);
        column("Frame of Reference", 200, this::frame);
        viewer.setContentProvider(new Content());
        viewer.setInput(PatientSession.get());
        getSite().setSelectionProvider(viewer);
        PatientSession.get().addListener(sessionListener);
    }

    private void column(String title, int width, java.util.function.Function<Object, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    private void refresh() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.refresh();
            viewer.expandToLevel(3);
        }
    }

    /** The tree (tests and screenshots). */
    public TreeViewer viewer() {
        return viewer;
    }

    private String name(Object e) {
        return switch (e) {
            case PatientRecord p -> p.identity().patientName().replace('^', ' ') + " (" + p.identity().patientId() + ")";
            case StudyRecord s -> formatDate(s.studyDate()) + "  " + s.description();
            case SeriesRecord s -> s.description().isEmpty() ? "Series " + s.seriesNumber() : s.description();
            case ProblemsNode n -> "Problems in " + n.index().root().getFileName();
            case FileProblem f -> f.file().getFileName() + ": " + f.problem();
            default -> String.valueOf(e);
        };
    }

    private String modality(Object e) {
        return e instanceof SeriesRecord s ? s.modality() : "";
    }

    private String content(Object e) {
        return switch (e) {
            case PatientRecord p -> p.studies().size() + " studies, " + p.seriesCount() + " series";
            case StudyRecord s -> s.series().size() + " series";
            case SeriesRecord s when !s.roiNames().isEmpty() -> s.roiNames().size() + " ROIs";
            case SeriesRecord s when s.isImageSeries() -> s.instances().size() + " images";
            case SeriesRecord s -> s.summary().isEmpty() ? s.instances().size() + " objects" : s.summary();
            case ProblemsNode n -> n.index().problems().size() + " files";
            default -> "";
        };
    }

    private String frame(Object e) {
        if (e instanceof SeriesRecord s) {
            String f = s.frameOfReferenceUid().isEmpty() && !s.referencedFrameOfReferenceUids().isEmpty()
                    ? s.referencedFrameOfReferenceUids().get(0) : s.frameOfReferenceUid();
            return f.length() > 24 ? "…" + f.substring(f.length() - 23) : f;
        }
        return "";
    }

    private static String formatDate(String d) {
        return d.length() == 8 ? d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6) : d;
    }

    private static final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            List<Object> roots = new ArrayList<>();
            for (DicomIndex index : PatientSession.get().indexes()) {
                roots.addAll(index.patients());
                if (!index.problems().isEmpty()) {
                    roots.add(new ProblemsNode(index));
                }
            }
            return roots.toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return switch (parent) {
                case PatientRecord p -> p.studies().toArray();
                case StudyRecord s -> s.series().toArray();
                case ProblemsNode n -> n.index().problems().toArray();
                default -> new Object[0];
            };
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        PatientSession.get().removeListener(sessionListener);
        super.dispose();
    }
}
