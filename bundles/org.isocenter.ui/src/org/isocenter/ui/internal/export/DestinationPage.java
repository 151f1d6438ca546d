/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.isocenter.dicom.net.DicomNode;
import org.isocenter.export.ExportDestination;
import org.isocenter.export.LinacExporter;
import org.isocenter.export.LinacExporters;
import org.isocenter.export.RetryPolicy;
import org.isocenter.ui.ExportDestinationPage;
import org.isocenter.ui.internal.IsocenterUiPlugin;
import org.isocenter.ui.internal.preferences.DicomNodes;

/**
 * Page 2 of the Export wizard: the exporter (every available {@link LinacExporter} service) and where it delivers —
 * a DICOM node (host, port, called AE title, calling AE title, timeout per network step in ms, retries on network
 * failure, optionally the folder where the receiver's files can be read back for verification) or a new or empty
 * folder. A node can be picked from the address book (Window ▸ Preferences ▸ Isocenter ▸ DICOM Nodes) and tested with
 * a C-ECHO. An exporter a plug-in contributes may bring its own destination fields (an {@link ExportDestinationPage}
 * declared on the extension point); they take the place of the DICOM and folder fields while it is chosen. The fields are
 * checked as they are typed and remembered in the preferences at Finish.
 */
public final class DestinationPage extends WizardPage {

    private static final ExportDestination SAMPLE_DICOM = new ExportDestination.DicomStore(new DicomNode("SAMPLE", "localhost", 104),
            "ISOCENTER", 1000, RetryPolicy.NONE);
    private static final ExportDestination SAMPLE_FOLDER = new ExportDestination.Folder(Path.of("sample"));

    private final List<LinacExporter> exporters = IsocenterUiPlugin.service(LinacExporters.class).available();
    private final List<DicomNodes.Entry> nodes = DicomNodes.load();
    private Combo savedNode;
    private Button echoButton;
    private Label echoResult;
    private Combo exporter;
    private Button toDicom;
    private Button toFolder;
    private Text host;
    private Text port;
    private Text calledAe;
    private Text callingAe;
    private Text timeoutMs;
    private Text retries;
    private Text readBack;
    private Text folder;
    private Group dicomGroup;
    private Group folderGroup;
    private ExportDestination destination;
    private final java.util.Map<String, ContributedDestinationPages.Declared> declared = ContributedDestinationPages.read();
    private Group contributedGroup;
    private Composite contributedArea;
    private ExportDestinationPage contributed;
    private String contributedFor;

    DestinationPage() {
        super("destination", Messages.DestinationPage_title, null);
        setDescription(Messages.DestinationPage_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        IPreferenceStore prefs = ExportPreferences.store();
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText(Messages.DestinationPage_exporter);
        exporter = new Combo(c, SWT.READ_ONLY);
        exporter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        exporters.forEach(e -> exporter.add(e.displayName() + " [" + e.id() + "]"));
        int remembered = 0;
        for (int i = 0; i < exporters.size(); i++) {
            if (exporters.get(i).id().equals(prefs.getString(ExportPreferences.EXPORTER))) {
                remembered = i;
            }
        }
        exporter.select(remembered);
        exporter.addListener(SWT.Selection, e -> exporterChanged());

        toDicom = new Button(c, SWT.RADIO);
        toDicom.setText(Messages.DestinationPage_toDicom);
        toDicom.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        toDicom.addListener(SWT.Selection, e -> kindChosen(toDicom, SAMPLE_DICOM));
        dicomGroup = new Group(c, SWT.NONE);
        dicomGroup.setText(Messages.DestinationPage_dicomGroup);
        dicomGroup.setLayout(new GridLayout(3, false));
        dicomGroup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(dicomGroup, SWT.NONE).setText(Messages.DestinationPage_savedNode);
        savedNode = new Combo(dicomGroup, SWT.READ_ONLY);
        savedNode.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        savedNode.setToolTipText(Messages.DestinationPage_savedNodeTooltip);
        savedNode.add(Messages.DestinationPage_typedIn);
        nodes.forEach(n -> savedNode.add(n.label()));
        savedNode.select(0);
        savedNode.addListener(SWT.Selection, e -> nodeChosen());
        echoButton = new Button(dicomGroup, SWT.PUSH);
        echoButton.setText(Messages.DestinationPage_echo);
        echoButton.setToolTipText(Messages.DestinationPage_echoTooltip);
        echoButton.addListener(SWT.Selection, e -> testEcho());
        host = field(dicomGroup, Messages.DestinationPage_host, prefs.getString(ExportPreferences.HOST));
        port = field(dicomGroup, Messages.DestinationPage_port, Integer.toString(prefs.getInt(ExportPreferences.PORT)));
        calledAe = field(dicomGroup, Messages.DestinationPage_calledAe, prefs.getString(ExportPreferences.CALLED_AE));
        callingAe = field(dicomGroup, Messages.DestinationPage_callingAe, prefs.getString(ExportPreferences.CALLING_AE));
        timeoutMs = field(dicomGroup, Messages.DestinationPage_timeout, Integer.toString(prefs.getInt(ExportPreferences.TIMEOUT_MS)));
        retries = field(dicomGroup, Messages.DestinationPage_retries, Integer.toString(prefs.getInt(ExportPreferences.RETRIES)));
        readBack = field(dicomGroup, Messages.DestinationPage_readBack, prefs.getString(ExportPreferences.READ_BACK));
        browse(dicomGroup, readBack, Messages.DestinationPage_readBackBrowse);
        readBack.setToolTipText(Messages.DestinationPage_readBackTooltip);
        echoResult = new Label(dicomGroup, SWT.WRAP);
        GridData er = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        er.widthHint = 600;
        echoResult.setLayoutData(er);
        for (int i = 0; i < nodes.size(); i++) { // the remembered node, when it is in the address book
            DicomNodes.Entry n = nodes.get(i);
            if (n.host().equals(host.getText().trim()) && n.aeTitle().equals(calledAe.getText().trim())
                    && Integer.toString(n.port()).equals(port.getText().trim())) {
                savedNode.select(i + 1);
            }
        }

        toFolder = new Button(c, SWT.RADIO);
        toFolder.setText(Messages.DestinationPage_toFolder);
        toFolder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        toFolder.addListener(SWT.Selection, e -> kindChosen(toFolder, SAMPLE_FOLDER));
        folderGroup = new Group(c, SWT.NONE);
        folderGroup.setText(Messages.DestinationPage_folderGroup);
        folderGroup.setLayout(new GridLayout(3, false));
        folderGroup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        folder = field(folderGroup, Messages.DestinationPage_folder, prefs.getString(ExportPreferences.FOLDER));
        browse(folderGroup, folder, Messages.DestinationPage_folderBrowse);

        contributedGroup = new Group(c, SWT.NONE); // an exporter's own fields (extension point), when it has them
        contributedGroup.setLayout(new GridLayout(1, false));
        GridData cg = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        cg.exclude = true;
        contributedGroup.setLayoutData(cg);
        contributedGroup.setVisible(false);
        contributedArea = new Composite(contributedGroup, SWT.NONE);
        contributedArea.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        setControl(c);
        exporterChanged();
    }

    private Text field(Composite parent, String label, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 300;
        t.setLayoutData(gd);
        t.addListener(SWT.Modify, e -> validate());
        if (!label.contains("folder")) {
            new Label(parent, SWT.NONE);
        }
        return t;
    }

    private static void browse(Composite parent, Text target, String message) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(Messages.DestinationPage_browse);
        b.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(parent.getShell());
            d.setMessage(message);
            d.setFilterPath(target.getText());
            String chosen = d.open();
            if (chosen != null) {
                target.setText(chosen);
            }
        });
    }

    /** A destination kind was picked: switch to the first exporter that delivers there when the chosen one cannot. */
    private void kindChosen(Button kind, ExportDestination sample) {
        if (!kind.getSelection()) {
            return;
        }
        if (!exporter().supports(sample)) {
            for (int i = 0; i < exporters.size(); i++) {
                if (exporters.get(i).supports(sample)) {
                    exporter.select(i);
                    break;
                }
            }
        }
        exporterChanged();
    }

    private void exporterChanged() {
        LinacExporter e = exporter();
        if (showContributed(e)) {
            validate();
            return;
        }
        boolean dicom = e.supports(SAMPLE_DICOM);
        boolean files = e.supports(SAMPLE_FOLDER);
        toDicom.setEnabled(dicom || exporters.stream().anyMatch(x -> x.supports(SAMPLE_DICOM)));
        toFolder.setEnabled(files || exporters.stream().anyMatch(x -> x.supports(SAMPLE_FOLDER)));
        if (!dicom || (!toDicom.getSelection() && files)) {
            toDicom.setSelection(false);
            toFolder.setSelection(files);
        }
        if (!files || (!toFolder.getSelection() && dicom)) {
            toFolder.setSelection(false);
            toDicom.setSelection(dicom);
        }
        validate();
    }

    /**
     * Shows the chosen exporter's own destination fields when a plug-in declared them (and greys out the DICOM and
     * folder fields), else hides them; whether the exporter has its own.
     */
    private boolean showContributed(LinacExporter e) {
        var decl = ContributedDestinationPages.forExporter(declared, e.id());
        if (!e.id().equals(contributedFor)) {
            for (var child : contributedArea.getChildren()) {
                child.dispose();
            }
            contributed = null;
            contributedFor = null;
            if (decl.isPresent()) {
                contributedGroup.setText(decl.get().label());
                try {
                    contributed = decl.get().create();
                    contributed.createControls(contributedArea, this::validate);
                } catch (RuntimeException ex) {
                    contributed = null;
                    new Label(contributedArea, SWT.WRAP).setText(ex.getMessage());
                }
                contributedFor = e.id();
            }
        }
        boolean own = decl.isPresent();
        ((GridData) contributedGroup.getLayoutData()).exclude = !own;
        contributedGroup.setVisible(own);
        // the exporter's own fields take the place of the built-in ones, right under the exporter
        for (Control builtIn : new Control[] { toDicom, dicomGroup, toFolder, folderGroup }) {
            ((GridData) builtIn.getLayoutData()).exclude = own;
            builtIn.setVisible(!own);
        }
        if (own) {
            toDicom.setSelection(false);
            toFolder.setSelection(false);
            toDicom.setEnabled(false);
            toFolder.setEnabled(false);
        }
        contributedGroup.getParent().layout(true, true);
        return own;
    }

    /** The chosen exporter's own destination page, when a plug-in declared one; else null. */
    public ExportDestinationPage contributedPage() {
        return contributed;
    }

    /** The exporter chosen. */
    public LinacExporter exporter() {
        return exporters.get(Math.max(0, exporter.getSelectionIndex()));
    }

    /** The ids of the exporters on offer, in the combo's order. */
    public List<String> exporterIds() {
        return exporters.stream().map(LinacExporter::id).toList();
    }

    /** Chooses an exporter by id, as picking it in the combo does. */
    public void selectExporter(String id) {
        int i = exporterIds().indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no exporter '" + id + "'; available: " + exporterIds());
        }
        exporter.select(i);
        exporterChanged();
    }

    /** Sets the export folder field (as typing it does). */
    public void setFolder(String path) {
        folder.setText(path);
    }

    /** Sets the DICOM node fields (as typing them does). */
    public void setDicomNode(String hostName, int portNumber, String called, String calling, int timeout, int retryCount) {
        host.setText(hostName);
        port.setText(Integer.toString(portNumber));
        calledAe.setText(called);
        callingAe.setText(calling);
        timeoutMs.setText(Integer.toString(timeout));
        retries.setText(Integer.toString(retryCount));
    }

    /** A node of the address book was chosen: its AE title, host and port fill the fields. */
    private void nodeChosen() {
        int i = savedNode.getSelectionIndex() - 1;
        if (i < 0 || i >= nodes.size()) {
            return;
        }
        DicomNodes.Entry n = nodes.get(i);
        host.setText(n.host());
        port.setText(Integer.toString(n.port()));
        calledAe.setText(n.aeTitle());
        echoResult.setText("");
    }

    /** The address book's node names, in the combo's order (after "(typed in below)"). */
    public List<String> nodeNames() {
        return nodes.stream().map(DicomNodes.Entry::name).toList();
    }

    /** Chooses a node of the address book by name, as picking it in the combo does. */
    public void selectNode(String name) {
        int i = nodeNames().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no DICOM node '" + name + "'; saved: " + nodeNames());
        }
        savedNode.select(i + 1);
        nodeChosen();
    }

    /**
     * Sends a C-ECHO to the node entered (as the Test button does) in a job; the result shows below the fields. Null
     * when the fields do not name a node (said below the fields).
     */
    public org.eclipse.core.runtime.jobs.Job testEcho() {
        DicomNode node;
        String calling = callingAe.getText().trim();
        int timeout;
        try {
            node = new DicomNode(calledAe.getText().trim(), host.getText().trim(),
                    number(port, Messages.DestinationPage_portField, 1, 65535));
            timeout = Math.min(number(timeoutMs, Messages.DestinationPage_timeoutField, 1, 3_600_000), 10_000);
        } catch (IllegalArgumentException e) {
            echoResult.setText(NLS.bind(Messages.DestinationPage_cannotTest, e.getMessage()));
            return null;
        }
        echoResult.setText(NLS.bind(Messages.DestinationPage_echoRunning, node));
        echoButton.setEnabled(false);
        org.eclipse.core.runtime.jobs.Job job = org.eclipse.core.runtime.jobs.Job.create(NLS.bind(Messages.DestinationPage_echoJob, node), monitor -> {
            org.isocenter.dicom.net.EchoResult r;
            try {
                r = DicomNodes.echo(calling, node, timeout);
            } catch (IllegalArgumentException e) {
                r = new org.isocenter.dicom.net.EchoResult(false, 0, e.getMessage());
            }
            org.isocenter.dicom.net.EchoResult result = r;
            echoResult.getDisplay().asyncExec(() -> {
                if (echoResult.isDisposed()) {
                    return;
                }
                echoResult.setText(NLS.bind(result.success() ? Messages.DestinationPage_echoSucceeded
                        : Messages.DestinationPage_echoNotSucceeded, result.message()));
                echoButton.setEnabled(true);
                echoResult.getParent().layout(true, true);
            });
        });
        job.setSystem(true);
        job.schedule();
        return job;
    }

    /** The last C-ECHO's result as shown (empty before one). */
    public String echoText() {
        return echoResult.getText();
    }

    /** Sets the "verify from folder" field of a DICOM export (as typing it does). */
    public void setReadBack(String path) {
        readBack.setText(path);
    }

    /** The destination as entered, null while a field is invalid. */
    public ExportDestination destination() {
        return destination;
    }

    /** The read-back folder for a DICOM export, null when none was given (or for a folder export). */
    public Path readBack() {
        if (contributedFor != null) {
            return contributed == null ? null : contributed.readBack();
        }
        if (!(destination instanceof ExportDestination.DicomStore) || readBack.getText().isBlank()) {
            return null;
        }
        return Path.of(readBack.getText().trim());
    }

    private void validate() {
        if (folder == null) {
            return; // still building the page
        }
        boolean own = contributedFor != null;
        boolean dicom = toDicom.getSelection();
        setEnabled(dicomGroup, dicom && !own);
        setEnabled(folderGroup, !dicom && !own);
        destination = null;
        String problem;
        try {
            if (own && contributed == null) {
                throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_pageNotMade, contributedFor,
                        declared.get(contributedFor).element().getContributor().getName()));
            }
            destination = own ? contributed.destination() : dicom ? dicomDestination() : folderDestination();
            problem = exporter().supports(destination) ? null
                    : NLS.bind(Messages.DestinationPage_unsupported, exporter().id(), destination.describe());
        } catch (IllegalArgumentException | IOException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            destination = null;
        }
        setErrorMessage(problem);
        setMessage(problem == null ? NLS.bind(Messages.DestinationPage_deliverTo, destination.describe()) : null);
        setPageComplete(problem == null);
    }

    private static void setEnabled(Composite c, boolean enabled) {
        c.setEnabled(enabled);
        for (var child : c.getChildren()) {
            child.setEnabled(enabled);
        }
    }

    private ExportDestination dicomDestination() {
        int p = number(port, Messages.DestinationPage_portField, 1, 65535);
        int timeout = number(timeoutMs, Messages.DestinationPage_timeoutField, 1, 3_600_000);
        int r = number(retries, Messages.DestinationPage_retriesField, 0, 20);
        if (host.getText().isBlank()) {
            throw new IllegalArgumentException(Messages.DestinationPage_noHost);
        }
        if (calledAe.getText().isBlank()) {
            throw new IllegalArgumentException(Messages.DestinationPage_noCalledAe);
        }
        DicomNode node = new DicomNode(calledAe.getText().trim(), host.getText().trim(), p);
        if (!readBack.getText().isBlank() && !Files.isDirectory(Path.of(readBack.getText().trim()))) {
            throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_noVerificationFolder, readBack.getText().trim()));
        }
        return new ExportDestination.DicomStore(node, callingAe.getText().trim(), timeout,
                new RetryPolicy(r, RetryPolicy.DEFAULT.initialDelayMs(), RetryPolicy.DEFAULT.backoffFactor()));
    }

    private ExportDestination folderDestination() throws IOException {
        String text = folder.getText().trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Messages.DestinationPage_noFolder);
        }
        Path f;
        try {
            f = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_notAFolderName, text));
        }
        if (!f.isAbsolute()) {
            throw new IllegalArgumentException(Messages.DestinationPage_notAbsolute);
        }
        if (Files.exists(f) && !Files.isDirectory(f)) {
            throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_isAFile, f));
        }
        if (Files.isDirectory(f)) {
            try (Stream<Path> s = Files.list(f)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_notEmpty, f));
                }
            }
        }
        return new ExportDestination.Folder(f);
    }

    private static int number(Text t, String what, int min, int max) {
        try {
            int v = Integer.parseInt(t.getText().trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_outOfRange, new Object[] { what, min, max }));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.DestinationPage_notAWholeNumber, what, t.getText()));
        }
    }

    /** Stores what was entered for the next export. */
    void remember() {
        if (contributed != null) {
            contributed.remember();
        }
        IPreferenceStore prefs = ExportPreferences.store();
        prefs.setValue(ExportPreferences.EXPORTER, exporter().id());
        prefs.setValue(ExportPreferences.HOST, host.getText().trim());
        try {
            prefs.setValue(ExportPreferences.PORT, Integer.parseInt(port.getText().trim()));
            prefs.setValue(ExportPreferences.TIMEOUT_MS, Integer.parseInt(timeoutMs.getText().trim()));
            prefs.setValue(ExportPreferences.RETRIES, Integer.parseInt(retries.getText().trim()));
        } catch (NumberFormatException e) {
            // not remembered: only valid numbers are
        }
        prefs.setValue(ExportPreferences.CALLED_AE, calledAe.getText().trim());
        prefs.setValue(ExportPreferences.CALLING_AE, callingAe.getText().trim());
        prefs.setValue(ExportPreferences.READ_BACK, readBack.getText().trim());
        prefs.setValue(ExportPreferences.FOLDER, folder.getText().trim());
    }
}
