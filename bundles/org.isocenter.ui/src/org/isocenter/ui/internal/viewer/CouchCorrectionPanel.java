/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.viewer;

import java.util.Locale;
import java.util.function.Supplier;

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
import org.isocenter.core.geometry.Vector3;
import org.isocenter.dicom.scan.SeriesRecord;
import org.isocenter.igrt.ClinicSettings;
import org.isocenter.igrt.MatchGeometry;
import org.isocenter.igrt.MatchOn;
import org.isocenter.igrt.MatchProtocol;
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

    private final ViewerModel model;
    private final Supplier<SeriesRecord[]> series; // planning, daily
    private final Combo matchOn;
    private final Button accept, reject;
    private final Label decision;
    private final Table table;
    private CouchCorrection correction;
    private String statusTooltip = "";
    /** Width (px) of the match controls beside the table; the decision and status messages wrap to it. */
    private static final int SIDE_WIDTH = 300;
    private Vector3 softMinusBonyIec; // at the target, IEC table-top mm; null before a soft-tissue match

    public CouchCorrectionPanel(Composite parent, ViewerModel model, Supplier<SeriesRecord[]> series) {
        this.model = model;
        this.series = series;
        // one band: the table (left, as wide as the view allows) and the match controls beside it (right), so that
        // the panel takes the table's height only and the images keep the rest of the view
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = layout.marginWidth = 0;
        box.setLayout(layout);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 100;
        box.setLayoutData(data);

        table = new Table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.HIDE_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] headers = { Messages.CouchCorrectionPanel_columnCouch, Messages.CouchCorrectionPanel_columnLat,
                Messages.CouchCorrectionPanel_columnLong, Messages.CouchCorrectionPanel_columnVert,
                Messages.CouchCorrectionPanel_columnPitch, Messages.CouchCorrectionPanel_columnRoll,
                Messages.CouchCorrectionPanel_columnYaw, Messages.CouchCorrectionPanel_columnStatus };
        int[] widths = { 200, 62, 76, 70, 60, 56, 56, 300 };
        for (int i = 0; i < headers.length; i++) {
            TableColumn c = new TableColumn(table, i == 0 || i == 7 ? SWT.LEFT : SWT.RIGHT);
            c.setText(headers[i]);
            c.setWidth(widths[i]);
        }
        table.getColumn(7).setToolTipText(Messages.CouchCorrectionPanel_statusColumnTooltip);
        // the full status message as the tooltip of whatever cell the mouse is over
        table.addListener(SWT.MouseHover, e -> {
            TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            table.setToolTipText(item == null ? statusTooltip
                    : NLS.bind(Messages.CouchCorrectionPanel_rowTooltip, item.getText(0), item.getText(7)));
        });
        table.addListener(SWT.Resize, e -> fitStatusColumn());
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.widthHint = 100;
        td.heightHint = tableHeight(1);
        table.setLayoutData(td);

        Composite side = new Composite(box, SWT.NONE);
        GridLayout sl = new GridLayout(5, false);
        sl.marginHeight = sl.marginWidth = 0;
        side.setLayout(sl);
        side.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        // one line: what Auto match registers on, Accept, Reject; the decision or status below
        matchOn = new Combo(side, SWT.READ_ONLY);
        ClinicSettings clinic = clinicOrNull();
        for (MatchOn m : MatchOn.values()) {
            matchOn.add(label(m, clinic == null || clinic.sixDofCouch()));
        }
        matchOn.select((clinic == null ? ClinicSettings.DEFAULT : clinic).defaultMatch().ordinal());
        matchOn.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        matchOn.setToolTipText(Messages.CouchCorrectionPanel_matchOnTooltip);
        // the soft-tissue match region, editable: the structure and the margin around it (mm)
        regionStructure = new Combo(side, SWT.READ_ONLY);
        regionStructure.setToolTipText(Messages.CouchCorrectionPanel_regionStructureTooltip);
        regionMargin = new org.eclipse.swt.widgets.Spinner(side, SWT.BORDER);
        regionMargin.setValues((int) Math.round((clinic == null ? ClinicSettings.DEFAULT : clinic).softTissueMarginMm()),
                0, 50, 0, 1, 5);
        regionMargin.setToolTipText(Messages.CouchCorrectionPanel_regionMarginTooltip);
        matchOn.addListener(SWT.Selection, e -> {
            regionEnabled();
            update();
        });
        regionStructure.addListener(SWT.Selection, e -> update());
        regionMargin.addListener(SWT.Selection, e -> update());
        accept = new Button(side, SWT.PUSH);
        accept.setText(Messages.CouchCorrectionPanel_accept);
        accept.setToolTipText(Messages.CouchCorrectionPanel_acceptTooltip);
        accept.addListener(SWT.Selection, e -> accept());
        reject = new Button(side, SWT.PUSH);
        reject.setText(Messages.CouchCorrectionPanel_reject);
        reject.setToolTipText(Messages.CouchCorrectionPanel_rejectTooltip);
        reject.addListener(SWT.Selection, e -> reject());
        decision = new Label(side, SWT.WRAP);
        GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false, 5, 1);
        dd.widthHint = SIDE_WIDTH;
        decision.setLayoutData(dd);
        model.addListener(this::update);
        update();
    }

    private final Combo regionStructure;
    private final org.eclipse.swt.widgets.Spinner regionMargin;
    private String structuresShown = "";

    /** The structures of the planning image offered for the soft-tissue region (kept when the list is the same). */
    private void fillRegionStructures() {
        var names = model.scene() == null ? java.util.List.<String>of()
                : model.scene().structures().map(ss -> ss.rois().stream().map(org.isocenter.core.structure.Roi::name)
                        .toList()).orElse(java.util.List.of());
        String key = String.join("\0", names);
        if (key.equals(structuresShown)) {
            return;
        }
        structuresShown = key;
        String before = regionStructure.getText();
        regionStructure.setItems(names.toArray(String[]::new));
        String target = model.scene() == null ? null : ViewerModel.firstTarget(model.scene())
                .map(org.isocenter.core.structure.Roi::name).orElse(null);
        String choose = names.contains(before) ? before : target;
        regionStructure.select(choose == null ? -1 : names.indexOf(choose));
        regionEnabled();
    }

    private void regionEnabled() {
        boolean soft = matchOn() == MatchOn.SOFT_TISSUE;
        regionStructure.setEnabled(soft && regionStructure.getItemCount() > 0);
        regionMargin.setEnabled(soft);
    }

    /** The soft-tissue region's structure (null: none chosen, the first target is used). */
    public String regionStructure() {
        return regionStructure.getSelectionIndex() < 0 ? null : regionStructure.getItem(regionStructure.getSelectionIndex());
    }

    /** The soft-tissue region's margin around the structure (mm). */
    public double regionMarginMm() {
        return regionMargin.getSelection();
    }

    /** Sets the soft-tissue region as a user does (tests). */
    public void setRegion(String structure, int marginMm) {
        fillRegionStructures();
        regionStructure.select(java.util.Arrays.asList(regionStructure.getItems()).indexOf(structure));
        regionMargin.setSelection(marginMm);
    }

    public MatchOn matchOn() {
        return MatchOn.values()[Math.max(0, matchOn.getSelectionIndex())];
    }

    public void setMatchOn(MatchOn m) {
        matchOn.select(m.ordinal());
        regionEnabled();
    }

    private static String label(MatchOn m, boolean sixDofCouch) {
        return m == MatchOn.BONE ? NLS.bind(Messages.CouchCorrectionPanel_matchOnBone, sixDofCouch ? "6" : "3")
                : Messages.CouchCorrectionPanel_matchOnSoftTissue;
    }

    /** The clinic's settings, or null (with the reason shown) when the clinic file cannot be read. */
    private ClinicSettings clinicOrNull() {
        try {
            clinicError = null;
            return PreferenceDefaults.clinic();
        } catch (java.io.IOException e) {
            clinicError = e.getMessage();
            return null;
        }
    }

    private String clinicError;

    /**
     * The clinic's match protocol with the panel's choices (match on, soft-tissue margin): what Auto match runs and
     * how a moved transform's correction is computed. Throws when the clinic settings cannot be read.
     */
    public MatchProtocol protocol() throws java.io.IOException {
        return MatchProtocol.of(PreferenceDefaults.clinic()).withOn(matchOn()).withSoftTissueMarginMm(regionMarginMm());
    }

    private MatchGeometry geometry;
    private java.util.List<Object> geometryKey = java.util.List.of();

    /** The protocol's geometry for the shown images, computed again only when what it depends on changed. */
    private MatchGeometry geometry(MatchProtocol p) {
        var s = model.scene();
        java.util.List<Object> key = java.util.Arrays.asList(s.primary(), s.structures().orElse(null), model.content(),
                p.on(), regionStructure(), p.softTissueMarginMm(), p.sixDofCouch());
        if (geometry == null || !sameIdentities(key, geometryKey)) {
            geometry = IgrtDecisions.geometry(model, p, regionStructure());
            geometryKey = key;
        }
        return geometry;
    }

    private static boolean sameIdentities(java.util.List<Object> a, java.util.List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i), y = b.get(i);
            boolean value = x instanceof String || x instanceof Number || x instanceof Enum || x instanceof Boolean;
            if (value ? !java.util.Objects.equals(x, y) : x != y) {
                return false;
            }
        }
        return true;
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

    /** The Accept / Reject outcome ("" before a decision; the status message shown meanwhile is not one). */
    public String decisionText() {
        return decision.getData() == STATUS ? "" : decision.getText();
    }

    /** Recomputes the table from the model (every transform change). */
    public void update() {
        if (table.isDisposed()) {
            return;
        }
        fillRegionStructures();
        CouchCorrection previous = correction;
        boolean sixDof = true;
        correction = null;
        softMinusBonyIec = null;
        if (model.scene() != null && model.scene().secondary().isPresent()) {
            try {
                MatchProtocol p = protocol();
                sixDof = p.sixDofCouch();
                correction = IgrtDecisions.correction(model, p, geometry(p));
                var matched = model.matchOutcome();
                if (matched != null && matched.softMinusBonyMm().isPresent()) {
                    softMinusBonyIec = org.isocenter.core.patient.TableTopAxes.of(matched.geometry().position())
                            .toIec(matched.softMinusBonyMm().get());
                }
                clinicError = null;
            } catch (java.io.IOException | IllegalArgumentException e) {
                clinicError = e.getMessage();
            }
        }
        if (previous != null && !same(previous, correction)) {
            decision.setText("");
            decision.setData(null);
        }
        table.removeAll();
        if (correction != null) {
            TableItem item = new TableItem(table, SWT.NONE);
            String about = geometry != null && geometry.planIsocenter() ? Messages.CouchCorrectionPanel_aboutPlanIsocenter
                    : Messages.CouchCorrectionPanel_aboutRegionCentre;
            table.getColumn(0).setToolTipText(NLS.bind(Messages.CouchCorrectionPanel_couchTooltip, about, correction.position()));
            item.setText(new String[] { NLS.bind(Messages.CouchCorrectionPanel_correctionRow, new Object[] {
                    correction.position(), sixDof ? "6" : "3", about }), f(correction.lateralMm()), f(correction.longitudinalMm()),
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
                diff.setText(new String[] { Messages.CouchCorrectionPanel_softMinusBone, f(softMinusBonyIec.x()),
                        f(softMinusBonyIec.y()), f(softMinusBonyIec.z()), "", "", "",
                        NLS.bind(Messages.CouchCorrectionPanel_targetMoved,
                                String.format(Locale.ROOT, "%.1f", softMinusBonyIec.norm())) });
            }
        }
        statusTooltip = correction == null ? "" : statusText(correction);
        table.setToolTipText(statusTooltip.isEmpty() ? null : statusTooltip);
        if (table.getLayoutData() instanceof GridData td) {
            td.heightHint = tableHeight(Math.max(1, table.getItemCount()));
        }
        fitStatusColumn();
        boolean fused = correction != null;
        accept.setEnabled(fused && correction.status() != CouchCorrection.Status.REFUSED);
        reject.setEnabled(fused);
        matchOn.setEnabled(fused);
        if (decision.getText().isEmpty() || decision.getData() == STATUS) {
            showStatusBelowButtons();
        }
        decision.getParent().getParent().getParent().layout(true, true);
    }

    private static final Object STATUS = new Object();

    /** With no decision yet, the label under Accept / Reject shows a REFUSED or residual message in full. */
    private void showStatusBelowButtons() {
        if (clinicError != null) {
            decision.setText(NLS.bind(Messages.CouchCorrectionPanel_noCorrection, clinicError));
            decision.setData(STATUS);
            decision.setForeground(decision.getDisplay().getSystemColor(SWT.COLOR_RED));
            decision.setToolTipText(decision.getText());
            return;
        }
        boolean worth = correction != null && !correction.messages().isEmpty();
        String note = transformNote.isEmpty() ? "" : NLS.bind(Messages.CouchCorrectionPanel_transformNote, transformNote);
        decision.setText(worth ? statusText(correction) : note);
        decision.setData(worth || !note.isEmpty() ? STATUS : null);
        decision.setForeground(decision.getDisplay().getSystemColor(worth ? SWT.COLOR_WIDGET_FOREGROUND
                : SWT.COLOR_DARK_GRAY));
        decision.setToolTipText(worth ? statusText(correction) : note.isEmpty() ? null : note);
    }

    private String transformNote = "";

    /**
     * Where the shown transform comes from ("auto match on bone (...)", "manual", "from registration", "identity (as
     * acquired)"): under Accept / Reject while no decision or status message is shown.
     */
    public void setTransformNote(String note) {
        transformNote = note == null ? "" : note;
        if (decision.getText().isEmpty() || decision.getData() == STATUS) {
            showStatusBelowButtons();
            decision.getParent().getParent().getParent().layout(true, true);
        }
    }

    /** The table's height for a number of rows (header included). */
    private int tableHeight(int rows) {
        return table.getHeaderHeight() + rows * table.getItemHeight() + 4
                + (table.getHorizontalBar() != null && table.getHorizontalBar().isVisible()
                        ? table.getHorizontalBar().getSize().y : 0);
    }

    /** The Status column takes the table's remaining width, at least what its longest message needs. */
    private void fitStatusColumn() {
        if (table.isDisposed()) {
            return;
        }
        int others = 0;
        for (int i = 0; i < 7; i++) {
            others += table.getColumn(i).getWidth();
        }
        int needed = 80;
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
        try {
            for (TableItem item : table.getItems()) {
                needed = Math.max(needed, gc.textExtent(item.getText(7)).x + 16);
            }
        } finally {
            gc.dispose();
        }
        int free = table.getClientArea().width - others;
        table.getColumn(7).setWidth(Math.max(needed, free));
    }

    /** The full status message (tooltip of the table, and shown under Accept / Reject while undecided; tests). */
    public String statusTooltip() {
        return statusTooltip;
    }

    /** The table (tests: bounds, tooltip). */
    public Table table() {
        return table;
    }

    private static boolean same(CouchCorrection a, CouchCorrection b) {
        return b != null && a.lateralMm() == b.lateralMm() && a.longitudinalMm() == b.longitudinalMm()
                && a.verticalMm() == b.verticalMm() && a.pitchDeg() == b.pitchDeg() && a.rollDeg() == b.rollDeg()
                && a.yawDeg() == b.yawDeg();
    }

    private static String statusText(CouchCorrection c) {
        String head = switch (c.status()) {
            case APPLY -> Messages.CouchCorrectionPanel_statusApply;
            case WITHIN_TOLERANCE -> Messages.CouchCorrectionPanel_statusWithinTolerance;
            case REFUSED -> Messages.CouchCorrectionPanel_statusRefused;
        };
        return c.messages().isEmpty() ? head
                : NLS.bind(Messages.CouchCorrectionPanel_statusWithMessages, head, String.join("; ", c.messages()));
    }

    private static String f(double v) {
        double shown = Math.round(v * 10) / 10.0;
        return String.format(Locale.ROOT, "%+.1f", shown == 0 ? 0.0 : shown); // no "-0.0"
    }

    /**
     * Who confirms an accept of a daily image that was never matched (title, question → yes): a dialog by default;
     * tests put their answer here.
     */
    private static final java.util.function.BiPredicate<String, String> DIALOG = (title, question) ->
            org.eclipse.jface.dialogs.MessageDialog.openConfirm(org.eclipse.swt.widgets.Display.getCurrent().getActiveShell(),
                    title, question);
    private static volatile java.util.function.BiPredicate<String, String> confirmation = DIALOG;

    /** Replaces the confirmation of an unmatched accept (null: the dialog again). */
    public static void setConfirmation(java.util.function.BiPredicate<String, String> c) {
        confirmation = c != null ? c : DIALOG;
    }

    /** Whether the fused image's transform is the as-acquired one nobody matched. */
    public static boolean unmatched(String transformSource) {
        return transformSource == null || transformSource.isBlank() || transformSource.startsWith("identity")
                || transformSource.startsWith("not registered");
    }

    /** The record store's name for the match the shown transform came from. */
    private String matchName(String transformSource) {
        var matched = model.matchOutcome();
        if (matched != null) {
            return matched.matchName();
        }
        String t = transformSource.toLowerCase(Locale.ROOT);
        if (t.contains("soft")) {
            return "soft-tissue";
        }
        return t.startsWith("auto match") ? "bone" : t.startsWith("manual") ? "manual" : "registration";
    }

    /**
     * Accept: writes the registration, logs, and records the decision in the record store; a daily image that was
     * never matched is accepted only after a confirmation that says so, and recorded as unmatched (no registration
     * written). The decision label says what was saved, in red when the record store did not take it.
     */
    public void accept() {
        SeriesRecord[] s = series.get();
        if (correction == null || s == null || s[0] == null || s[1] == null) {
            return;
        }
        String source = model.transformSource();
        boolean unmatched = unmatched(source);
        if (unmatched && !confirmation.test(Messages.CouchCorrectionPanel_unmatchedTitle,
                NLS.bind(Messages.CouchCorrectionPanel_unmatchedQuestion,
                        source == null || source.isBlank() ? Messages.CouchCorrectionPanel_noRegistration : source))) {
            show(Messages.CouchCorrectionPanel_notAcceptedUnmatched, false);
            return;
        }
        String saved;
        String file = null;
        try {
            if (unmatched) {
                IgrtDecisions.acceptUnmatched(model.scene(), s[1], correction);
                saved = Messages.CouchCorrectionPanel_acceptedUnmatched;
            } else {
                var written = IgrtDecisions.accept(model.scene(), s[0], s[1], correction, source);
                file = written.toString();
                saved = NLS.bind(Messages.CouchCorrectionPanel_accepted, written.getFileName());
                org.isocenter.ui.internal.jobs.ScanFolderJob.refreshFor(written); // listed in the Patient Browser
            }
        } catch (Exception e) {
            show(NLS.bind(Messages.CouchCorrectionPanel_notAccepted, e.getMessage()), false);
            return;
        }
        record(saved, s, unmatched ? org.isocenter.igrt.DecisionRequest.NO_MATCH : matchName(source),
                org.isocenter.igrt.Decision.ACCEPTED, unmatched, file);
    }

    /** Reject: logs and records the decision; the transform stays for another try. */
    public void reject() {
        SeriesRecord[] s = series.get();
        if (correction == null || s == null || s[1] == null) {
            return;
        }
        try {
            IgrtDecisions.reject(model.scene(), s[1], correction, model.transformSource());
        } catch (Exception e) {
            show(NLS.bind(Messages.CouchCorrectionPanel_rejectionNotLogged, e.getMessage()), false);
            return;
        }
        String source = model.transformSource();
        record(Messages.CouchCorrectionPanel_rejected, s,
                unmatched(source) ? org.isocenter.igrt.DecisionRequest.NO_MATCH : matchName(source),
                org.isocenter.igrt.Decision.REJECTED, false, null);
    }

    private void record(String saved, SeriesRecord[] s, String match, org.isocenter.igrt.Decision d, boolean unmatched,
            String file) {
        try {
            var scene = model.scene();
            org.isocenter.igrt.FractionObservations observed = org.isocenter.igrt.FractionObservations.NONE;
            if (!unmatched) { // the same measurements as register --record: outline, soft tissue against bone
                var dose = org.isocenter.session.WorkingSessions.current().planContext()
                        .filter(c -> c.image() == scene.primary()).map(c -> c.dose());
                var outcome = model.matchOutcome();
                var measured = outcome != null
                        ? org.isocenter.igrt.FractionMeasurements.of(scene.primary(), scene.structures().orElse(null),
                                scene.secondary().orElseThrow(), outcome, dose)
                        : org.isocenter.igrt.FractionMeasurements.of(scene.primary(), scene.structures().orElse(null),
                                scene.secondary().orElseThrow(), scene.primaryToSecondary().orElseThrow(), null,
                                scene.primary().geometry().indexToPatient(0, 0, (scene.primary().geometry().sizeZ() - 1)
                                        / 2.0).z(), dose);
                observed = measured.observations();
            }
            var recorded = WorkbenchRecords.record(scene.primary(), s[0], scene.secondary().orElseThrow(),
                    correction, match, d, unmatched, "", file, observed);
            lastRecorded = recorded;
            show(NLS.bind(Messages.CouchCorrectionPanel_recorded, saved, recorded.fraction()), true);
        } catch (Exception e) {
            lastRecorded = null;
            show(NLS.bind(Messages.CouchCorrectionPanel_notRecorded, saved, e.getMessage()), false);
        }
    }

    private org.isocenter.igrt.FractionDecision lastRecorded;

    /** The decision the last Accept / Reject recorded in the record store (null: none, or it failed; tests). */
    public org.isocenter.igrt.FractionDecision lastRecorded() {
        return lastRecorded;
    }

    private void show(String text, boolean ok) {
        decision.setText(text);
        decision.setData(null);
        decision.setForeground(decision.getDisplay().getSystemColor(ok ? SWT.COLOR_WIDGET_FOREGROUND : SWT.COLOR_RED));
        decision.getParent().getParent().getParent().layout(true, true);
    }
}
