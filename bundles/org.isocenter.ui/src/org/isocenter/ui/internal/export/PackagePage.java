/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.core.plan.Beam;
import org.isocenter.core.plan.PatientSetup;
import org.isocenter.core.plan.RtPlan;
import org.isocenter.dicom.io.RtPlanReader;
import org.isocenter.export.DrrSettings;
import org.isocenter.export.ExportPackage;
import org.isocenter.export.ExportRefusedException;
import org.isocenter.export.PackageBuilder;
import org.isocenter.export.PackageItem;
import org.isocenter.ui.internal.jobs.EclipseProgress;

/**
 * Page 1 of the Export wizard: the plan and what its package holds — planning CT slices, the structure set, the plan
 * (isocenters in LPS mm), DRRs per beam (computed at Finish) and IGRT Spatial Registrations / the couch correction
 * record when present. The package is checked by {@link PackageBuilder} in a job whenever the plan or the IGRT choice
 * changes; its refusals are shown as errors and block Next.
 */
public final class PackagePage extends WizardPage {

    private final List<ExportSource> sources;
    private Combo plan;
    private Button igrt;
    private Button drrs;
    private Table beams;
    private Table contents;
    private Text problems;
    private volatile boolean checking;
    private ExportPackage checked;
    private RtPlan checkedPlan;
    private List<String> refusals = List.of();
    private int generation;
    private String planProblem = "";

    PackagePage(List<ExportSource> sources) {
        super("package", Messages.PackagePage_title, null);
        this.sources = List.copyOf(sources);
        setDescription(Messages.PackagePage_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText(Messages.PackagePage_planLabel);
        plan = new Combo(c, SWT.READ_ONLY);
        plan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sources.forEach(s -> plan.add(s.label()));
        plan.select(0);
        plan.addListener(SWT.Selection, e -> check());

        igrt = new Button(c, SWT.CHECK);
        igrt.setText(Messages.PackagePage_igrt);
        igrt.setSelection(ExportPreferences.store().getBoolean(ExportPreferences.IGRT));
        igrt.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        igrt.addListener(SWT.Selection, e -> check());
        drrs = new Button(c, SWT.CHECK);
        DrrSettings d = DrrSettings.DEFAULT;
        drrs.setText(NLS.bind(Messages.PackagePage_drrs, new Object[] {
                String.format(Locale.ROOT, "%.0f", d.sourceToImageDistanceMm()), d.rows(), d.columns(),
                String.format(Locale.ROOT, "%.1f", d.pixelSpacingMm()) }));
        drrs.setSelection(ExportPreferences.store().getBoolean(ExportPreferences.DRRS));
        drrs.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        drrs.addListener(SWT.Selection, e -> show());

        Label bl = new Label(c, SWT.NONE);
        bl.setText(Messages.PackagePage_beams);
        bl.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        beams = table(c, 150, Messages.PackagePage_columnBeam, 50, Messages.PackagePage_columnName, 140,
                Messages.PackagePage_columnGantry, 80, Messages.PackagePage_columnCouch, 80, Messages.PackagePage_columnSetup,
                70, Messages.PackagePage_columnIsocenter, 200, Messages.PackagePage_columnDrr, 60);
        Label cl = new Label(c, SWT.NONE);
        cl.setText(Messages.PackagePage_contents);
        cl.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        contents = table(c, 150, Messages.PackagePage_columnContent, 300, Messages.PackagePage_columnFiles, 60,
                Messages.PackagePage_columnSize, 80, Messages.PackagePage_columnDetail, 280);
        problems = new Text(c, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        pd.heightHint = 70;
        problems.setLayoutData(pd);
        setControl(c);
        check();
    }

    private static Table table(Composite parent, int heightPx, Object... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        gd.heightHint = heightPx;
        t.setLayoutData(gd);
        for (int i = 0; i < columns.length; i += 2) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText((String) columns[i]);
            col.setWidth((Integer) columns[i + 1]);
        }
        return t;
    }

    /** The plan chosen on this page. */
    public ExportSource source() {
        return sources.get(Math.max(0, plan.getSelectionIndex()));
    }

    /** Selects a plan by index (as the combo does) and checks its package again. */
    public void selectPlan(int index) {
        plan.select(index);
        check();
    }

    /** Whether the package is being checked. */
    public boolean checking() {
        return checking;
    }

    /** The checked package (without DRRs), null while checking or when refused. */
    public ExportPackage checkedPackage() {
        return checked;
    }

    /** PackageBuilder's refusals of the chosen plan, empty when the package is fine. */
    public List<String> refusals() {
        return refusals;
    }

    public boolean includeIgrt() {
        return igrt.getSelection();
    }

    public boolean includeDrrs() {
        return drrs.getSelection();
    }

    /** Ticks or clears "Reference images" as the user would. */
    public void setIncludeDrrs(boolean on) {
        drrs.setSelection(on);
        show();
    }

    /** The rows of the package table (content, files, size, detail). */
    public List<String[]> contentRows() {
        return rows(contents);
    }

    /** The rows of the beams table. */
    public List<String[]> beamRows() {
        return rows(beams);
    }

    /** The text of the problems box (refusals and notes). */
    public String problemsText() {
        return problems.getText();
    }

    private static List<String[]> rows(Table t) {
        List<String[]> out = new ArrayList<>();
        for (TableItem i : t.getItems()) {
            String[] r = new String[t.getColumnCount()];
            for (int k = 0; k < r.length; k++) {
                r[k] = i.getText(k);
            }
            out.add(r);
        }
        return out;
    }

    /** Checks the chosen plan's package (PackageBuilder, no DRRs) in a job and shows it. */
    private void check() {
        int g = ++generation;
        ExportSource s = source();
        boolean findIgrt = igrt.getSelection();
        checking = true;
        checked = null;
        checkedPlan = null;
        refusals = List.of();
        setPageComplete(false);
        setErrorMessage(null);
        setMessage(NLS.bind(Messages.PackagePage_checking, s.planFile().getFileName()), IMessageProvider.INFORMATION);
        contents.removeAll();
        beams.removeAll();
        problems.setText("");
        var display = getShell().getDisplay();
        Job job = new Job(NLS.bind(Messages.PackagePage_checkJob, s.planFile().getFileName())) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                ExportPackage p = null;
                RtPlan rt = null;
                List<String> refused = List.of();
                String unread = "";
                try {
                    rt = new RtPlanReader().read(s.planFile());
                } catch (Exception e) {
                    unread = NLS.bind(Messages.PackagePage_beamsUnreadable, e.getMessage());
                }
                try {
                    p = new PackageBuilder().build(s.request(findIgrt), new EclipseProgress(monitor));
                } catch (ExportRefusedException e) {
                    refused = e.reasons();
                } catch (Exception e) {
                    refused = List.of(NLS.bind(Messages.PackagePage_notBuilt, e.getMessage() == null ? e : e.getMessage()));
                }
                ExportPackage fp = p;
                RtPlan fr = rt;
                List<String> fref = refused;
                String fun = unread;
                display.asyncExec(() -> {
                    if (g != generation || contents.isDisposed()) {
                        return;
                    }
                    checked = fp;
                    checkedPlan = fr;
                    refusals = fref;
                    planProblem = fun;
                    checking = false;
                    show();
                });
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    /** Fills the tables from the checked package and sets the page's messages. */
    private void show() {
        if (checking || contents.isDisposed()) {
            return;
        }
        fill();
        contents.getParent().layout(true, true); // GTK: rows added to a just-opened dialog are drawn only after a layout
        beams.redraw();
        contents.redraw();
    }

    private void fill() {
        contents.removeAll();
        beams.removeAll();
        List<String> lines = new ArrayList<>();
        if (!planProblem.isEmpty()) {
            lines.add(planProblem);
        }
        if (checkedPlan != null) {
            for (Beam b : checkedPlan.beams()) {
                PatientSetup setup = checkedPlan.patientSetups().stream()
                        .filter(x -> x.number() == b.referencedPatientSetupNumber()).findFirst().orElse(null);
                Vector3 iso = b.isocenterMm();
                row(beams, Integer.toString(b.number()), b.name(), f1(b.gantryDeg()), f1(b.couchDeg()),
                        setup == null ? "" : setup.position().name(),
                        String.format(Locale.ROOT, "%.1f, %.1f, %.1f", iso.x(), iso.y(), iso.z()),
                        drrs.getSelection() ? Messages.PackagePage_yes : Messages.PackagePage_no);
            }
        }
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> lines.add(NLS.bind(Messages.PackagePage_refusedLine, r)));
            problems.setText(String.join("\n", lines));
            setMessage(null);
            setErrorMessage(NLS.bind(refusals.size() == 1 ? Messages.PackagePage_refusedOne : Messages.PackagePage_refusedMany,
                    refusals.size(), refusals.get(0)));
            setPageComplete(false);
            return;
        }
        ExportPackage p = checked;
        if (p == null) {
            return;
        }
        roleRow(p, PackageItem.Role.PLANNING_IMAGE, Messages.PackagePage_planningImage);
        roleRow(p, PackageItem.Role.STRUCTURE_SET, Messages.PackagePage_structureSet);
        roleRow(p, PackageItem.Role.PLAN, NLS.bind(Messages.PackagePage_planRow, p.planLabel()));
        if (drrs.getSelection()) {
            int n = checkedPlan == null ? 0 : checkedPlan.beams().size();
            row(contents, Messages.PackagePage_drrRow, Integer.toString(n), "", "");
        }
        roleRow(p, PackageItem.Role.REGISTRATION, Messages.PackagePage_registrations);
        roleRow(p, PackageItem.Role.COUCH_CORRECTION_RECORD, Messages.PackagePage_couchRecord);
        StringBuilder iso = new StringBuilder();
        for (Vector3 v : p.isocentersMm()) {
            iso.append(iso.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "(%.1f, %.1f, %.1f)", v.x(), v.y(), v.z()));
        }
        p.notes().forEach(n -> lines.add(NLS.bind(Messages.PackagePage_note, n)));
        problems.setText(String.join("\n", lines));
        setErrorMessage(null);
        setMessage(NLS.bind(Messages.PackagePage_checked, new Object[] { p.patient().displayLabel(), iso,
                p.items().size() }), IMessageProvider.INFORMATION);
        setPageComplete(true);
    }

    /** One row per role present: how many files, their size and what they are. */
    private void roleRow(ExportPackage p, PackageItem.Role role, String what) {
        List<PackageItem> items = p.items(role);
        if (items.isEmpty()) {
            return;
        }
        long bytes = items.stream().mapToLong(PackageItem::sizeBytes).sum();
        String detail = items.size() == 1 ? items.get(0).description() + " — " + items.get(0).name()
                : items.get(0).name() + " … " + items.get(items.size() - 1).name();
        row(contents, what, Integer.toString(items.size()), String.format(Locale.ROOT, "%.2f", bytes / 1e6), detail);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void row(Table t, String... cells) {
        new TableItem(t, SWT.NONE).setText(cells);
    }
}
