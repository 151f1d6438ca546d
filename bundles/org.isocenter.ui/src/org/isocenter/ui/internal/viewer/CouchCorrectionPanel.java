package org.isocenter.ui.internal.viewer;

import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.isocenter.core.geometry.Vector3;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.registration.CorrectionLimits;
import org.isocenter.registration.CouchCorrection;
import org.isocenter.ui.internal.preferences.PreferenceDefaults;

/**
 * The IGRT shift table under the fusion controls: the couch correction for the current transform in IEC 61217
 * table-top terms (lateral, longitudinal, vertical in mm; pitch, roll, yaw in degrees), its status under the
 * clinic's limits (Preferences ▸ Isocenter ▸ Registration / IGRT), the soft-tissue − bony difference at the target
 * after a soft-tissue match, the "match on" choice for Auto match, and Accept / Reject. Accept writes a Spatial
 * Registration and logs the decision (see {@link IgrtDecisions}); a refused correction cannot be accepted.
 */
public final class CouchCorrectionPanel {

    /** What Auto match registers on. */
    public enum MatchOn {
        BONE("Bone (target box + 80 mm, 6 DOF)"), SOFT_TISSUE("Soft tissue (target + margin, after bone)");

        final String label;

        MatchOn(String label) {
            this.label = label;
        }
    }

    private final ViewerModel model;
    private final Supplier<SeriesRecord[]> series; // planning, daily
    private final Combo matchOn;
    private final Button accept, reject;
    private final Label decision;
    private final Table table;
    private CouchCorrection correction;
    private Vector3 softMinusBonyIec; // at the target, IEC table-top mm; null before a soft-tissue match

    public CouchCorrectionPanel(Composite parent, ViewerModel model, Supplier<SeriesRecord[]> series) {
        this.model = model;
        this.series = series;
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = layout.marginWidth = 0;
        box.setLayout(layout);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 100;
        box.setLayoutData(data);

        Composite row = new Composite(box, SWT.NONE);
        RowLayout rl = new RowLayout(SWT.HORIZONTAL);
        rl.center = true;
        rl.wrap = true;
        rl.marginTop = rl.marginBottom = 0;
        row.setLayout(rl);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(row, SWT.NONE).setText("Match on");
        matchOn = new Combo(row, SWT.READ_ONLY);
        for (MatchOn m : MatchOn.values()) {
            matchOn.add(m.label);
        }
        matchOn.select(0);
        accept = new Button(row, SWT.PUSH);
        accept.setText("Accept");
        accept.setToolTipText("Accept the match: save it as a Spatial Registration and log the couch correction");
        accept.addListener(SWT.Selection, e -> accept());
        reject = new Button(row, SWT.PUSH);
        reject.setText("Reject");
        reject.setToolTipText("Reject the match: log the decision, save nothing");
        reject.addListener(SWT.Selection, e -> reject());
        decision = new Label(row, SWT.NONE);

        table = new Table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.HIDE_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] headers = { "Couch (IEC 61217)", "Lat mm", "Long mm", "Vert mm", "Pitch °", "Roll °", "Yaw °", "Status" };
        int[] widths = { 230, 70, 75, 70, 65, 65, 65, 420 };
        for (int i = 0; i < headers.length; i++) {
            TableColumn c = new TableColumn(table, i == 0 || i == 7 ? SWT.LEFT : SWT.RIGHT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
        }
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.widthHint = 100;
        td.heightHint = table.getHeaderHeight() + 2 * table.getItemHeight() + 4;
        table.setLayoutData(td);
        model.addListener(this::update);
        update();
    }

    public MatchOn matchOn() {
        return MatchOn.values()[Math.max(0, matchOn.getSelectionIndex())];
    }

    public void setMatchOn(MatchOn m) {
        matchOn.select(m.ordinal());
    }

    /** The soft-tissue − bony difference at the target (LPS mm), shown in IEC terms; null clears it. */
    public void setSoftTissueDifference(Vector3 lps) {
        softMinusBonyIec = lps == null || model.scene() == null ? null
                : org.isocenter.core.patient.TableTopAxes.of(model.scene().primary().info().patientPosition()).toIec(lps);
        update();
    }

    /** The correction shown now, null when nothing is fused. */
    public CouchCorrection correction() {
        return correction;
    }

    /** Whether Accept is enabled (something fused and not refused). */
    public boolean canAccept() {
        return accept.isEnabled();
    }

    /** The shift table's rows as shown (cells per column). */
    public java.util.List<String[]> rows() {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] cells = new String[table.getColumnCount()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = item.getText(c);
            }
            rows.add(cells);
        }
        return rows;
    }

    public String decisionText() {
        return decision.getText();
    }

    /** Recomputes the table from the model (every transform change). */
    public void update() {
        if (table.isDisposed()) {
            return;
        }
        CorrectionLimits limits = PreferenceDefaults.correctionLimits();
        boolean sixDof = PreferenceDefaults.sixDofCouch();
        CouchCorrection previous = correction;
        correction = IgrtDecisions.correction(model.scene(), limits, sixDof);
        if (correction == null) {
            softMinusBonyIec = null;
        }
        if (previous != null && !same(previous, correction)) {
            decision.setText("");
        }
        table.removeAll();
        if (correction != null) {
            TableItem item = new TableItem(table, SWT.NONE);
            String about = model.scene().isocenterMm().isPresent() ? "plan isocenter" : "image centre (no plan)";
            table.getColumn(0).setToolTipText("Couch correction for " + about + ", patient position " + correction.position());
            item.setText(new String[] { String.format(Locale.ROOT, "%s · %s DOF · %s",
                    correction.position(), sixDof ? "6" : "3", about), f(correction.lateralMm()), f(correction.longitudinalMm()),
                    f(correction.verticalMm()), f(correction.pitchDeg()), f(correction.rollDeg()), f(correction.yawDeg()),
                    statusText(correction) });
            int colour = switch (correction.status()) {
                case REFUSED -> SWT.COLOR_RED;
                case APPLY -> SWT.COLOR_DARK_BLUE;
                case WITHIN_TOLERANCE -> SWT.COLOR_DARK_GREEN;
            };
            item.setForeground(7, table.getDisplay().getSystemColor(colour));
            if (softMinusBonyIec != null) {
                TableItem diff = new TableItem(table, SWT.NONE);
                diff.setText(new String[] { "Soft tissue − bone at target", f(softMinusBonyIec.x()),
                        f(softMinusBonyIec.y()), f(softMinusBonyIec.z()), "", "", "",
                        String.format(Locale.ROOT, "target moved %.1f mm relative to the bones", softMinusBonyIec.norm()) });
            }
        }
        boolean fused = correction != null;
        accept.setEnabled(fused && correction.status() != CouchCorrection.Status.REFUSED);
        reject.setEnabled(fused);
        matchOn.setEnabled(fused);
        decision.getParent().layout();
    }

    private static boolean same(CouchCorrection a, CouchCorrection b) {
        return b != null && a.lateralMm() == b.lateralMm() && a.longitudinalMm() == b.longitudinalMm()
                && a.verticalMm() == b.verticalMm() && a.pitchDeg() == b.pitchDeg() && a.rollDeg() == b.rollDeg()
                && a.yawDeg() == b.yawDeg();
    }

    private static String statusText(CouchCorrection c) {
        String head = switch (c.status()) {
            case APPLY -> "APPLY";
            case WITHIN_TOLERANCE -> "within tolerance";
            case REFUSED -> "REFUSED";
        };
        return c.messages().isEmpty() ? head : head + ": " + String.join("; ", c.messages());
    }

    private static String f(double v) {
        double shown = Math.round(v * 10) / 10.0;
        return String.format(Locale.ROOT, "%+.1f", shown == 0 ? 0.0 : shown); // no "-0.0"
    }

    /** Accept: writes the registration and logs; the decision label says where. */
    public void accept() {
        SeriesRecord[] s = series.get();
        if (correction == null || s == null || s[0] == null || s[1] == null) {
            return;
        }
        try {
            var file = IgrtDecisions.accept(model.scene(), s[0], s[1], correction, model.transformSource());
            decision.setText("Accepted: " + file.getFileName() + " written, decision logged");
        } catch (Exception e) {
            decision.setText("Not accepted: " + e.getMessage());
        }
        decision.getParent().layout();
    }

    /** Reject: logs the decision; the transform stays for another try. */
    public void reject() {
        SeriesRecord[] s = series.get();
        if (correction == null || s == null || s[1] == null) {
            return;
        }
        try {
            IgrtDecisions.reject(model.scene(), s[1], correction, model.transformSource());
            decision.setText("Rejected: decision logged; re-match or re-image");
        } catch (Exception e) {
            decision.setText("Rejection not logged: " + e.getMessage());
        }
        decision.getParent().layout();
    }
}
