package org.isocenter.ui.internal.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
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
import org.isocenter.ui.IsocenterUi;

/**
 * Margin Policy: choose a site protocol (or recipe, correction protocol and fractions), enter the set-up
 * errors Σ and σ per axis (mm) or import measured shifts (CSV), and see the error budget, the residuals the
 * protocol leaves and the CTV-to-PTV margin per axis with its formula. Computations run in a job.
 */
public final class MarginPolicyView extends ViewPart {

    private Combo site, recipe;
    private Text protocol, source;
    private Spinner fractions;
    private final Text[] systematic = new Text[3], random = new Text[3];
    private Table table;
    private Label formula, warnings;
    private volatile MarginReport lastReport;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(8, false));
        label(parent, "Site");
        site = new Combo(parent, SWT.READ_ONLY);
        site.add("(none)");
        SiteProtocols.BUILT_IN.forEach(site::add);
        site.select(0);
        site.addListener(SWT.Selection, e -> applySite());
        label(parent, "Recipe");
        recipe = new Combo(parent, SWT.READ_ONLY);
        MarginRecipes.available().forEach(r -> recipe.add(r.id()));
        recipe.select(0);
        label(parent, "Protocol");
        protocol = new Text(parent, SWT.BORDER);
        protocol.setText("nal:3");
        protocol.setToolTipText("none | online[:A mm] | nal[:N] | enal[:N[:W]] | sal[:alpha mm[:Nmax]]");
        protocol.setLayoutData(new GridData(90, SWT.DEFAULT));
        label(parent, "Fractions");
        fractions = new Spinner(parent, SWT.BORDER);
        fractions.setValues(30, 2, 60, 0, 1, 5);

        label(parent, "Set-up Σ (mm)");
        axisFields(parent, systematic, "3");
        label(parent, "σ (mm)");
        axisFields(parent, random, "3");
        Button importCsv = new Button(parent, SWT.PUSH);
        importCsv.setText("Import shifts CSV...");
        importCsv.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(parent.getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.csv", "*" });
            String f = d.open();
            if (f != null) {
                importShifts(Path.of(f));
            }
        });
        source = new Text(parent, SWT.READ_ONLY | SWT.WRAP);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        source.setText("Σ, σ typed in");
        Button compute = new Button(parent, SWT.PUSH);
        compute.setText("Compute");
        compute.addListener(SWT.Selection, e -> compute());

        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1);
        tableData.minimumHeight = 120;
        table.setLayoutData(tableData);
        for (String[] c : new String[][] { { "Error", "260" }, { "Kind", "90" }, { "LR (mm)", "80" }, { "AP (mm)", "80" },
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
        table.setToolTipText("Standard deviations and margins per axis in patient directions (LR, AP, SI), mm");
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
        protocol.setText(p.protocolSpec());
        fractions.setSelection(p.fractions());
    }

    /** Fills Σ and σ from the population statistics of a shifts file (errors shown in the view). */
    public void importShifts(Path csv) {
        try {
            PopulationStatistics s = PopulationStatistics.of(ShiftCsv.read(csv));
            setErrors(s.systematic(), s.random());
            source.setText(String.format(Locale.ROOT, "from %s: %d patients, %d fractions; group mean %s", csv.getFileName(),
                    s.patients(), s.fractions(), s.groupMean()));
            warnings.setText("");
        } catch (Exception e) {
            warnings.setText("Cannot import shifts: " + e.getMessage());
        }
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
        MarginRecipe r = MarginRecipes.byId(recipe.getText()).orElseThrow();
        String spec = protocol.getText();
        try {
            sys = read(systematic, "Σ");
            rnd = read(random, "σ");
            CorrectionProtocols.parse(spec);
        } catch (IllegalArgumentException e) {
            warnings.setText(e.getMessage());
            return;
        }
        int n = fractions.getSelection();
        SiteProtocol sp = site.getSelectionIndex() > 0 ? SiteProtocols.builtIn(site.getText()).orElseThrow() : null;
        warnings.setText("Computing...");
        Job job = Job.create("Margin policy", (IJobFunction) monitor -> {
            try {
                MarginReport report = MarginReport.evaluate(r, CorrectionProtocols.parse(spec), n, sys, rnd,
                        sp == null ? List.of() : sp.otherSystematic(), sp == null ? List.of() : sp.otherRandom(),
                        sp == null ? null : sp.maxMarginMm(), 20261121L);
                Display.getDefault().asyncExec(() -> show(report));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                Display.getDefault().asyncExec(() -> warnings.setText("Cannot compute: " + e.getMessage()));
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
                throw new IllegalArgumentException(what + " " + Axis.values()[a] + ": '" + fields[a].getText()
                        + "' is not a number of mm");
            }
            if (v[a] < 0 || v[a] > 50) {
                throw new IllegalArgumentException(what + " " + Axis.values()[a] + ": " + v[a] + " mm is outside 0..50 mm");
            }
        }
        return new AxisValues(v[0], v[1], v[2]);
    }

    private void show(MarginReport report) {
        if (table.isDisposed()) {
            return;
        }
        table.removeAll();
        row("measured set-up (Σ)", "input", report.setupSystematic());
        row("measured set-up (σ)", "input", report.setupRandom());
        for (ErrorBudget.Component c : report.budget().systematic()) {
            row(c.name(), "systematic", c.sdMm());
        }
        for (ErrorBudget.Component c : report.budget().random()) {
            row(c.name(), "random", c.sdMm());
        }
        row("total Σ", "systematic", report.budget().totalSystematic());
        row("total σ", "random", report.budget().totalRandom());
        TableItem margin = row("CTV-to-PTV margin", report.recipe().id(), report.margin());
        margin.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        formula.setText(report.recipe().formula() + "   (" + report.protocol().description() + "; imaging "
                + String.format(Locale.ROOT, "%.0f%%", 100 * report.simulated().imagedFractionShare()) + " of fractions)");
        formula.setToolTipText(report.recipe().reference());
        warnings.setText(String.join("\n", report.warnings()));
        lastReport = report;
        table.getParent().layout(true, true);
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

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
