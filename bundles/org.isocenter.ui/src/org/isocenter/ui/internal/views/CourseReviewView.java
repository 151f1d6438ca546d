/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.igrt.Alert;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.Course;
import org.isocenter.igrt.CourseReview;
import org.isocenter.igrt.Decision;
import org.isocenter.igrt.FractionDecision;
import org.isocenter.igrt.OfflineProtocolStatus;
import org.isocenter.igrt.RecordStore;
import org.isocenter.igrt.RecordStores;
import org.isocenter.igrt.ReferenceCorrection;
import org.isocenter.margin.AxisValues;
import org.isocenter.session.PlanContext;
import org.isocenter.session.SessionListener;
import org.isocenter.session.WorkingSessions;
import org.isocenter.ui.internal.UiErrors;
import org.isocenter.ui.internal.viewer.FusionOpener;
import org.isocenter.ui.internal.viewer.WorkbenchRecords;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * The treatment course of the plan shown (Registration / IGRT perspective): one row per fraction (date, daily image,
 * match, couch correction in IEC 61217 table-top mm and degrees, status against the action levels, decision, user,
 * alerts), the set-up error per patient axis (LR/AP/SI of DICOM LPS, mm) over the fractions with the action-level band
 * and the running mean, the systematic (mean) and random (SD) error, the cumulative imaging dose (mGy), the adaptive
 * alerts, and the offline protocol's state with "Apply to reference". Everything comes from {@link CourseReview}, as
 * {@code course show} prints it. Selecting a fraction fuses its daily image with the planning CT in the Image Viewer.
 */
public final class CourseReviewView extends ViewPart {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final String[] AXES = { "LR", "AP", "SI" };
    private static final int[][] AXIS_RGB = { { 200, 40, 40 }, { 30, 150, 30 }, { 40, 80, 220 } };

    /** Told after this view refreshed (tests wait on it). */
    private static final List<Runnable> REFRESHED = new CopyOnWriteArrayList<>();

    private Label heading, stats, protocol;
    private Button apply;
    private TableViewer fractions, alerts;
    private Chart trend;
    private CourseReview review;
    private String problem;
    private final List<Color> colors = new ArrayList<>();
    private final SessionListener sessionListener = change -> Display.getDefault().asyncExec(this::refresh);
    private final Runnable recordedListener = () -> Display.getDefault().asyncExec(this::refresh);

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Composite top = new Composite(root, SWT.NONE);
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        top.setLayout(new GridLayout(2, false));
        heading = new Label(top, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button refresh = new Button(top, SWT.PUSH);
        refresh.setText(Messages.CourseReviewView_refresh);
        refresh.setToolTipText(Messages.CourseReviewView_refreshTooltip);
        refresh.addListener(SWT.Selection, e -> refresh());

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fractions = table(sash, new String[] { Messages.CourseReviewView_columnFraction, Messages.CourseReviewView_columnDate,
                Messages.CourseReviewView_columnDailyImage, Messages.CourseReviewView_columnMatch,
                Messages.CourseReviewView_columnLat, Messages.CourseReviewView_columnLng, Messages.CourseReviewView_columnVert,
                Messages.CourseReviewView_columnPitch, Messages.CourseReviewView_columnRoll, Messages.CourseReviewView_columnYaw,
                Messages.CourseReviewView_columnStatus, Messages.CourseReviewView_columnDecision,
                Messages.CourseReviewView_columnUser, Messages.CourseReviewView_columnAlerts }, new int[] { 36, 125, 150, 90, 50, 50, 50, 50, 50, 50, 125,
                        80, 70, 200 }, this::fractionText);
        fractions.getTable().setToolTipText(Messages.CourseReviewView_fractionsTooltip);
        fractions.addSelectionChangedListener(e -> {
            if (e.getStructuredSelection().getFirstElement() instanceof FractionDecision d) {
                openFusion(d);
            }
        });
        trend = new Chart(sash, SWT.NONE);
        trend.getTitle().setText(Messages.CourseReviewView_trendTitle);
        trend.getAxisSet().getXAxis(0).getTitle().setText(Messages.CourseReviewView_trendFraction);
        trend.getAxisSet().getYAxis(0).getTitle().setText(Messages.CourseReviewView_trendError);
        trend.addListener(SWT.Resize, e -> { // in the narrow tab the plot needs all the width
            boolean wide = trend.getSize().x >= 560;
            trend.getLegend().setVisible(wide);
            trend.getTitle().setVisible(wide);
        });

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(2, false));
        stats = new Label(bottom, SWT.WRAP);
        stats.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        protocol = new Label(bottom, SWT.WRAP);
        protocol.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        apply = new Button(bottom, SWT.PUSH);
        apply.setText(Messages.CourseReviewView_apply);
        apply.setToolTipText(Messages.CourseReviewView_applyTooltip);
        apply.addListener(SWT.Selection, e -> confirmApply());
        alerts = table(bottom, new String[] { Messages.CourseReviewView_alertColumnFraction,
                Messages.CourseReviewView_alertColumnAlert, Messages.CourseReviewView_alertColumnValue,
                Messages.CourseReviewView_alertColumnThreshold, Messages.CourseReviewView_alertColumnMessage },
                new int[] { 36, 190, 70, 80, 600 }, this::alertText);
        alerts.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        sash.setWeights(new int[] { 40, 32, 28 });

        WorkingSessions.current().addListener(sessionListener);
        WorkbenchRecords.addListener(recordedListener);
        refresh();
    }

    private TableViewer table(Composite parent, String[] titles, int[] widths,
            java.util.function.BiFunction<Object, Integer, String> text) {
        TableViewer v = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        for (int c = 0; c < titles.length; c++) {
            int column = c;
            TableViewerColumn col = new TableViewerColumn(v, SWT.NONE);
            col.getColumn().setText(titles[c]);
            col.getColumn().setWidth(widths[c]);
            col.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text.apply(element, column);
                }
            });
        }
        return v;
    }

    private String fractionText(Object o, int column) {
        FractionDecision d = (FractionDecision) o;
        var c = d.correction();
        return switch (column) {
            case 0 -> Integer.toString(d.fraction());
            case 1 -> DATE.format(d.time());
            case 2 -> FusionOpener.findSeries(d.dailySeriesUid()).map(r -> r.description()).filter(t -> !t.isBlank())
                    .orElse(d.dailySeriesUid());
            case 3 -> d.match();
            case 4 -> mm(c.lateralMm());
            case 5 -> mm(c.longitudinalMm());
            case 6 -> mm(c.verticalMm());
            case 7 -> mm(c.pitchDeg());
            case 8 -> mm(c.rollDeg());
            case 9 -> mm(c.yawDeg());
            case 10 -> d.status();
            case 11 -> d.unmatched() ? NLS.bind(Messages.CourseReviewView_unmatched, d.decision().name()) : d.decision().name();
            case 12 -> d.user();
            default -> String.join(", ", review == null ? List.of() : review.view().alerts().stream()
                    .filter(a -> a.fraction() == d.fraction()).map(Alert::rule).toList());
        };
    }

    private String alertText(Object o, int column) {
        Alert a = (Alert) o;
        return switch (column) {
            case 0 -> Integer.toString(a.fraction());
            case 1 -> a.rule();
            case 2 -> String.format(Locale.ROOT, "%.1f %s", a.value(), a.unit());
            case 3 -> String.format(Locale.ROOT, "%.1f %s", a.threshold(), a.unit());
            default -> a.message();
        };
    }

    private static String mm(double v) {
        return Math.abs(v) < 0.05 ? "0.0" : String.format(Locale.ROOT, "%+.1f", v);
    }

    /** The plan context's plan, if the working session shows one. */
    private static java.util.Optional<PlanContext> context() {
        return WorkingSessions.current().planContext().filter(c -> c.plan() != null);
    }

    /** Reads the course of the plan shown from the record store (in a job) and shows it. */
    public void refresh() {
        if (heading == null || heading.isDisposed()) {
            return;
        }
        var ctx = context();
        if (ctx.isEmpty()) {
            show(null, Messages.CourseReviewView_noPlan);
            return;
        }
        String planUid = ctx.get().planSopInstanceUid();
        String url = WorkbenchRecords.url();
        Job job = Job.create(Messages.CourseReviewView_readJob, (IJobFunction) monitor -> {
            CourseReview r = null;
            String message = null;
            try (RecordStore store = RecordStores.open(url, IsocenterUiPlugin.service(org.isocenter.igrt.AdaptiveRules.class))) {
                var course = store.courseForPlan(planUid);
                if (course.isEmpty()) {
                    message = NLS.bind(Messages.CourseReviewView_noFraction, store.url());
                } else {
                    r = CourseReview.of(store, course.get().id(), RecordStores.home(),
                            IsocenterUiPlugin.service(org.isocenter.margin.MarginRecipes.class),
                            IsocenterUiPlugin.service(org.isocenter.margin.CorrectionProtocols.class));
                }
            } catch (Exception e) {
                message = NLS.bind(Messages.CourseReviewView_cannotRead, url, e.getMessage());
            }
            CourseReview result = r;
            String m = message;
            Display.getDefault().asyncExec(() -> show(result, m));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(CourseReview r, String message) {
        if (heading.isDisposed()) {
            return;
        }
        review = r;
        problem = message;
        if (r == null) {
            heading.setText(message);
            fractions.setInput(List.of());
            alerts.setInput(List.of());
            stats.setText("");
            protocol.setText("");
            apply.setEnabled(false);
            plot(List.of());
        } else {
            Course c = r.view().course();
            heading.setText(NLS.bind(Messages.CourseReviewView_heading, new Object[] { c.patient().id(), c.patient().name(),
                    c.plan().label(), c.site() == null ? Messages.CourseReviewView_noSiteProtocol
                            : NLS.bind(Messages.CourseReviewView_site, c.site()),
                    r.view().fractions().size(), c.prescription().fractions() }));
            fractions.setInput(r.view().fractions());
            alerts.setInput(r.view().alerts());
            var e = r.view().setupError();
            stats.setText(NLS.bind(Messages.CourseReviewView_stats, new Object[] { axes(e.systematicMm()),
                    axes(e.randomMm()), e.fractions(), String.format(Locale.ROOT, "%.0f", r.view().imagingDoseMGy()),
                    String.format(Locale.ROOT, "%.0f", r.imagingDoseLimitMGy()),
                    r.imagingDoseOverLimit() ? Messages.CourseReviewView_pastLimit : "",
                    r.settingsProblem() == null ? "" : NLS.bind(Messages.CourseReviewView_settingsProblem, r.settingsProblem()) }));
            stats.setForeground(r.imagingDoseOverLimit() ? stats.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
            OfflineProtocolStatus p = r.offlineProtocol();
            protocol.setText(p.nextImagedFraction() == null ? p.message()
                    : NLS.bind(Messages.CourseReviewView_nextImaged, p.message(), p.nextImagedFraction()));
            apply.setEnabled(p.pending());
            plot(r.view().fractions());
        }
        heading.getParent().layout(true, true);
        stats.getParent().layout(true, true);
        REFRESHED.forEach(Runnable::run);
    }

    private static String axes(AxisValues v) {
        return v == null ? "—" : NLS.bind(Messages.CourseReviewView_axes, new Object[] { String.format(Locale.ROOT, "%+.1f", v.lr()),
                String.format(Locale.ROOT, "%+.1f", v.ap()), String.format(Locale.ROOT, "%+.1f", v.si()) });
    }

    /** The set-up error per axis over the accepted, matched fractions, with the running mean and the action band. */
    private void plot(List<FractionDecision> decisions) {
        for (ISeries<?> s : trend.getSeriesSet().getSeries()) {
            trend.getSeriesSet().deleteSeries(s.getId());
        }
        List<double[]> points = new ArrayList<>();
        for (FractionDecision d : decisions) {
            if (d.decision() == Decision.ACCEPTED && !d.unmatched()) {
                AxisValues e = d.correction().setupErrorMm(d.position());
                points.add(new double[] { d.fraction(), e.lr(), e.ap(), e.si() });
            }
        }
        double xMax = Math.max(2, decisions.stream().mapToInt(FractionDecision::fraction).max().orElse(1) + 1);
        double yMax = 5;
        for (int a = 0; a < 3; a++) {
            double[] x = new double[points.size()], y = new double[points.size()], mean = new double[points.size()];
            double sum = 0;
            for (int i = 0; i < points.size(); i++) {
                x[i] = points.get(i)[0];
                y[i] = points.get(i)[a + 1];
                sum += y[i];
                mean[i] = sum / (i + 1);
                yMax = Math.max(yMax, Math.abs(y[i]) + 1);
            }
            Color color = color(AXIS_RGB[a]);
            ILineSeries<?> s = (ILineSeries<?>) trend.getSeriesSet().createSeries(ISeries.SeriesType.LINE, AXES[a]);
            s.setXSeries(x);
            s.setYSeries(y);
            s.setLineColor(color);
            s.setSymbolColor(color);
            s.setSymbolType(ILineSeries.PlotSymbolType.CIRCLE);
            ILineSeries<?> m = (ILineSeries<?>) trend.getSeriesSet().createSeries(ISeries.SeriesType.LINE,
                    NLS.bind(Messages.CourseReviewView_meanSeries, AXES[a]));
            m.setXSeries(x);
            m.setYSeries(mean);
            m.setLineColor(color);
            m.setLineStyle(LineStyle.DASH);
            m.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        }
        double action = actionLevelMm();
        for (int sign : new int[] { 1, -1 }) {
            ILineSeries<?> band = (ILineSeries<?>) trend.getSeriesSet().createSeries(ISeries.SeriesType.LINE,
                    sign > 0 ? Messages.CourseReviewView_actionLevelAbove : Messages.CourseReviewView_actionLevelBelow);
            band.setXSeries(new double[] { 0, xMax });
            band.setYSeries(new double[] { sign * action, sign * action });
            band.setLineColor(trend.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            band.setLineStyle(LineStyle.DOT);
            band.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        }
        trend.getAxisSet().getXAxis(0).setRange(new Range(0, xMax));
        trend.getAxisSet().getYAxis(0).setRange(new Range(-Math.max(yMax, action + 1), Math.max(yMax, action + 1)));
        trend.redraw();
    }

    private static double actionLevelMm() {
        try {
            return ClinicSettings.load().limits().actionLevelMm();
        } catch (Exception e) {
            return ClinicSettings.DEFAULT.limits().actionLevelMm();
        }
    }

    private Color color(int[] rgb) {
        Color c = new Color(rgb[0], rgb[1], rgb[2]);
        colors.add(c);
        return c;
    }

    private void openFusion(FractionDecision d) {
        if (review == null) {
            return;
        }
        String message = FusionOpener.open(getSite().getPage(), review.view().course().referenceSeriesUid(),
                d.dailySeriesUid());
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    private void confirmApply() {
        if (review == null || !review.offlineProtocol().pending()) {
            return;
        }
        OfflineProtocolStatus p = review.offlineProtocol();
        int from = nextFraction();
        if (MessageDialog.openConfirm(apply.getShell(), Messages.CourseReviewView_applyTitle,
                NLS.bind(Messages.CourseReviewView_applyQuestion, new Object[] { p.protocol(), axes(p.proposedMm()),
                        p.imagedFractionsUsed(), from }))) {
            applyProposal();
        }
    }

    private int nextFraction() {
        return review.view().fractions().stream().mapToInt(FractionDecision::fraction).max().orElse(0) + 1;
    }

    /** Records the offline protocol's pending proposal as the reference correction from the next fraction. */
    public String applyProposal() {
        OfflineProtocolStatus p = review.offlineProtocol();
        Course c = review.view().course();
        String message;
        try (RecordStore store = RecordStores.open(WorkbenchRecords.url(),
                IsocenterUiPlugin.service(org.isocenter.igrt.AdaptiveRules.class))) {
            ReferenceCorrection r = store.applyReferenceCorrection(new ReferenceCorrection(0, c.id(), nextFraction(),
                    p.protocol(), p.proposedMm(), p.imagedFractionsUsed(), System.getProperty("user.name", "unknown"),
                    java.time.Instant.now(), "applied in the workbench"));
            message = NLS.bind(Messages.CourseReviewView_referenceCorrected, axes(r.correctionMm()), r.fromFraction());
        } catch (Exception e) {
            message = NLS.bind(Messages.CourseReviewView_notRecorded, e.getMessage());
            UiErrors.show(apply.getShell(), Messages.CourseReviewView_applyTitle, message, e);
        }
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
        refresh();
        return message;
    }

    /** The review shown (null when none), and why none. */
    public CourseReview review() {
        return review;
    }

    public String problem() {
        return problem;
    }

    /** The fractions table (one row per fraction). */
    public org.eclipse.swt.widgets.Table fractionsTable() {
        return fractions.getTable();
    }

    /** The alerts table. */
    public org.eclipse.swt.widgets.Table alertsTable() {
        return alerts.getTable();
    }

    public static void addRefreshListener(Runnable r) {
        REFRESHED.add(r);
    }

    public static void removeRefreshListener(Runnable r) {
        REFRESHED.remove(r);
    }

    @Override
    public void setFocus() {
        fractions.getControl().setFocus();
    }

    @Override
    public void dispose() {
        WorkingSessions.current().removeListener(sessionListener);
        WorkbenchRecords.removeListener(recordedListener);
        colors.forEach(Color::dispose);
        super.dispose();
    }
}
