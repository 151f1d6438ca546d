/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.core.dose.DoseGrid;
import org.isocenter.core.progress.CancelledException;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.dose.DoseMetrics;
import org.isocenter.dose.DoseVolumeHistogram;
import org.isocenter.dose.DvhCalculator;
import org.isocenter.session.PlanContext;
import org.isocenter.session.SessionListener;
import org.isocenter.session.WorkingSessions;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.jobs.EclipseProgress;

/**
 * DVH: cumulative dose-volume histograms (x: dose in Gy, y: volume in % of the part inside the dose grid) of the
 * structures checked in a checklist of the structure set being edited ({@link EditableStructures}), on the RT Dose
 * loaded with the viewed image, drawn in the structures' colours (SWTChart), with a metrics table (volume cc,
 * Dmin / Dmean / Dmax, D98 / D95 / D50 / D2 in Gy, V(x Gy) in % and cc for a dose x the user enters). The
 * histograms come from {@link DvhCalculator} in an Eclipse job (debounced, progress in the Progress view); only
 * structures that changed since their last computation are computed again. Messages say when no dose is loaded,
 * when the dose is relative, and how much of a structure lies outside the dose grid.
 */
public final class DvhView extends ViewPart {

    /** Edits arriving within this time (ms) are computed together. */
    public static final int DEBOUNCE_MS = 300;
    /** At most this many points per drawn curve. */
    static final int CURVE_POINTS = 600;
    private static final Set<String> DEFAULT_UNCHECKED_TYPES = Set.of("EXTERNAL", "SUPPORT", "MARKER", "ISOCENTER",
            "BOLUS", "CONTROL");

    private final EditableStructures session = EditableStructures.get();
    private final Runnable sessionListener = () -> Display.getDefault().asyncExec(this::refresh);
    /** The plan context (dose, prescription) changed: shown again. */
    private final SessionListener contextListener = change -> {
        if (change != SessionListener.Change.IMPORTED) {
            Display.getDefault().asyncExec(this::refresh);
        }
    };
    private final DvhCalculator calculator = new DvhCalculator();

    private Table checklist;
    private Chart chart;
    private Label readout, message;
    private Text vxDose;
    private org.eclipse.swt.widgets.Button percentToggle;
    private org.eclipse.swt.widgets.Button exportButton;
    /** Dose axis in % of the prescription (else Gy). */
    private boolean percent;
    private Table metrics;
    private final List<Image> swatches = new ArrayList<>();

    /** Histograms per structure version (identity: an edit makes a new Roi), for {@link #cachedDose}. */
    private final Map<Roi, DoseVolumeHistogram> cache = new IdentityHashMap<>();
    private final Map<Roi, String> problems = new IdentityHashMap<>();
    private DoseGrid cachedDose;
    private final Set<Integer> checked = new HashSet<>();
    private final Set<Integer> known = new HashSet<>();
    private StructureSet listedSet;
    private final Map<String, DoseVolumeHistogram> shown = new LinkedHashMap<>();
    private Job job;
    private int generation;
    /** What the shown curves were drawn for (identity), so that display-only changes redraw nothing. */
    private StructureSet shownSet;
    private DoseGrid shownDose;
    private Set<Integer> shownChecked = Set.of();
    private StructureSet jobSet;
    private Set<Integer> jobChecked = Set.of();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        SashForm outer = new SashForm(parent, SWT.VERTICAL);
        outer.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm top = new SashForm(outer, SWT.HORIZONTAL);
        checklist = new Table(top, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
        checklist.setToolTipText(Messages.DvhView_checklistTooltip);
        checklist.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item && item.getData() instanceof Integer number) {
                if (item.getChecked()) {
                    checked.add(number);
                } else {
                    checked.remove(number);
                }
                refresh();
            }
        });
        Composite chartArea = new Composite(top, SWT.NONE);
        GridLayout cl = new GridLayout(1, false);
        cl.marginWidth = cl.marginHeight = 0;
        chartArea.setLayout(cl);
        chart = new Chart(chartArea, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.getTitle().setVisible(false);
        chart.getLegend().setVisible(false);
        chart.getAxisSet().getXAxis(0).getTitle().setText(Messages.DvhView_doseAxis);
        chart.getAxisSet().getYAxis(0).getTitle().setText(Messages.DvhView_volumeAxis);
        chart.getAxisSet().getXAxis(0).setRange(new Range(0, 1));
        chart.getAxisSet().getYAxis(0).setRange(new Range(0, 105));
        chart.getPlotArea().addMouseMoveListener(e -> readout(e.x, e.y));
        readout = new Label(chartArea, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        readout.setText(Messages.DvhView_readoutHint);
        top.setWeights(22, 78);

        Composite bottom = new Composite(outer, SWT.NONE);
        GridLayout bl = new GridLayout(5, false); // V(x) label and field, % toggle, Export, filler; message; table
        bl.marginWidth = bl.marginHeight = 0;
        bottom.setLayout(bl);
        new Label(bottom, SWT.NONE).setText(Messages.DvhView_vxLabel);
        vxDose = new Text(bottom, SWT.BORDER | SWT.RIGHT);
        vxDose.setText("20");
        vxDose.setLayoutData(new GridData(60, SWT.DEFAULT));
        vxDose.setToolTipText(Messages.DvhView_vxTooltip);
        vxDose.addListener(SWT.Modify, e -> fillMetrics());
        percentToggle = new org.eclipse.swt.widgets.Button(bottom, SWT.CHECK);
        percentToggle.setText(Messages.DvhView_percentToggle);
        percentToggle.setToolTipText(Messages.DvhView_percentToggleTooltip);
        percentToggle.addListener(SWT.Selection, e -> setPercentOfPrescription(percentToggle.getSelection()));
        exportButton = new org.eclipse.swt.widgets.Button(bottom, SWT.PUSH);
        exportButton.setText(Messages.DvhView_exportCsv);
        exportButton.setToolTipText(Messages.DvhView_exportCsvTooltip);
        exportButton.addListener(SWT.Selection, e -> exportWithDialog());
        new Label(bottom, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message = new Label(bottom, SWT.WRAP);
        GridData md = new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1); // a line of its own under the controls
        md.widthHint = 100; // wraps to the view's width
        md.exclude = true; // no message: the line takes no room
        message.setLayoutData(md);
        message.setVisible(false);
        metrics = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        metrics.setHeaderVisible(true);
        metrics.setLinesVisible(true);
        metrics.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        String[][] columns = { { Messages.DvhView_columnStructure, "130" }, { Messages.DvhView_columnVolume, "85" },
                { "Dmin (Gy)", "75" }, { "Dmean (Gy)", "80" }, { "Dmax (Gy)", "75" }, { "D98 (Gy)", "70" },
                { "D95 (Gy)", "70" }, { "D50 (Gy)", "70" }, { "D2 (Gy)", "70" }, { "V(x) (%)", "80" }, { "V(x) (cc)", "80" },
                { Messages.DvhView_columnOutside, "115" } };
        for (String[] c : columns) {
            TableColumn col = new TableColumn(metrics, c == columns[0] ? SWT.LEFT : SWT.RIGHT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        new TableColumn(metrics, SWT.LEFT).setWidth(10); // filler: GTK stretches the last column
        outer.setWeights(62, 38);
        // a wide, low view (the folder below the image viewer) puts the metrics beside the chart, a tall one below
        parent.addListener(SWT.Resize, e -> {
            keepMetricsRows();
            var size = parent.getSize();
            int orientation = size.x > 2.2 * size.y ? SWT.HORIZONTAL : SWT.VERTICAL;
            if (outer.getOrientation() != orientation) {
                outer.setOrientation(orientation);
                outer.setWeights(orientation == SWT.HORIZONTAL ? new int[] { 55, 45 } : new int[] { 62, 38 });
            }
        });

        session.addListener(sessionListener);
        WorkingSessions.current().addListener(contextListener);
        refresh();
    }

    // ---- inputs ---------------------------------------------------------------------------------------------

    /** The RT Dose of the working session's plan context when it is the structures' image, null when none. */
    private DoseGrid dose() {
        return WorkingSessions.current().planContext()
                .filter(c -> session.isLoaded() && c.image() == session.image())
                .map(PlanContext::dose).orElse(null);
    }

    /** Rebuilds the checklist when the structure set changed, and computes what is missing (debounced job). */
    void refresh() {
        if (checklist == null || checklist.isDisposed()) {
            return;
        }
        StructureSet set = session.set();
        updateChecklist(set);
        DoseGrid dose = dose();
        if (dose != cachedDose) {
            cache.clear();
            problems.clear();
            cachedDose = dose;
        }
        if (set == null || dose == null) {
            boolean computing = job != null; // its "computing" message goes too (the patient closed meanwhile)
            cancelJob();
            if (computing || set != shownSet || dose != shownDose || generation == 0) {
                showResults(set, dose);
            }
            return;
        }
        Set<Roi> current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(set.rois());
        cache.keySet().retainAll(current);
        problems.keySet().retainAll(current);
        List<Roi> missing = wanted(set).stream().filter(r -> !cache.containsKey(r) && !problems.containsKey(r)).toList();
        if (missing.isEmpty() && job == null && set == shownSet && dose == shownDose && checked.equals(shownChecked)) {
            return; // display-only change (selection, visibility, a stroke being drawn): the curves stand
        }
        if (job != null && set == jobSet && checked.equals(jobChecked)) {
            return; // being computed for this set and these checks
        }
        cancelJob();
        if (missing.isEmpty()) {
            showResults(set, dose);
            return;
        }
        showMessage(NLS.bind(Messages.DvhView_computing, String.join(", ", missing.stream().map(Roi::name).toList())));
        Job j = computeJob(set, missing, dose);
        job = j;
        jobSet = set;
        jobChecked = Set.copyOf(checked);
        j.schedule(DEBOUNCE_MS);
    }

    private void cancelJob() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    /** The checked structures that have contours, in the set's order. */
    private List<Roi> wanted(StructureSet set) {
        return set.rois().stream().filter(r -> checked.contains(r.number()) && !r.contours().isEmpty()).toList();
    }

    private Job computeJob(StructureSet set, List<Roi> rois, DoseGrid dose) {
        Job j = new Job(NLS.bind(rois.size() == 1 ? Messages.DvhView_jobOne : Messages.DvhView_jobMany, rois.size())) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Map<Roi, DoseVolumeHistogram> done = new IdentityHashMap<>();
                Map<Roi, String> failed = new IdentityHashMap<>();
                SubMonitor sub = SubMonitor.convert(monitor, getName(), rois.size());
                IStatus status = Status.OK_STATUS;
                try {
                    for (Roi r : rois) {
                        if (monitor.isCanceled()) {
                            throw new CancelledException();
                        }
                        sub.subTask(r.name());
                        try {
                            // a SubMonitor child: the calculator may begin several tasks on it
                            done.put(r, calculator.calculate(set, r, dose, new EclipseProgress(sub.newChild(1))));
                        } catch (CancelledException e) {
                            throw e;
                        } catch (RuntimeException e) { // refused (outside the grid, no closed contour) or failed
                            failed.put(r, e.getMessage() == null ? e.toString() : e.getMessage());
                        }
                    }
                } catch (CancelledException e) {
                    status = Status.CANCEL_STATUS;
                } finally {
                    monitor.done();
                }
                Job self = this;
                Display.getDefault().asyncExec(() -> finished(self, dose, done, failed));
                return status;
            }
        };
        j.setUser(false); // progress in the Progress view, no modal dialog
        j.setPriority(Job.SHORT);
        return j;
    }

    /** A job's results (also a cancelled job's finished structures) join the cache; the current job's are shown. */
    private void finished(Job j, DoseGrid dose, Map<Roi, DoseVolumeHistogram> done, Map<Roi, String> failed) {
        if (checklist.isDisposed() || dose != cachedDose) {
            return;
        }
        cache.putAll(done);
        problems.putAll(failed);
        if (j == job) {
            job = null;
            shownSet = null; // new results: draw again
            refresh();
        }
    }

    private void updateChecklist(StructureSet set) {
        if (set == listedSet) {
            return;
        }
        if (set == null || listedSet == null || !set.frameOfReferenceUid().equals(listedSet.frameOfReferenceUid())
                || session.image() == null) {
            checked.clear();
            known.clear();
        }
        listedSet = set;
        checklist.removeAll();
        swatches.forEach(Image::dispose);
        swatches.clear();
        if (set == null) {
            return;
        }
        for (Roi r : set.rois()) {
            if (known.add(r.number()) && !DEFAULT_UNCHECKED_TYPES.contains(r.interpretedType())) {
                checked.add(r.number()); // structures seen for the first time are drawn unless BODY-like
            }
            TableItem item = new TableItem(checklist, SWT.NONE);
            item.setText(r.contours().isEmpty() ? NLS.bind(Messages.DvhView_noContours, r.name()) : r.name());
            item.setData(r.number());
            item.setChecked(checked.contains(r.number()));
            item.setImage(swatch(r.colorRgb()));
        }
    }

    private Image swatch(int[] rgb) {
        Display d = checklist.getDisplay();
        Image image = new Image(d, 12, 12);
        GC gc = new GC(image);
        gc.setBackground(new Color(rgb[0], rgb[1], rgb[2]));
        gc.fillRectangle(0, 0, 12, 12);
        gc.setForeground(d.getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawRectangle(0, 0, 11, 11);
        gc.dispose();
        swatches.add(image);
        return image;
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private void showResults(StructureSet set, DoseGrid dose) {
        shownSet = set;
        shownDose = dose;
        shownChecked = Set.copyOf(checked);
        shown.clear();
        List<String> notes = new ArrayList<>();
        if (set == null) {
            notes.add(Messages.DvhView_noStructures);
        } else if (dose == null) {
            notes.add(Messages.DvhView_noDose);
        } else {
            if (!dose.units().equalsIgnoreCase("GY")) {
                notes.add(NLS.bind(Messages.DvhView_relativeDose, dose.units()));
            }
            for (Roi r : wanted(set)) {
                DoseVolumeHistogram h = cache.get(r);
                if (h != null) {
                    shown.put(r.name(), h);
                    if (h.partlyOutsideDoseGrid()) {
                        notes.add(NLS.bind(Messages.DvhView_outsideGrid, new Object[] { r.name(),
                                format(h.outsideDoseGridCc(), 2), format(h.structureVolumeCc(), 2) }));
                    }
                } else if (problems.containsKey(r)) {
                    notes.add(NLS.bind(Messages.DvhView_structureProblem, r.name(), problems.get(r)));
                }
            }
            if (wanted(set).isEmpty()) {
                notes.add(Messages.DvhView_checkStructures);
            }
        }
        drawCurves(set, dose);
        fillMetrics();
        showMessage(String.join("\n", notes));
        generation++;
    }

    private void drawCurves(StructureSet set, DoseGrid dose) {
        chart.suspendUpdate(true);
        try {
            for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
                chart.getSeriesSet().deleteSeries(s.getId());
            }
            boolean relative = dose != null && !dose.units().equalsIgnoreCase("GY");
            double rx = prescriptionGy();
            double scale = percentShown() ? 100.0 / rx : 1.0;
            chart.getAxisSet().getXAxis(0).getTitle().setText(percentShown()
                    ? NLS.bind(Messages.DvhView_doseAxisPercent, format(rx, 2))
                    : relative ? NLS.bind(Messages.DvhView_doseAxisRelative, dose.units()) : Messages.DvhView_doseAxis);
            double maxDose = 0;
            for (Map.Entry<String, DoseVolumeHistogram> e : shown.entrySet()) {
                DoseVolumeHistogram h = e.getValue();
                Roi roi = set.roi(e.getKey()).orElseThrow();
                double[][] xy = curve(h);
                for (int k = 0; k < xy[0].length; k++) {
                    xy[0][k] *= scale;
                }
                ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(ISeries.SeriesType.LINE, e.getKey());
                line.setDescription(e.getKey());
                line.setXSeries(xy[0]);
                line.setYSeries(xy[1]);
                line.setSymbolType(ILineSeries.PlotSymbolType.NONE);
                line.setLineStyle(LineStyle.SOLID);
                line.setLineWidth(2);
                line.setAntialias(SWT.ON);
                int[] c = roi.colorRgb();
                line.setLineColor(new Color(c[0], c[1], c[2]));
                maxDose = Math.max(maxDose, h.maxDose() * scale);
            }
            if (!relative && rx > 0 && !shown.isEmpty()) { // the prescription as a dashed vertical line
                double at = rx * scale;
                ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(ISeries.SeriesType.LINE,
                        PRESCRIPTION_SERIES);
                line.setDescription(NLS.bind(Messages.DvhView_prescriptionLine, format(rx, 2)));
                line.setXSeries(new double[] { at, at });
                line.setYSeries(new double[] { 0, 105 });
                line.setSymbolType(ILineSeries.PlotSymbolType.NONE);
                line.setLineStyle(LineStyle.DASH);
                line.setLineWidth(1);
                line.setLineColor(chart.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                maxDose = Math.max(maxDose, at);
            }
            chart.getAxisSet().getXAxis(0).setRange(new Range(0, maxDose > 0 ? maxDose * 1.05 : 1));
            chart.getAxisSet().getYAxis(0).setRange(new Range(0, 105));
        } finally {
            chart.suspendUpdate(false);
        }
        chart.redraw();
    }

    /** The cumulative DVH (% of the volume inside the grid) at bin edges up to just past the maximum dose. */
    static double[][] curve(DoseVolumeHistogram h) {
        double[] percent = h.cumulativePercent();
        int lastEdge = Math.min(percent.length - 1, (int) Math.ceil(h.maxDose() / h.binWidth()) + 1);
        int every = Math.max(1, (int) Math.ceil(lastEdge / (double) (CURVE_POINTS - 1)));
        List<double[]> points = new ArrayList<>();
        for (int b = 0; b <= lastEdge; b += every) {
            points.add(new double[] { b * h.binWidth(), percent[b] });
        }
        if ((lastEdge % every) != 0) {
            points.add(new double[] { lastEdge * h.binWidth(), percent[lastEdge] });
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    private void fillMetrics() {
        if (metrics == null || metrics.isDisposed()) {
            return;
        }
        double x = vxDose();
        String unit = cachedDose != null && !cachedDose.units().equalsIgnoreCase("GY") ? "rel" : "Gy";
        String[] names = { "Dmin", "Dmean", "Dmax", "D98", "D95", "D50", "D2" };
        for (int i = 0; i < names.length; i++) {
            metrics.getColumn(2 + i).setText(names[i] + " (" + unit + ")");
        }
        String xText = Double.isNaN(x) ? "x" : (x == Math.rint(x) ? format(x, 0) : format(x, 2)) + " " + unit;
        metrics.getColumn(9).setText("V(" + xText + ") (%)");
        metrics.getColumn(10).setText("V(" + xText + ") (cc)");
        metrics.removeAll();
        for (Map.Entry<String, DoseVolumeHistogram> e : shown.entrySet()) {
            TableItem item = new TableItem(metrics, SWT.NONE);
            item.setText(row(e.getValue(), x));
        }
        for (int i = 0; i < metrics.getColumnCount() - 1; i++) { // headers and values readable; the filler stays
            TableColumn c = metrics.getColumn(i);
            int before = c.getWidth();
            c.pack();
            c.setWidth(Math.max(c.getWidth(), Math.min(before, 60)));
        }
    }

    private static String[] row(DoseVolumeHistogram h, double x) {
        DoseMetrics m = h.metrics();
        boolean vx = !Double.isNaN(x);
        return new String[] { m.structureName(), format(m.structureVolumeCc(), 2), format(m.minDose(), 2),
                format(m.meanDose(), 2), format(m.maxDose(), 2), format(m.d98(), 2), format(m.d95(), 2), format(m.d50(), 2),
                format(m.d2(), 2), vx ? format(h.volumePercentAtDose(x), 1) : "", vx ? format(h.volumeCcAtDose(x), 2) : "",
                format(m.outsideDoseGridCc(), 2), "" };
    }

    private static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The V(x) dose typed in (Gy), NaN when it is not a number of 0 or more. */
    private double vxDose() {
        try {
            double v = Double.parseDouble(vxDose.getText().trim().replace(',', '.'));
            return v >= 0 && Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The mouse-over readout: dose and volume under the cursor, and each curve's volume at that dose. */
    private void readout(int px, int py) {
        IAxis xAxis = chart.getAxisSet().getXAxis(0), yAxis = chart.getAxisSet().getYAxis(0);
        double d = xAxis.getDataCoordinate(px), v = yAxis.getDataCoordinate(py);
        String unit = cachedDose != null && !cachedDose.units().equalsIgnoreCase("GY") ? " rel" : " Gy";
        StringBuilder b = new StringBuilder();
        String percentOfPrescription = null;
        if (percentShown()) { // the cursor in % of the prescription, the volumes at the dose it stands for
            percentOfPrescription = format(d, 1);
            d = d * prescriptionGy() / 100.0;
        }
        String cursor = NLS.bind(Messages.DvhView_cursor, new Object[] { format(d, 2), unit, format(v, 1) });
        b.append(percentOfPrescription == null ? cursor
                : NLS.bind(Messages.DvhView_cursorPercent, percentOfPrescription, cursor));
        final double dose = d;
        if (dose >= 0) {
            shown.forEach((name, h) -> b.append(NLS.bind(Messages.DvhView_cursorVolume, new Object[] { name,
                    format(dose, 2), unit, format(h.volumePercentAtDose(dose), 1) })));
        }
        readout.setText(b.toString());
        readout.setToolTipText(b.toString()); // the whole line when the view is narrow
    }

    // ---- prescription, export ---------------------------------------------------------------------------------

    /** The id of the prescription line's chart series. */
    public static final String PRESCRIPTION_SERIES = "Prescription";

    /**
     * The plan's prescription dose (Gy): the first target prescription of the plan loaded with the viewed image
     * ({@link org.isocenter.core.plan.Prescription#targetPrescriptionDoseGy()}), NaN when there is no plan or none
     * is stated.
     */
    public double prescriptionGy() {
        return WorkingSessions.current().planContext().map(PlanContext::prescriptionGy).orElse(Double.NaN);
    }

    /** Whether the dose axis shows % of the prescription (asked for, a prescription known, the dose in Gy). */
    public boolean percentShown() {
        return percent && prescriptionGy() > 0
                && (cachedDose == null || cachedDose.units().equalsIgnoreCase("GY"));
    }

    /** The Gy / % of prescription toggle (as a click on it does). */
    public void setPercentOfPrescription(boolean on) {
        percent = on;
        if (!percentToggle.isDisposed() && percentToggle.getSelection() != on) {
            percentToggle.setSelection(on);
        }
        if (on && !(prescriptionGy() > 0)) {
            showMessage(Messages.DvhView_noPrescription);
        }
        drawCurves(shownSet, shownDose);
    }

    /** Asks for a file and saves the CSV there. */
    private void exportWithDialog() {
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(chart.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.csv", "*" });
        d.setFileName("dvh.csv");
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        try {
            exportCsv(java.nio.file.Path.of(f));
            showMessage(NLS.bind(Messages.DvhView_saved, f));
        } catch (java.io.IOException e) {
            showMessage(NLS.bind(Messages.DvhView_notSaved, e.getMessage()));
        }
    }

    /**
     * Saves the metrics table and the drawn curves as CSV (atomically: a complete, verified file or none): a header
     * block (patient's structure set, prescription), one row per structure with the table's columns, then the curves
     * as "structure,dose_gy,dose_percent_of_prescription,volume_percent" rows.
     */
    public void exportCsv(java.nio.file.Path file) throws java.io.IOException {
        String csv = csv();
        org.isocenter.core.io.AtomicFiles.replace(file,
                tmp -> java.nio.file.Files.writeString(tmp, csv, java.nio.charset.StandardCharsets.UTF_8),
                tmp -> {
                    if (!java.nio.file.Files.readString(tmp, java.nio.charset.StandardCharsets.UTF_8).equals(csv)) {
                        throw new java.io.IOException(Messages.DvhView_readBackDiffers);
                    }
                });
    }

    /** The CSV text {@link #exportCsv} writes. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        double rx = prescriptionGy();
        String unit = cachedDose != null && !cachedDose.units().equalsIgnoreCase("GY") ? "rel" : "Gy";
        b.append("# Isocenter DVH export\n");
        b.append("# dose unit,").append(unit).append('\n');
        b.append("# prescription Gy,").append(rx > 0 ? format(rx, 3) : "").append('\n');
        b.append("# V(x) dose,").append(vxDose.getText().trim()).append('\n');
        List<String> headers = metricsHeaders();
        b.append(String.join(",", headers.subList(0, headers.size() - 1).stream().map(DvhView::csvField).toList()))
                .append('\n');
        for (TableItem item : metrics.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < metrics.getColumnCount() - 1; i++) {
                cells.add(csvField(item.getText(i)));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        b.append('\n').append("structure,dose_").append(unit.toLowerCase(Locale.ROOT))
                .append(",dose_percent_of_prescription,volume_percent\n");
        for (Map.Entry<String, DoseVolumeHistogram> e : shown.entrySet()) {
            double[][] xy = curve(e.getValue());
            for (int i = 0; i < xy[0].length; i++) {
                b.append(csvField(e.getKey())).append(',').append(format(xy[0][i], 4)).append(',')
                        .append(rx > 0 ? format(100 * xy[0][i] / rx, 2) : "").append(',').append(format(xy[1][i], 3))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---- for tests ------------------------------------------------------------------------------------------

    /** The structures in the checklist, in order. */
    public List<String> structureNames() {
        return listedSet == null ? List.of() : listedSet.rois().stream().map(Roi::name).toList();
    }

    public boolean isChecked(String name) {
        return listedSet != null && listedSet.roi(name).map(r -> checked.contains(r.number())).orElse(false);
    }

    /** Checks or unchecks a structure as a click in the checklist does. */
    public void setChecked(String name, boolean check) {
        Roi r = listedSet.roi(name).orElseThrow(() -> new IllegalArgumentException("no structure " + name));
        for (TableItem item : checklist.getItems()) {
            if (Integer.valueOf(r.number()).equals(item.getData())) {
                item.setChecked(check);
            }
        }
        if (check) {
            checked.add(r.number());
        } else {
            checked.remove(r.number());
        }
        refresh();
    }

    /** The histogram drawn for a structure, if any. */
    public Optional<DoseVolumeHistogram> histogram(String name) {
        return Optional.ofNullable(shown.get(name));
    }

    /** The names of the drawn curves (chart series). */
    public List<String> curveNames() {
        List<String> names = new ArrayList<>();
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            if (!s.getId().equals(PRESCRIPTION_SERIES)) {
                names.add(s.getId());
            }
        }
        return names;
    }

    /** The points (dose, volume %) of a drawn curve. */
    public double[][] curvePoints(String name) {
        ISeries<?> s = chart.getSeriesSet().getSeries(name);
        return s == null ? null : new double[][] { s.getXSeries(), s.getYSeries() };
    }

    /** The metrics table's row of a structure (texts as shown), null when none. */
    public String[] metricsRow(String name) {
        for (TableItem item : metrics.getItems()) {
            if (item.getText(0).equals(name)) {
                String[] texts = new String[metrics.getColumnCount()];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = item.getText(i);
                }
                return texts;
            }
        }
        return null;
    }

    /** The metrics table's column headers. */
    public List<String> metricsHeaders() {
        List<String> h = new ArrayList<>();
        for (TableColumn c : metrics.getColumns()) {
            h.add(c.getText());
        }
        return h;
    }

    /** Types the dose x (Gy) of the V(x) columns. */
    public void setVolumeAtDose(double gy) {
        vxDose.setText(format(gy, 2));
    }

    /** The mouse-over readout under the chart. */
    public String readoutText() {
        return readout.getText();
    }

    /**
     * Shows {@code text} on the line under the controls (it wraps to the view's width) and lays the view out again;
     * an empty text hides the line, so that it takes no room from the metrics table.
     */
    private void showMessage(String text) {
        message.setText(text);
        boolean none = text.isEmpty();
        ((GridData) message.getLayoutData()).exclude = none;
        message.setVisible(!none);
        keepMetricsRows();
        message.getParent().layout();
    }

    /**
     * The metrics table is never squeezed below its header and three rows (the view clips it instead): GTK 3 cannot
     * fit a table's scrollbars into less (a table of this kind 1 to 84 px high made it log "gtk_box_gadget_distribute:
     * assertion 'size >= 0' failed in GtkScrollbar"), which the view below the image viewer at 1280x800 reached with
     * a message of two lines. Set before each layout: the header's height is known once the table is realised.
     */
    private void keepMetricsRows() {
        ((GridData) metrics.getLayoutData()).minimumHeight = metrics.getHeaderHeight() + 3 * metrics.getItemHeight()
                + 2 * metrics.getBorderWidth();
    }

    /** The metrics table (one row per checked structure). */
    public Table metricsTable() {
        return metrics;
    }

    /** Whether the message line is laid out and shown (it is left out while there is no message). */
    public boolean messageShown() {
        return message.getVisible() && !((GridData) message.getLayoutData()).exclude;
    }

    /** The message line (no dose, relative dose, outside the grid, computing). */
    public String messageText() {
        return message.getText();
    }

    /** Whether the shown curves are those of the current structure set and checks (no computation pending). */
    public boolean isUpToDate() {
        return job == null && listedSet == session.set();
    }

    /** Counts result updates (tests wait on it). */
    public int generation() {
        return generation;
    }

    /** The chart (tests, screenshots). */
    public Chart chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        checklist.setFocus();
    }

    @Override
    public void dispose() {
        session.removeListener(sessionListener);
        WorkingSessions.current().removeListener(contextListener);
        cancelJob();
        swatches.forEach(Image::dispose);
        swatches.clear();
        super.dispose();
    }
}
