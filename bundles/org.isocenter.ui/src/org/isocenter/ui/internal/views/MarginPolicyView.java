/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.isocenter.margin.Axis;
import org.isocenter.margin.AxisValues;
import org.isocenter.margin.CorrectionProtocols;
import org.isocenter.margin.ErrorBudget;
import org.isocenter.margin.MarginRecipe;
import org.isocenter.margin.MarginRecipes;
import org.isocenter.margin.MarginReport;
import org.isocenter.margin.PopulationStatistics;
import org.isocenter.margin.ShiftCsv;
import org.isocenter.margin.SiteProtocol;
import org.isocenter.margin.SiteProtocols;
import org.isocenter.contour.Margins;
import org.isocenter.contour.StructureStatistics;
import org.isocenter.core.structure.Contour;
import org.isocenter.core.structure.Roi;
import org.isocenter.core.structure.StructureRoles;
import org.isocenter.core.structure.RoiSlabs;
import org.isocenter.core.structure.StructureSet;
import org.isocenter.ui.IsocenterUi;
import org.isocenter.ui.internal.contouring.ContouringJobs;
import org.isocenter.ui.internal.contouring.ContouringMessages;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.StructureRecipe;
import org.isocenter.ui.internal.UiErrors;
import org.isocenter.ui.internal.IsocenterUiPlugin;

/**
 * Margin Policy: choose a site protocol (or recipe, correction protocol and fractions), enter the set-up
 * errors Σ and σ per axis (mm) or import measured shifts (CSV), and see the error budget, the residuals the
 * protocol leaves and the CTV-to-PTV margin per axis with its formula. Computations run in a job.
 * <p>
 * PTV preview: a target (a CTV, GTV or ITV of the structure set being edited, {@link EditableStructures}) grown by
 * the margins per axis (right = left = LR, anterior = posterior = AP, inferior = superior = SI) through the contour
 * bundle's exact {@code StructureMargins} on the image's slices, in a job, shown as the structure set's preview
 * outline on the Image Viewer's MPR views with its volume and the target's (cc). It follows the margins and the
 * target's edits, and is removed when unchecked, when the view closes and when the patient closes (or another
 * preview replaces it). "Add as structure" adds it to the edited set as one undoable step.
 */
public final class MarginPolicyView extends ViewPart {

    /** Why there is no PTV preview (cleared once targets are there again). */
    private static final String NO_TARGET = Messages.MarginPolicyView_noTarget;
    private static final String NO_STRUCTURE_SET = Messages.MarginPolicyView_noStructureSet;


    private Combo site, recipe;
    private Text source;
    /** The correction protocol: its kind and up to two parameters, which build the protocol spec ({@link #protocolSpec()}). */
    private Combo protocolKind;
    private Spinner protocolP1, protocolP2;
    private Label actionLevel;
    /** Whether the user set Fractions (then the loaded plan's fraction count no longer replaces it). */
    private boolean fractionsTouched;
    private Spinner fractions;
    private final Text[] systematic = new Text[3], random = new Text[3];
    private Table table;
    private Label formula, warnings;
    private volatile MarginReport lastReport;

    private final EditableStructures session = EditableStructures.get();
    private final Runnable sessionListener = () -> Display.getDefault().asyncExec(this::sessionChanged);
    private ScrolledComposite scroll;
    private Combo target;
    private List<Roi> targets = List.of();
    private StructureSet listedSet;
    private Button previewCheck, addButton;
    private Label previewStatus;
    private Job previewJob;
    private int previewRequest;
    /** The preview this view set on the session (null: none), its contours and what they were computed from. */
    private Roi previewRoi;
    private List<Contour> previewContours;
    private Roi previewSource;
    private Margins previewMargins;
    private double previewVolumeCc = Double.NaN;
    private Roi pendingSource;
    private Margins pendingMargins;

    @Override
    public void createPartControl(Composite part) {
        // scrolls when the folder below the image viewer is low (the PTV preview line repeats the margins per axis)
        part.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroll = new ScrolledComposite(part, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite parent = new Composite(scroll, SWT.NONE);
        scroll.setContent(parent);
        scroll.addListener(SWT.Resize, e -> relayout());
        parent.setLayout(new GridLayout(8, false));
        label(parent, Messages.MarginPolicyView_site);
        site = new Combo(parent, SWT.READ_ONLY);
        site.add(Messages.MarginPolicyView_noSite);
        SiteProtocols.BUILT_IN.forEach(site::add);
        site.select(0);
        site.addListener(SWT.Selection, e -> applySite());
        label(parent, Messages.MarginPolicyView_recipe);
        recipe = new Combo(parent, SWT.READ_ONLY);
        IsocenterUiPlugin.service(MarginRecipes.class).available().forEach(r -> recipe.add(r.id()));
        recipe.select(0);
        label(parent, Messages.MarginPolicyView_protocol);
        createProtocolControls(parent);
        label(parent, Messages.MarginPolicyView_fractions);
        fractions = new Spinner(parent, SWT.BORDER);
        fractions.setValues(30, 2, 60, 0, 1, 5);
        fractions.setToolTipText(Messages.MarginPolicyView_fractionsTooltip);
        fractions.addListener(SWT.Modify, e -> fractionsTouched |= !settingFractions);

        label(parent, Messages.MarginPolicyView_systematic);
        axisFields(parent, systematic, "3");
        label(parent, Messages.MarginPolicyView_random);
        axisFields(parent, random, "3");
        Button importCsv = new Button(parent, SWT.PUSH);
        importCsv.setText(Messages.MarginPolicyView_importCsv);
        importCsv.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(parent.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.csv", "*" });
            String f = d.open();
            if (f != null) {
                importShifts(Path.of(f));
            }
        });
        Button fromStore = new Button(parent, SWT.PUSH);
        fromStore.setText(Messages.MarginPolicyView_fromStore);
        fromStore.setToolTipText(Messages.MarginPolicyView_fromStoreTooltip);
        fromStore.addListener(SWT.Selection, e -> importFromRecordStore());
        source = new Text(parent, SWT.READ_ONLY | SWT.WRAP);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        source.setText(Messages.MarginPolicyView_typedIn);
        Button compute = new Button(parent, SWT.PUSH);
        compute.setText(Messages.MarginPolicyView_compute);
        compute.addListener(SWT.Selection, e -> compute());

        createPreviewControls(parent);

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1);
        tableData.minimumHeight = 120;
        table.setLayoutData(tableData);
        for (String[] c : new String[][] { { Messages.MarginPolicyView_columnError, "260" },
                { Messages.MarginPolicyView_columnKind, "90" }, { "LR (mm)", "80" }, { "AP (mm)", "80" },
                { "SI (mm)", "80" } }) {
            TableColumn col = new TableColumn(table, c[0].endsWith("(mm)") ? SWT.RIGHT : SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        new TableColumn(table, SWT.LEFT).setWidth(10); // filler: GTK stretches the last column
        formula = new Label(parent, SWT.NONE);
        formula.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 8, 1));
        warnings = new Label(parent, SWT.WRAP);
        warnings.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        warnings.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 8, 1));
        table.setToolTipText(Messages.MarginPolicyView_tableTooltip);
        session.addListener(sessionListener);
        sessionChanged();
        relayout();
    }

    /** Lays the content out again and updates the size below which the view scrolls. */
    private void relayout() {
        Composite content = (Composite) scroll.getContent();
        content.layout(true, true);
        // long lines wrap at the view's width (at least 700 px) rather than widening the view
        int width = Math.max(700, scroll.getClientArea().width);
        org.eclipse.swt.graphics.Point size = content.computeSize(width, SWT.DEFAULT);
        // never narrower than the rows can be: a narrow folder scrolls to Compute and "+" rather than cutting them off
        size.x = Math.max(size.x, content.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        scroll.setMinSize(size);
    }

    private void createPreviewControls(Composite parent) {
        label(parent, Messages.MarginPolicyView_target);
        target = new Combo(parent, SWT.READ_ONLY);
        target.setToolTipText(Messages.MarginPolicyView_targetTooltip);
        target.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        target.addListener(SWT.Selection, e -> updatePreview());
        previewCheck = new Button(parent, SWT.CHECK);
        previewCheck.setText(Messages.MarginPolicyView_preview);
        previewCheck.setToolTipText(Messages.MarginPolicyView_previewTooltip);
        previewCheck.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        previewCheck.addListener(SWT.Selection, e -> updatePreview());
        addButton = new Button(parent, SWT.PUSH);
        addButton.setText(Messages.MarginPolicyView_add);
        addButton.setToolTipText(Messages.MarginPolicyView_addTooltip);
        addButton.addListener(SWT.Selection, e -> addAsStructure());
        previewStatus = new Label(parent, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        statusData.widthHint = 120; // wraps within the row instead of widening the view
        previewStatus.setLayoutData(statusData);
    }

    private boolean settingFractions;

    /** Protocol kinds offered and their parameters' meaning (label, unit, digits, min, max, default; null: none). */
    private static final String[] KINDS = { "none", "online", "nal", "enal", "sal" };

    private void createProtocolControls(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(3, false);
        l.marginWidth = 0;
        l.marginHeight = 0;
        c.setLayout(l);
        protocolKind = new Combo(c, SWT.READ_ONLY);
        protocolKind.setItems(Messages.MarginPolicyView_protocolNone, Messages.MarginPolicyView_protocolOnline,
                Messages.MarginPolicyView_protocolNal, Messages.MarginPolicyView_protocolEnal, Messages.MarginPolicyView_protocolSal);
        protocolKind.setToolTipText(Messages.MarginPolicyView_protocolTooltip);
        protocolP1 = new Spinner(c, SWT.BORDER);
        protocolP2 = new Spinner(c, SWT.BORDER);
        protocolKind.addListener(SWT.Selection, e -> kindChanged(true));
        protocolP1.addListener(SWT.Modify, e -> protocolChanged());
        protocolP2.addListener(SWT.Modify, e -> protocolChanged());
        actionLevel = new Label(c, SWT.NONE);
        GridData al = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        al.widthHint = 170; // never widens the row; the full text is the tooltip
        actionLevel.setLayoutData(al);
        setProtocolSpec("nal:3");
    }

    /** The kind changed: the spinners show its parameters ({@code defaults}: with the kind's default values). */
    private void kindChanged(boolean defaults) {
        String kind = KINDS[Math.max(0, protocolKind.getSelectionIndex())];
        switch (kind) {
            case "online" -> { param(protocolP1, true, 1, 0, 200, defaults ? 30 : -1, Messages.MarginPolicyView_onlineActionLevel); param(protocolP2, false, 0, 0, 0, -1, null); }
            case "nal" -> { param(protocolP1, true, 0, 1, 10, defaults ? 3 : -1, Messages.MarginPolicyView_nalFractions); param(protocolP2, false, 0, 0, 0, -1, null); }
            case "enal" -> { param(protocolP1, true, 0, 1, 10, defaults ? 3 : -1, Messages.MarginPolicyView_enalFractions);
                    param(protocolP2, true, 0, 1, 20, defaults ? 5 : -1, Messages.MarginPolicyView_enalInterval); }
            case "sal" -> { param(protocolP1, true, 1, 1, 300, defaults ? 90 : -1, Messages.MarginPolicyView_salAlpha); param(protocolP2, true, 0, 1, 30, defaults ? 10 : -1, Messages.MarginPolicyView_salMaxFractions); }
            default -> { param(protocolP1, false, 0, 0, 0, -1, null); param(protocolP2, false, 0, 0, 0, -1, null); }
        }
        protocolP1.getParent().layout(true);
        protocolChanged();
    }

    private static void param(Spinner s, boolean used, int digits, int min, int max, int value, String tip) {
        s.setVisible(used);
        ((GridData) (s.getLayoutData() == null ? newData(s) : s.getLayoutData())).exclude = !used;
        if (used) {
            s.setDigits(digits);
            s.setMinimum(min);
            s.setMaximum(max);
            s.setIncrement(digits == 0 ? 1 : 5);
            if (value >= 0) {
                s.setSelection(value);
            }
            s.setToolTipText(tip);
        }
    }

    private static GridData newData(Spinner s) {
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        s.setLayoutData(d);
        return d;
    }

    private void protocolChanged() {
        if (actionLevel == null || actionLevel.isDisposed()) {
            return;
        }
        String kind = KINDS[Math.max(0, protocolKind.getSelectionIndex())];
        String site = this.site == null || this.site.getSelectionIndex() <= 0 ? ""
                : NLS.bind(Messages.MarginPolicyView_siteSuffix, this.site.getText());
        String text = switch (kind) {
            case "online" -> NLS.bind(Messages.MarginPolicyView_actionLevel, value(protocolP1), site);
            case "sal" -> NLS.bind(Messages.MarginPolicyView_actionLevelShrinking, value(protocolP1), site);
            case "none" -> NLS.bind(Messages.MarginPolicyView_noCorrection, site);
            default -> NLS.bind(Messages.MarginPolicyView_noActionLevel, site);
        };
        actionLevel.setText(text);
        actionLevel.setToolTipText(NLS.bind(Messages.MarginPolicyView_actionLevelTooltip, text, protocolSpec()));
        actionLevel.getParent().layout(true);
    }

    private static String value(Spinner s) {
        return s.getDigits() == 0 ? Integer.toString(s.getSelection())
                : String.format(Locale.ROOT, "%." + s.getDigits() + "f", s.getSelection() / Math.pow(10, s.getDigits()));
    }

    /** The correction protocol as chosen, in the margin library's notation ({@code nal:3}, {@code online:2.0}, ...). */
    public String protocolSpec() {
        String kind = KINDS[Math.max(0, protocolKind.getSelectionIndex())];
        return switch (kind) {
            case "online" -> "online:" + value(protocolP1);
            case "nal" -> "nal:" + protocolP1.getSelection();
            case "enal" -> "enal:" + protocolP1.getSelection() + ":" + protocolP2.getSelection();
            case "sal" -> "sal:" + value(protocolP1) + ":" + protocolP2.getSelection();
            default -> "none";
        };
    }

    /** Sets the protocol controls from a spec (a site protocol's), e.g. {@code enal:3:5}; unknown kinds are refused. */
    public void setProtocolSpec(String spec) {
        IsocenterUiPlugin.service(CorrectionProtocols.class).parse(spec); // validates
        String[] p = spec.strip().toLowerCase(Locale.ROOT).split(":");
        int k = java.util.Arrays.asList(KINDS).indexOf(p[0]);
        if (k < 0) {
            throw new IllegalArgumentException("protocol '" + spec + "' cannot be shown: one of " + String.join(", ", KINDS));
        }
        protocolKind.select(k);
        kindChanged(true);
        if (p.length > 1) {
            protocolP1.setSelection((int) Math.round(Double.parseDouble(p[1]) * Math.pow(10, protocolP1.getDigits())));
        }
        if (p.length > 2) {
            protocolP2.setSelection((int) Math.round(Double.parseDouble(p[2]) * Math.pow(10, protocolP2.getDigits())));
        }
        protocolChanged();
    }

    /** The action level line shown under the protocol. */
    public String actionLevelText() {
        return actionLevel.getText();
    }

    /** Fractions as shown. */
    public int fractions() {
        return fractions.getSelection();
    }

    /** Sets Fractions from the loaded plan's first fraction group (unless the user changed it). */
    private void fractionsFromPlan() {
        if (!fractionsTouched) {
            planFractions();
        }
    }

    /** Sets Fractions from the loaded plan's first fraction group; false when no plan with a fraction count is loaded. */
    private boolean planFractions() {
        if (fractions == null || fractions.isDisposed()) {
            return false;
        }
        java.util.OptionalInt planned = org.isocenter.ui.internal.LoadedPatient.session().plans().stream()
                .flatMap(plan -> plan.fractionGroups().stream()).mapToInt(g -> g.fractionsPlanned()).filter(n -> n > 0)
                .findFirst();
        planned.ifPresent(n -> {
                    settingFractions = true;
                    fractions.setMaximum(Math.max(fractions.getMaximum(), n));
                    fractions.setSelection(n);
                    fractions.setToolTipText(NLS.bind(Messages.MarginPolicyView_fractionsFromPlan, n));
                    settingFractions = false;
                });
        return planned.isPresent();
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private static void axisFields(Composite parent, Text[] fields, String initial) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, true));
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 3, 1));
        for (int a = 0; a < 3; a++) {
            fields[a] = new Text(c, SWT.BORDER | SWT.RIGHT);
            fields[a].setText(initial);
            fields[a].setMessage(Axis.values()[a].name());
            fields[a].setToolTipText(Axis.values()[a].name() + ", mm");
            fields[a].setLayoutData(new GridData(50, SWT.DEFAULT));
        }
    }

    private void applySite() {
        if (site.getSelectionIndex() <= 0) {
            return;
        }
        SiteProtocol p = SiteProtocols.builtIn(site.getText()).orElseThrow();
        recipe.setText(p.recipe().id());
        setProtocolSpec(p.protocolSpec());
        if (!planFractions()) {
            settingFractions = true;
            fractions.setSelection(p.fractions());
            settingFractions = false;
        }
    }

    /** Fills Σ and σ from the population statistics of a shifts file (errors shown in the view). */
    public void importShifts(Path csv) {
        try {
            PopulationStatistics s = PopulationStatistics.of(ShiftCsv.read(csv));
            setErrors(s.systematic(), s.random());
            source.setText(NLS.bind(Messages.MarginPolicyView_fromShifts, new Object[] { csv.getFileName(), s.patients(),
                    s.fractions(), s.groupMean() }));
            warnings.setText("");
        } catch (Exception e) {
            warnings.setText(UiErrors.warn(NLS.bind(Messages.MarginPolicyView_cannotImportShifts, e.getMessage()), e).getMessage());
        }
    }

    /**
     * Fills Σ and σ from the record store's accepted, matched decisions (this workstation's store): the courses of
     * the chosen site, or every course when no site is chosen.
     */
    public void importFromRecordStore() {
        String chosen = site.getSelectionIndex() <= 0 ? null : site.getText();
        String url = org.isocenter.ui.internal.viewer.WorkbenchRecords.url();
        try (org.isocenter.igrt.RecordStore store = org.isocenter.igrt.RecordStores.open(url,
                IsocenterUiPlugin.service(org.isocenter.igrt.AdaptiveRules.class))) {
            var shifts = store.populationShifts(chosen, null, null);
            if (shifts.isEmpty()) {
                throw new IllegalArgumentException(chosen == null ? NLS.bind(Messages.MarginPolicyView_noDecisions, store.url())
                        : NLS.bind(Messages.MarginPolicyView_noDecisionsOfSite, chosen, store.url()));
            }
            PopulationStatistics s = PopulationStatistics.of(shifts);
            setErrors(s.systematic(), s.random());
            source.setText(chosen == null
                    ? NLS.bind(Messages.MarginPolicyView_fromRecordStore, new Object[] { s.patients(), s.fractions(),
                            s.groupMean() })
                    : NLS.bind(Messages.MarginPolicyView_fromRecordStoreSite, new Object[] { chosen, s.patients(),
                            s.fractions(), s.groupMean() }));
            warnings.setText("");
        } catch (Exception e) {
            warnings.setText(UiErrors.warn(NLS.bind(Messages.MarginPolicyView_cannotReadStore, url, e.getMessage()), e).getMessage());
        }
    }

    /** Where Σ and σ came from, as the view says it. */
    public String sourceText() {
        return source.getText();
    }

    public void setErrors(AxisValues sys, AxisValues rnd) {
        for (Axis a : Axis.values()) {
            systematic[a.ordinal()].setText(String.format(Locale.ROOT, "%.2f", sys.get(a)));
            random[a.ordinal()].setText(String.format(Locale.ROOT, "%.2f", rnd.get(a)));
        }
    }

    public void selectSite(String name) {
        site.setText(name);
        applySite();
    }

    /** Validates the inputs and computes in a job; the table fills when it is done. */
    public void compute() {
        AxisValues sys, rnd;
        MarginRecipe r = IsocenterUiPlugin.service(MarginRecipes.class).byId(recipe.getText()).orElseThrow();
        String spec = protocolSpec();
        try {
            sys = read(systematic, "Σ");
            rnd = read(random, "σ");
            IsocenterUiPlugin.service(CorrectionProtocols.class).parse(spec);
        } catch (IllegalArgumentException e) {
            warnings.setText(e.getMessage());
            return;
        }
        int n = fractions.getSelection();
        SiteProtocol sp = site.getSelectionIndex() > 0 ? SiteProtocols.builtIn(site.getText()).orElseThrow() : null;
        warnings.setText(Messages.MarginPolicyView_computing);
        Job job = Job.create(Messages.MarginPolicyView_job, (IJobFunction) monitor -> {
            try {
                MarginReport report = MarginReport.evaluate(r, IsocenterUiPlugin.service(CorrectionProtocols.class).parse(spec), n, sys, rnd,
                        sp == null ? List.of() : sp.otherSystematic(), sp == null ? List.of() : sp.otherRandom(),
                        sp == null ? null : sp.maxMarginMm(), 20261121L);
                Display.getDefault().asyncExec(() -> show(report));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                Display.getDefault().asyncExec(() -> warnings.setText(NLS.bind(Messages.MarginPolicyView_cannotCompute, e.getMessage())));
                return new Status(IStatus.WARNING, IsocenterUi.PLUGIN_ID, e.getMessage(), e);
            }
        });
        job.schedule();
    }

    private static AxisValues read(Text[] fields, String what) {
        double[] v = new double[3];
        for (int a = 0; a < 3; a++) {
            try {
                v[a] = Double.parseDouble(fields[a].getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(NLS.bind(Messages.MarginPolicyView_notANumber, new Object[] { what,
                        Axis.values()[a], fields[a].getText() }));
            }
            if (v[a] < 0 || v[a] > 50) {
                throw new IllegalArgumentException(NLS.bind(Messages.MarginPolicyView_outOfRange, new Object[] { what,
                        Axis.values()[a], v[a] }));
            }
        }
        return new AxisValues(v[0], v[1], v[2]);
    }

    private void show(MarginReport report) {
        if (table.isDisposed()) {
            return;
        }
        table.removeAll();
        row(Messages.MarginPolicyView_measuredSystematic, Messages.MarginPolicyView_kindInput, report.setupSystematic());
        row(Messages.MarginPolicyView_measuredRandom, Messages.MarginPolicyView_kindInput, report.setupRandom());
        for (ErrorBudget.Component c : report.budget().systematic()) {
            row(c.name(), Messages.MarginPolicyView_kindSystematic, c.sdMm());
        }
        for (ErrorBudget.Component c : report.budget().random()) {
            row(c.name(), Messages.MarginPolicyView_kindRandom, c.sdMm());
        }
        row(Messages.MarginPolicyView_totalSystematic, Messages.MarginPolicyView_kindSystematic, report.budget().totalSystematic());
        row(Messages.MarginPolicyView_totalRandom, Messages.MarginPolicyView_kindRandom, report.budget().totalRandom());
        TableItem margin = row(Messages.MarginPolicyView_margin, report.recipe().id(), report.margin());
        margin.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        formula.setText(NLS.bind(Messages.MarginPolicyView_formula, new Object[] { report.recipe().formula(),
                report.protocol().description(), String.format(Locale.ROOT, "%.0f", 100 * report.simulated().imagedFractionShare()) }));
        formula.setToolTipText(report.recipe().reference());
        warnings.setText(String.join("\n", report.warnings()));
        lastReport = report;
        relayout();
        if (previewCheck.getSelection()) {
            updatePreview(); // the margins changed
        }
    }

    private TableItem row(String name, String kind, AxisValues v) {
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(new String[] { name, kind, format(v.lr()), format(v.ap()), format(v.si()), "" });
        return item;
    }

    private static String format(double mm) {
        return String.format(Locale.ROOT, "%.1f", mm);
    }

    /** The last computed report (null before the first). */
    public MarginReport lastReport() {
        return lastReport;
    }

    /** The warnings shown (input errors, limits exceeded). */
    public String warningText() {
        return warnings.getText();
    }

    // ---- PTV preview ----------------------------------------------------------------------------------------

    /** The target structures of the edited set a margin grows: contoured GTV, CTV or ITV ({@link StructureRoles}). */
    private static List<Roi> targetsOf(StructureSet set) {
        if (set == null) {
            return List.of();
        }
        return set.rois().stream().filter(r -> !r.contours().isEmpty()).filter(StructureRoles::isClinicalTarget).toList();
    }

    /** The structure set changed (edit, load, close) or another preview replaced this view's. */
    private void sessionChanged() {
        if (target == null || target.isDisposed()) {
            return;
        }
        fractionsFromPlan();
        StructureSet set = session.set();
        if (set != listedSet) {
            Roi before = selectedTarget();
            listedSet = set;
            targets = targetsOf(set);
            target.removeAll();
            targets.forEach(r -> target.add(r.name() + " (" + r.interpretedType() + ")"));
            int index = -1;
            for (int i = 0; i < targets.size() && before != null; i++) {
                if (targets.get(i).number() == before.number()) {
                    index = i;
                }
            }
            if (index < 0) {
                index = 0;
                for (int i = targets.size() - 1; i >= 0; i--) {
                    if (StructureRoles.targetKind(targets.get(i)).orElse("").equals("CTV")) {
                        index = i; // the first CTV by default
                    }
                }
            }
            if (!targets.isEmpty()) {
                target.select(index);
            }
            relayout();
        }
        if (previewRoi != null && session.preview() != previewRoi) {
            // removed by Close Patient / another image, or replaced by a dialog's preview: this one is off
            forgetPreview();
            previewCheck.setSelection(false);
            previewStatus.setText(session.isLoaded() ? Messages.MarginPolicyView_previewRemoved : "");
        }
        addButton.setEnabled(!targets.isEmpty());
        previewCheck.setEnabled(!targets.isEmpty() || previewCheck.getSelection());
        if (previewCheck.getSelection()) {
            updatePreview(); // follows edits of the target
        } else if (targets.isEmpty()) {
            previewStatus.setText(session.isLoaded() ? NO_TARGET : NO_STRUCTURE_SET);
        } else if (previewStatus.getText().equals(NO_TARGET) || previewStatus.getText().equals(NO_STRUCTURE_SET)) {
            previewStatus.setText(""); // targets arrived (another image, edits): the old reason no longer holds
        }
    }

    private Roi selectedTarget() {
        int i = target == null || target.isDisposed() ? -1 : target.getSelectionIndex();
        return i < 0 || i >= targets.size() ? null : targets.get(i);
    }

    /** The contouring margins of the report's margins per axis (mm). */
    static Margins margins(AxisValues perAxisMm) {
        return new Margins(perAxisMm.lr(), perAxisMm.lr(), perAxisMm.ap(), perAxisMm.ap(), perAxisMm.si(), perAxisMm.si());
    }

    /** Shows, recomputes or removes the preview as the checkbox, the target and the margins say. */
    private void updatePreview() {
        if (!previewCheck.getSelection()) {
            removePreview();
            previewStatus.setText("");
            return;
        }
        MarginReport report = lastReport;
        if (report == null) {
            previewStatus.setText(Messages.MarginPolicyView_computingMarginsFirst);
            compute(); // show() comes back here
            return;
        }
        Roi source = selectedTarget();
        if (!session.isLoaded() || source == null) {
            removePreview();
            previewStatus.setText(session.isLoaded() ? Messages.MarginPolicyView_noTargetToGrow : NO_STRUCTURE_SET);
            return;
        }
        Margins m;
        StructureRecipe recipe;
        try {
            m = margins(report.margin());
            recipe = StructureRecipe.margin(session, source, m);
        } catch (IllegalArgumentException e) {
            removePreview();
            previewStatus.setText(NLS.bind(Messages.MarginPolicyView_cannotPreview, e.getMessage()));
            return;
        }
        if (previewRoi != null && source == previewSource && m.equals(previewMargins) && session.preview() == previewRoi) {
            return; // shown already
        }
        if (previewJob != null && source == pendingSource && m.equals(pendingMargins)) {
            return; // being computed
        }
        if (previewJob != null) {
            previewJob.cancel();
        }
        int request = ++previewRequest;
        pendingSource = source;
        pendingMargins = m;
        var image = session.image();
        previewStatus.setText(NLS.bind(Messages.MarginPolicyView_computingPtv, recipe.description()));
        previewJob = ContouringJobs.compute(recipe, contours -> {
            if (request != previewRequest || previewCheck.isDisposed() || !previewCheck.getSelection()
                    || session.image() != image) {
                return;
            }
            previewJob = null;
            Roi shown = new Roi(0, "PTV preview", EditableStructures.PREVIEW_RGB, "PTV", contours);
            previewRoi = shown;
            previewContours = contours;
            previewSource = source;
            previewMargins = m;
            previewVolumeCc = StructureStatistics.of(new RoiSlabs(shown, image.geometry().spacingZMm())).volumeCc();
            session.setPreview(shown);
            previewStatus.setText(NLS.bind(Messages.MarginPolicyView_previewShown, new Object[] {
                    String.format(Locale.ROOT, "%.2f", previewVolumeCc), source.name(),
                    String.format(Locale.ROOT, "%.2f", session.statistics(source).volumeCc()),
                    String.format(Locale.ROOT, "%.1f", m.rightMm()), String.format(Locale.ROOT, "%.1f", m.anteriorMm()),
                    String.format(Locale.ROOT, "%.1f", m.inferiorMm()) }) + recipe.notesText());
            relayout();
        }, problem -> {
            if (request == previewRequest && !previewStatus.isDisposed()) {
                previewJob = null;
                previewStatus.setText(problem);
            }
        });
    }

    /** Takes this view's preview off the image views (another's stays). */
    private void removePreview() {
        previewRequest++;
        if (previewJob != null) {
            previewJob.cancel();
            previewJob = null;
        }
        Roi mine = previewRoi;
        forgetPreview();
        if (mine != null && session.preview() == mine) {
            session.setPreview(null);
        }
    }

    private void forgetPreview() {
        previewRoi = null;
        previewContours = null;
        previewSource = null;
        previewMargins = null;
        previewVolumeCc = Double.NaN;
    }

    /**
     * Adds the PTV for the current target and margins to the edited structure set (one undoable step), from the
     * preview when it is current, else computed in a job. Returns the added structure, or null when it is being
     * computed (or cannot be: the status line says why).
     */
    public Roi addAsStructure() {
        MarginReport report = lastReport;
        Roi source = selectedTarget();
        if (report == null || source == null || !session.isLoaded()) {
            previewStatus.setText(report == null ? Messages.MarginPolicyView_computeFirst : Messages.MarginPolicyView_noTargetToAdd);
            return null;
        }
        Margins m;
        StructureRecipe recipe;
        try {
            m = margins(report.margin());
            recipe = StructureRecipe.margin(session, source, m);
        } catch (IllegalArgumentException e) {
            previewStatus.setText(NLS.bind(Messages.MarginPolicyView_cannotAdd, e.getMessage()));
            return null;
        }
        String base = source.name().matches("(?i)^(CTV|GTV|ITV).*") ? "PTV" + source.name().substring(3) : "PTV_" + source.name();
        String label = NLS.bind(Messages.MarginPolicyView_editLabel, recipe.description());
        if (previewRoi != null && source == previewSource && m.equals(previewMargins)) {
            List<Contour> contours = previewContours;
            removePreview();
            previewCheck.setSelection(false);
            Roi added = session.add(label, session.uniqueName(base), "PTV", contours);
            previewStatus.setText(NLS.bind(Messages.MarginPolicyView_addedWithVolume, added.name(), String.format(Locale.ROOT,
                    "%.2f", session.statistics(session.set().roi(added.name()).orElseThrow()).volumeCc())));
            return added;
        }
        var set = session.set();
        previewStatus.setText(NLS.bind(Messages.MarginPolicyView_computingPtvToAdd, recipe.description()));
        ContouringJobs.compute(recipe, contours -> {
            if (session.set() != null && set.frameOfReferenceUid().equals(session.set().frameOfReferenceUid())) {
                Roi added = session.add(label, session.uniqueName(base), "PTV", contours);
                if (!previewStatus.isDisposed()) {
                    previewStatus.setText(NLS.bind(Messages.MarginPolicyView_added, added.name()) + recipe.notesText());
                }
            }
        }, ContouringMessages::error);
        return null;
    }

    /** Chooses the target by structure name. */
    public void selectTarget(String name) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).name().equals(name)) {
                target.select(i);
                updatePreview();
                return;
            }
        }
        throw new IllegalArgumentException("no target structure " + name + " in " + targetNames());
    }

    /** The target chooser's structures. */
    public List<String> targetNames() {
        return targets.stream().map(Roi::name).toList();
    }

    /** The chosen target, null when none. */
    public Roi target() {
        return selectedTarget();
    }

    /** Checks or unchecks "Preview PTV on the images" as a click does. */
    public void setPreviewEnabled(boolean on) {
        previewCheck.setSelection(on);
        updatePreview();
    }

    /** The preview this view shows on the image views, null when none. */
    public Roi previewRoi() {
        return previewRoi;
    }

    /** The margins of the shown preview, null when none. */
    public Margins previewMargins() {
        return previewMargins;
    }

    /** The shown preview's volume (cc), NaN when none. */
    public double previewVolumeCc() {
        return previewVolumeCc;
    }

    /** The preview status line (volumes, computing, problems). */
    public String previewText() {
        return previewStatus.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        session.removeListener(sessionListener);
        removePreview();
        super.dispose();
    }
}
