/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.export;

import java.util.List;

import org.eclipse.jface.dialogs.IPageChangeProvider;
import org.eclipse.jface.wizard.IWizardContainer;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.isocenter.export.DrrSettings;

/**
 * File ▸ Export to Linac…: page 1 the package ({@link PackagePage}), page 2 the destination ({@link DestinationPage}),
 * page 3 what will be sent where ({@link SummaryPage}; Finish only there); Finish starts an {@link ExportRun} job (progress and cancel) and, when it ends, the status table
 * ({@link ExportResultDialog}) with Retry for what was not delivered.
 */
public final class ExportWizard extends Wizard {

    private final PackagePage packagePage;
    private final DestinationPage destinationPage;
    private final SummaryPage summaryPage;
    private ExportRun run;
    private ExportResultDialog resultDialog;

    /** @param sources the plans offered, usually {@link ExportSource#fromSession()}; at least one */
    public ExportWizard(List<ExportSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no plan to export: load a patient with an RT Plan first");
        }
        setWindowTitle(Messages.ExportWizard_title);
        setNeedsProgressMonitor(false);
        packagePage = new PackagePage(sources);
        destinationPage = new DestinationPage();
        summaryPage = new SummaryPage(packagePage, destinationPage);
    }

    /**
     * On GTK a page's new content was not always drawn: the dialog sets each page's title on a label whose bounds stay
     * the same, and a title longer than the first page's was cut off; the summary page's table, filled as the page is
     * shown, had blank rows until the window was resized. After every page change the window is made one pixel wider
     * and given its bounds back, which lays out and draws the whole dialog again.
     */
    @Override
    public void setContainer(IWizardContainer container) {
        super.setContainer(container);
        if (container instanceof IPageChangeProvider pages) {
            pages.addPageChangedListener(e -> {
                Shell shell = getShell();
                if (shell != null && !shell.isDisposed()) {
                    Rectangle b = shell.getBounds();
                    shell.setBounds(b.x, b.y, b.width + 1, b.height);
                    shell.setBounds(b);
                }
            });
        }
    }

    @Override
    public void addPages() {
        addPage(packagePage);
        addPage(destinationPage);
        addPage(summaryPage);
    }

    @Override
    public boolean canFinish() {
        return packagePage.isPageComplete() && destinationPage.isPageComplete() && getContainer() != null
                && getContainer().getCurrentPage() == summaryPage;
    }

    @Override
    public boolean performFinish() {
        destinationPage.remember();
        ExportPreferences.store().setValue(ExportPreferences.DRRS, packagePage.includeDrrs());
        ExportPreferences.store().setValue(ExportPreferences.IGRT, packagePage.includeIgrt());
        ExportSource source = packagePage.source();
        run = new ExportRun(source, source.request(packagePage.includeIgrt()), packagePage.checkedPackage(),
                packagePage.includeDrrs() ? DrrSettings.DEFAULT : null, destinationPage.exporter(),
                destinationPage.destination(), destinationPage.readBack());
        Display display = getShell().getDisplay();
        run.addListener(r -> display.asyncExec(this::showResult));
        run.start();
        return true;
    }

    private void showResult() {
        if (resultDialog != null && resultDialog.getShell() != null && !resultDialog.getShell().isDisposed()) {
            resultDialog.refresh();
            return;
        }
        Shell parent = PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
                ? PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell() : null;
        resultDialog = new ExportResultDialog(parent, run);
        resultDialog.open();
    }

    public PackagePage packagePage() {
        return packagePage;
    }

    public DestinationPage destinationPage() {
        return destinationPage;
    }

    public SummaryPage summaryPage() {
        return summaryPage;
    }

    /** The export started by Finish, null before. */
    public ExportRun run() {
        return run;
    }

    /** The status table shown after the export, null before it ended. */
    public ExportResultDialog resultDialog() {
        return resultDialog;
    }
}
