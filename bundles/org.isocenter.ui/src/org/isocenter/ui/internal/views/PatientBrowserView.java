/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.dicom.scan.DicomIndex;
import org.isocenter.dicom.scan.FileProblem;
import org.isocenter.dicom.scan.PatientRecord;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.ui.internal.viewer.FusionOpener;
import org.isocenter.dicom.scan.StudyRecord;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.PatientSession;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.jobs.ScanFolderJob;
import org.isocenter.ui.internal.jobs.SeriesWarnings;
import org.isocenter.ui.internal.UiErrors;

/**
 * Patients → studies → series of everything imported in this session, with modality, counts and Frame of
 * Reference. The same patient, study or series imported again (or found by importing a parent folder) is listed once
 * (the newest import's records). A series with warnings (missing slices, missing references, ...) carries a warning
 * decoration, and every row explains itself in a tooltip. Each import with files that were not imported adds an
 * "Import problems" node at the top. Selecting an image series shows it in the Image Viewer; double-clicking a
 * Spatial Registration opens it in the Registration perspective (fixed image with the moving image fused); the
 * context menu offers the same and more. The list follows the session: a structure set saved into an imported folder
 * is listed at once; File ▸ Close Patient clears the selection and folds the patients up (Clear List in the context menu
 * empties the list).
 */
public final class PatientBrowserView extends ViewPart {

    /** A node grouping the files of one import that were not imported. */
    public record ProblemsNode(DicomIndex index) {
    }

    /** A file of an import that was not imported: DICOM that could not be read, or not DICOM at all. */
    public record ProblemFile(Path file, boolean dicom, String reason) {
    }

    private TreeViewer viewer;
    private final Runnable sessionListener = () -> Display.getDefault().asyncExec(this::refresh);
    private final Runnable structuresListener = () -> Display.getDefault().asyncExec(this::structuresChanged);
    private final Runnable closeListener = () -> {
        if (Display.getCurrent() != null) {
            patientClosed(); // Close Patient on the UI thread: cleared before the command returns
        } else {
            Display.getDefault().asyncExec(this::patientClosed);
        }
    };
    private Path refreshedFor;
    /** Which imported folder each listed series came from (for Import Again / Remove). */
    private volatile Map<String, Path> rootOfSeries = Map.of();

    @Override
    public void createPartControl(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TreeColumnLayout layout = new TreeColumnLayout();
        holder.setLayout(layout);
        viewer = new TreeViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        viewer.setComparer(new KeyComparer());
        column(layout, Messages.PatientBrowserView_columnName, 42, 140, this::name, this::nameImage);
        column(layout, Messages.PatientBrowserView_columnModality, 10, 58, this::modality, e -> null);
        column(layout, Messages.PatientBrowserView_columnContent, 30, 90, this::content, e -> null);
        column(layout, Messages.PatientBrowserView_columnFrame, 18, 60, this::frame, e -> null);
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new Content());
        viewer.setInput(PatientSession.get());
        viewer.expandToLevel(3);
        viewer.addDoubleClickListener(e -> open(((IStructuredSelection) e.getSelection()).getFirstElement()));
        createContextMenu();
        getSite().setSelectionProvider(viewer);
        PatientSession.get().addListener(sessionListener);
        EditableStructures.get().addListener(structuresListener);
        org.isocenter.ui.internal.LoadedPatient.addListener(closeListener);
    }

    /**
     * File ▸ Close Patient: nothing stays selected and the patients fold up (the list itself stays, so that another
     * patient can be opened; Clear List empties it).
     */
    private void patientClosed() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.collapseAll(); // first: GTK moves the selection to a row that folds over it
        viewer.setSelection(StructuredSelection.EMPTY);
        viewer.getTree().deselectAll();
        status(Messages.PatientBrowserView_patientClosed);
    }

    private void column(TreeColumnLayout layout, String title, int weight, int minimum, Function<Object, String> text,
            Function<Object, Image> image) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setResizable(true);
        c.getColumn().setMoveable(false);
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, minimum, true));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public Image getImage(Object element) {
                return image.apply(element);
            }

            @Override
            public String getToolTipText(Object element) {
                return tooltip(element);
            }

            @Override
            public int getToolTipDisplayDelayTime(Object object) {
                return 300;
            }
        });
    }

    private void refresh() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.refresh();
            viewer.expandToLevel(3);
        }
    }

    /** After Save as new RTSTRUCT: the imported folder that holds the new file is scanned again, so it is listed. */
    private void structuresChanged() {
        Path saved = EditableStructures.get().savedFile();
        if (saved != null && !saved.equals(refreshedFor)) {
            refreshedFor = saved;
            ScanFolderJob.refreshFor(saved);
        }
    }

    /** The tree (tests and screenshots). */
    public TreeViewer viewer() {
        return viewer;
    }

    /**
     * Selects the series with this Series Instance UID in the Patient Browser of the active window (so that the Image
     * Viewer shows it); false when the browser is not open or the series is not listed.
     */
    public static boolean reveal(String seriesInstanceUid) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null
                || !(window.getActivePage().findView(IsocenterUi.VIEW_PATIENT_BROWSER) instanceof PatientBrowserView b)) {
            return false;
        }
        Optional<SeriesRecord> s = findSeries(seriesInstanceUid);
        if (s.isEmpty()) {
            return false;
        }
        b.viewer.refresh();
        b.viewer.setSelection(StructuredSelection.EMPTY);
        b.viewer.setSelection(new StructuredSelection(s.get()), true);
        return true;
    }

    private static Optional<SeriesRecord> findSeries(String uid) {
        return FusionOpener.findSeries(uid);
    }

    // ---- labels

    private String name(Object e) {
        return switch (e) {
            case PatientRecord p -> p.identity().patientName().replace('^', ' ') + " (" + p.identity().patientId() + ")";
            case StudyRecord s -> formatDate(s.studyDate()) + "  " + s.description();
            case SeriesRecord s -> s.description().isEmpty() ? NLS.bind(Messages.PatientBrowserView_seriesNumber, s.seriesNumber())
                    : s.description();
            case ProblemsNode n -> NLS.bind(Messages.PatientBrowserView_importProblems, n.index().root().getFileName());
            case ProblemFile f -> f.file().getFileName().toString();
            default -> String.valueOf(e);
        };
    }

    private Image nameImage(Object e) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return switch (e) {
            case SeriesRecord s when !SeriesWarnings.of(s).isEmpty() -> images.getImage(ISharedImages.IMG_OBJS_WARN_TSK);
            case ProblemsNode n -> images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
            case ProblemFile f -> images.getImage(f.dicom() ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_INFO_TSK);
            default -> null;
        };
    }

    private String modality(Object e) {
        return switch (e) {
            case SeriesRecord s -> s.modality();
            case ProblemFile f -> f.dicom() ? Messages.PatientBrowserView_unreadable : Messages.PatientBrowserView_notDicom;
            default -> "";
        };
    }

    private String content(Object e) {
        return switch (e) {
            case PatientRecord p -> NLS.bind(Messages.PatientBrowserView_patientContent, p.studies().size(), p.seriesCount());
            case StudyRecord s -> NLS.bind(Messages.PatientBrowserView_studyContent, s.series().size());
            case SeriesRecord s -> seriesContent(s) + warningSuffix(s);
            case ProblemsNode n -> problemCount(n.index());
            case ProblemFile f -> f.reason();
            default -> "";
        };
    }

    private static String seriesContent(SeriesRecord s) {
        if (!s.roiNames().isEmpty()) {
            return NLS.bind(Messages.PatientBrowserView_rois, s.roiNames().size());
        }
        if (s.isImageSeries()) {
            return NLS.bind(Messages.PatientBrowserView_images, s.instances().size());
        }
        return s.summary().isEmpty() ? NLS.bind(Messages.PatientBrowserView_objects, s.instances().size()) : s.summary();
    }

    private static String warningSuffix(SeriesRecord s) {
        List<String> w = SeriesWarnings.of(s);
        if (w.isEmpty()) {
            return "";
        }
        String gap = SeriesWarnings.sliceGaps(s);
        return "  " + (gap != null ? Messages.PatientBrowserView_missingSlices
                : NLS.bind(w.size() == 1 ? Messages.PatientBrowserView_warningOne : Messages.PatientBrowserView_warningMany, w.size()));
    }

    private static String problemCount(DicomIndex index) {
        int unreadable = index.problems().size(), notDicom = org.isocenter.ui.internal.jobs.ImportReport.strayFiles(index).size();
        List<String> parts = new ArrayList<>();
        if (unreadable > 0) {
            parts.add(NLS.bind(Messages.PatientBrowserView_filesNotImported, unreadable));
        }
        if (notDicom > 0) {
            parts.add(NLS.bind(Messages.PatientBrowserView_filesNotDicom, notDicom));
        }
        return String.join(", ", parts);
    }

    private String frame(Object e) {
        if (e instanceof SeriesRecord s) {
            String f = frameOf(s);
            return f.length() > 24 ? "…" + f.substring(f.length() - 23) : f;
        }
        return "";
    }

    private static String frameOf(SeriesRecord s) {
        return s.frameOfReferenceUid().isEmpty() && !s.referencedFrameOfReferenceUids().isEmpty()
                ? s.referencedFrameOfReferenceUids().get(0) : s.frameOfReferenceUid();
    }

    private String tooltip(Object e) {
        return switch (e) {
            case PatientRecord p -> NLS.bind(Messages.PatientBrowserView_patientTooltip,
                    p.identity().patientName().replace('^', ' '), p.identity().patientId())
                    + (p.identity().birthDate().isEmpty() ? ""
                            : NLS.bind(Messages.PatientBrowserView_patientBorn, formatDate(p.identity().birthDate())))
                    + (p.identity().sex().isEmpty() ? "" : NLS.bind(Messages.PatientBrowserView_patientSex, p.identity().sex()))
                    + "\n" + content(p);
            case StudyRecord s -> NLS.bind(Messages.PatientBrowserView_studyTooltip, new Object[] { formatDate(s.studyDate()),
                    s.description(), s.studyInstanceUid(), s.series().size() });
            case SeriesRecord s -> seriesTooltip(s);
            case ProblemsNode n -> NLS.bind(Messages.PatientBrowserView_problemsTooltip, n.index().root(),
                    problemCount(n.index()));
            case ProblemFile f -> f.file() + "\n" + f.reason();
            default -> null;
        };
    }

    private static String seriesTooltip(SeriesRecord s) {
        StringBuilder b = new StringBuilder();
        b.append(s.description().isEmpty()
                ? NLS.bind(Messages.PatientBrowserView_seriesTitle, new Object[] { s.modality(), s.seriesNumber(), seriesContent(s) })
                : NLS.bind(Messages.PatientBrowserView_seriesTitleDescribed, new Object[] { s.modality(), s.seriesNumber(),
                        s.description(), seriesContent(s) })).append('\n');
        if (!s.summary().isEmpty() && !s.isImageSeries()) {
            b.append(s.summary()).append('\n');
        }
        b.append(NLS.bind(Messages.PatientBrowserView_seriesUid, s.seriesInstanceUid())).append('\n');
        if (!frameOf(s).isEmpty()) {
            b.append(NLS.bind(Messages.PatientBrowserView_seriesFrame, frameOf(s))).append('\n');
        }
        if (!s.instances().isEmpty()) {
            b.append(NLS.bind(Messages.PatientBrowserView_seriesFolder, s.instances().get(0).file().getParent())).append('\n');
        }
        List<String> w = SeriesWarnings.of(s);
        for (String line : w) {
            b.append(NLS.bind(Messages.PatientBrowserView_seriesWarning, line)).append('\n');
        }
        b.append(s.isImageSeries() ? Messages.PatientBrowserView_hintImage
                : s.modality().equals("REG") ? Messages.PatientBrowserView_hintRegistration
                : s.modality().equals("RTSTRUCT") ? Messages.PatientBrowserView_hintStructureSet : "");
        return b.toString().strip();
    }

    private static String formatDate(String d) {
        return d.length() == 8 ? d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6) : d;
    }

    // ---- actions

    /** What a double-click does: an image series or structure set is shown, a registration opened, a node expanded. */
    private void open(Object element) {
        switch (element) {
            case SeriesRecord s when s.modality().equals("REG") -> openRegistration(s);
            case SeriesRecord s when s.isImageSeries() || s.modality().equals("RTSTRUCT") -> showInViewer(s);
            case SeriesRecord s -> status(NLS.bind(Messages.PatientBrowserView_nothingToShow, s.modality()));
            case ProblemFile f -> MessageDialog.openInformation(viewer.getControl().getShell(),
                    Messages.PatientBrowserView_notImportedTitle,
                    f.file() + "\n\n" + f.reason());
            case null -> { }
            default -> viewer.setExpandedState(element, !viewer.getExpandedState(element));
        }
    }

    private void showInViewer(SeriesRecord s) {
        ImageViewerView v = imageViewer();
        if (v == null) {
            return;
        }
        if (s.isImageSeries()) {
            v.show(s);
        } else {
            PatientSession.get().imageSeriesFor(s).ifPresentOrElse(image -> v.show(image, s),
                    () -> status(Messages.PatientBrowserView_imageNotImported));
        }
    }

    /**
     * Opens a Spatial Registration: the Registration perspective with its fixed image (the image series in the
     * registration's own Frame of Reference) in the Image Viewer and its moving image fused.
     */
    public void openRegistration(SeriesRecord reg) {
        List<SeriesRecord> images = new ArrayList<>();
        for (String uid : reg.referencedSeriesUids()) {
            findSeries(uid).filter(SeriesRecord::isImageSeries).ifPresent(images::add);
        }
        SeriesRecord fixed = images.stream().filter(s -> s.frameOfReferenceUid().equals(reg.frameOfReferenceUid()))
                .findFirst().orElse(images.isEmpty() ? null : images.get(0));
        SeriesRecord moving = images.stream().filter(s -> fixed != null && !s.seriesInstanceUid().equals(fixed.seriesInstanceUid()))
                .findFirst().orElse(null);
        if (fixed == null || moving == null) {
            String msg = NLS.bind(Messages.PatientBrowserView_registrationIncomplete, new Object[] { name(reg), images.size(),
                    reg.referencedSeriesUids().size() });
            status(msg);
            MessageDialog.openWarning(viewer.getControl().getShell(), Messages.PatientBrowserView_openRegistrationTitle, msg);
            return;
        }
        status(FusionOpener.open(getSite().getPage(), fixed, moving));
    }

    private ImageViewerView imageViewer() {
        IWorkbenchPage page = getSite().getPage();
        try {
            return (ImageViewerView) page.showView(IsocenterUi.VIEW_IMAGE_VIEWER, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (Exception e) {
            status(UiErrors.warn(NLS.bind(Messages.PatientBrowserView_noImageViewer, e.getMessage()), e).getMessage());
            return null;
        }
    }

    private void status(String message) {
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    private void createContextMenu() {
        MenuManager menu = new MenuManager("#PatientBrowser");
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
    }

    private void fillMenu(IMenuManager m) {
        Object e = viewer.getStructuredSelection().getFirstElement();
        if (e instanceof SeriesRecord s) {
            if (s.isImageSeries() || s.modality().equals("RTSTRUCT")) {
                m.add(action(Messages.PatientBrowserView_actionShow, () -> showInViewer(s)));
            }
            ImageViewerView v = (ImageViewerView) getSite().getPage().findView(IsocenterUi.VIEW_IMAGE_VIEWER);
            if (s.isImageSeries() && v != null && v.volume() != null
                    && !v.volume().info().seriesInstanceUid().equals(s.seriesInstanceUid())) {
                m.add(action(Messages.PatientBrowserView_actionFuse, () -> v.loadSecondary(s)));
            }
            if (s.modality().equals("REG")) {
                m.add(action(Messages.PatientBrowserView_actionOpenRegistration, () -> openRegistration(s)));
            }
            List<String> w = SeriesWarnings.of(s);
            if (!w.isEmpty()) {
                m.add(action(Messages.PatientBrowserView_actionShowWarnings, () -> MessageDialog.openWarning(
                        viewer.getControl().getShell(), NLS.bind(Messages.PatientBrowserView_warningsTitle, name(s)),
                        "• " + String.join("\n• ", w))));
            }
            m.add(new Separator());
            m.add(action(Messages.PatientBrowserView_actionCopySeriesUid, () -> copy(s.seriesInstanceUid())));
            if (!frameOf(s).isEmpty()) {
                m.add(action(Messages.PatientBrowserView_actionCopyFrameUid, () -> copy(frameOf(s))));
            }
        } else if (e instanceof ProblemFile f) {
            m.add(action(Messages.PatientBrowserView_actionCopyPath, () -> copy(f.file() + "\t" + f.reason())));
        }
        Set<Path> roots = rootsOf(e);
        if (!roots.isEmpty()) {
            m.add(new Separator());
            m.add(action(Messages.PatientBrowserView_actionImportAgain, () -> roots.forEach(r -> ScanFolderJob.reporting(r).schedule())));
            m.add(action(Messages.PatientBrowserView_actionRemoveFolder, () -> roots.forEach(PatientSession.get()::remove)));
        }
        m.add(new Separator());
        m.add(action(Messages.PatientBrowserView_actionRefreshAll, () -> PatientSession.get().indexes()
                .forEach(i -> new ScanFolderJob(i.root()).schedule())));
        m.add(action(Messages.PatientBrowserView_actionClearList, () -> PatientSession.get().clear()));
    }

    private Set<Path> rootsOf(Object e) {
        Set<Path> roots = new LinkedHashSet<>();
        Map<String, Path> map = rootOfSeries;
        switch (e) {
            case PatientRecord p -> p.studies().forEach(st -> st.series().forEach(s -> add(roots, map.get(s.seriesInstanceUid()))));
            case StudyRecord st -> st.series().forEach(s -> add(roots, map.get(s.seriesInstanceUid())));
            case SeriesRecord s -> add(roots, map.get(s.seriesInstanceUid()));
            case ProblemsNode n -> roots.add(n.index().root());
            case ProblemFile f -> PatientSession.get().indexes().stream().filter(i -> f.file().startsWith(i.root()))
                    .forEach(i -> roots.add(i.root()));
            case null, default -> { }
        }
        return roots;
    }

    private static void add(Set<Path> roots, Path p) {
        if (p != null) {
            roots.add(p);
        }
    }

    private void copy(String text) {
        Clipboard c = new Clipboard(viewer.getControl().getDisplay());
        try {
            c.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            c.dispose();
        }
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    // ---- content

    /** Identity of tree elements by their DICOM UIDs (a re-imported series is the same element). */
    private static final class KeyComparer implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            return key(a).equals(key(b));
        }

        @Override
        public int hashCode(Object element) {
            return key(element).hashCode();
        }

        private static Object key(Object e) {
            return switch (e) {
                case PatientRecord p -> "P\0" + p.identity().patientId() + "\0" + p.identity().patientName();
                case StudyRecord s -> "S\0" + s.studyInstanceUid();
                case SeriesRecord s -> "R\0" + s.seriesInstanceUid();
                case ProblemsNode n -> "X\0" + n.index().root();
                case ProblemFile f -> "F\0" + f.file();
                case null -> "";
                default -> e;
            };
        }
    }

    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            List<DicomIndex> indexes = PatientSession.get().indexes();
            // patient → study → series, the newest import's record of a series winning
            Map<String, PatientRecord> patientOf = new LinkedHashMap<>();
            Map<String, Map<String, StudyRecord>> studiesOf = new LinkedHashMap<>();
            Map<String, Map<String, SeriesRecord>> seriesOf = new LinkedHashMap<>();
            Map<String, Path> roots = new LinkedHashMap<>();
            for (DicomIndex index : indexes) {
                for (PatientRecord p : index.patients()) {
                    String pk = p.identity().patientId() + "\0" + p.identity().patientName();
                    patientOf.putIfAbsent(pk, p);
                    Map<String, StudyRecord> studies = studiesOf.computeIfAbsent(pk, k -> new LinkedHashMap<>());
                    for (StudyRecord st : p.studies()) {
                        studies.putIfAbsent(st.studyInstanceUid(), st);
                        Map<String, SeriesRecord> series = seriesOf.computeIfAbsent(st.studyInstanceUid(), k -> new LinkedHashMap<>());
                        for (SeriesRecord s : st.series()) {
                            series.put(s.seriesInstanceUid(), s);
                            roots.put(s.seriesInstanceUid(), index.root());
                        }
                    }
                }
            }
            rootOfSeries = Map.copyOf(roots);
            List<Object> result = new ArrayList<>();
            for (DicomIndex index : indexes) {
                if (!index.problems().isEmpty() || !org.isocenter.ui.internal.jobs.ImportReport.strayFiles(index).isEmpty()) {
                    result.add(new ProblemsNode(index));
                }
            }
            // a series listed once: under the first study that holds it
            Set<String> listed = new java.util.HashSet<>();
            patientOf.forEach((pk, p) -> {
                List<StudyRecord> studies = new ArrayList<>();
                for (StudyRecord st : studiesOf.get(pk).values()) {
                    List<SeriesRecord> series = new ArrayList<>();
                    for (SeriesRecord s : seriesOf.get(st.studyInstanceUid()).values()) {
                        if (listed.add(s.seriesInstanceUid())) {
                            series.add(s);
                        }
                    }
                    if (!series.isEmpty()) {
                        studies.add(new StudyRecord(st.studyInstanceUid(), st.studyDate(), st.description(), series));
                    }
                }
                if (!studies.isEmpty()) {
                    result.add(new PatientRecord(p.identity(), studies));
                }
            });
            Map<Object, Object> parents = new java.util.HashMap<>();
            for (Object o : result) {
                if (o instanceof PatientRecord p) {
                    for (StudyRecord st : p.studies()) {
                        parents.put(KeyComparer.key(st), p);
                        st.series().forEach(s -> parents.put(KeyComparer.key(s), st));
                    }
                } else if (o instanceof ProblemsNode n) {
                    problemFiles(n.index()).forEach(f -> parents.put(KeyComparer.key(f), n));
                }
            }
            parentOf = parents;
            return result.toArray();
        }

        /** Each listed row's parent (by key), so that a series can be selected and revealed in a folded tree. */
        private volatile Map<Object, Object> parentOf = Map.of();

        @Override
        public Object[] getChildren(Object parent) {
            return switch (parent) {
                case PatientRecord p -> p.studies().toArray();
                case StudyRecord s -> s.series().toArray();
                case ProblemsNode n -> problemFiles(n.index()).toArray();
                default -> new Object[0];
            };
        }

        @Override
        public Object getParent(Object element) {
            return element == null ? null : parentOf.get(KeyComparer.key(element));
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }

    private static List<ProblemFile> problemFiles(DicomIndex index) {
        List<ProblemFile> files = new ArrayList<>();
        for (FileProblem p : index.problems()) {
            files.add(new ProblemFile(p.file(), true, p.problem()));
        }
        for (Path f : org.isocenter.ui.internal.jobs.ImportReport.strayFiles(index)) {
            files.add(new ProblemFile(f, false, Messages.PatientBrowserView_notDicomReason));
        }
        return files;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        PatientSession.get().removeListener(sessionListener);
        EditableStructures.get().removeListener(structuresListener);
        org.isocenter.ui.internal.LoadedPatient.removeListener(closeListener);
        super.dispose();
    }
}
