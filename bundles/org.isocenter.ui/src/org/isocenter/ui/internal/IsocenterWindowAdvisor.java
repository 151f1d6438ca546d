/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.isocenter.ui.internal.contouring.EditableStructures;
import org.isocenter.ui.internal.contouring.UnsavedEdits;

/**
 * Window title "Isocenter", initial size (the window then opens maximised), status line with progress indicator,
 * perspective bar (names shown: plugin_customization.ini).
 */
final class IsocenterWindowAdvisor extends WorkbenchWindowAdvisor {

    IsocenterWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new IsocenterActionBarAdvisor(configurer);
    }

    /** Closing the window (its close box): asks Save / Discard / Cancel about unsaved structure edits first. */
    @Override
    public boolean preWindowShellClose() {
        return UnsavedEdits.resolveForExit(EditableStructures.get());
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setTitle(Messages.IsocenterWindowAdvisor_title);
        c.setInitialSize(new Point(1400, 900));
        c.setShowCoolBar(false);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setShowPerspectiveBar(true);
    }

    @Override
    public void postWindowOpen() {
        var shell = getWindowConfigurer().getWindow().getShell();
        // the monitor's work area first (a desktop without a window manager ignores maximise), then maximised
        shell.setBounds(shell.getMonitor().getClientArea());
        shell.setMaximized(true);
        var window = getWindowConfigurer().getWindow();
        window.addPerspectiveListener(new org.eclipse.ui.PerspectiveAdapter() {
            @Override
            public void perspectiveActivated(org.eclipse.ui.IWorkbenchPage page,
                    org.eclipse.ui.IPerspectiveDescriptor perspective) {
                page.getWorkbenchWindow().getShell().getDisplay().asyncExec(() -> imagesFirst(page));
            }
        });
        shell.addListener(org.eclipse.swt.SWT.Resize, e -> {
            int width = shell.getSize().x;
            if (width < NARROW_PX && lastWidth >= NARROW_PX) { // became narrow: once, a restored column stays
                shell.getDisplay().asyncExec(() -> imagesFirst(window.getActivePage())); // after the resize's layout
            }
            lastWidth = width;
        });
        lastWidth = shell.getSize().x;
        imagesFirst(window.getActivePage());
    }

    /** Below this window width the Registration / IGRT perspective folds its left column away. */
    static final int NARROW_PX = 1500;
    private int lastWidth;

    /**
     * Registration / IGRT in a window narrower than {@value #NARROW_PX} px: the left column (Patient Browser, Margin
     * Policy, Progress) is minimized to the window's left edge, one click brings it back, so that the fused images,
     * the transform and the couch table have the width.
     */
    private static void imagesFirst(org.eclipse.ui.IWorkbenchPage page) {
        if (page == null || page.getWorkbenchWindow().getShell() == null || page.getWorkbenchWindow().getShell().isDisposed()
                || page.getPerspective() == null
                || !org.isocenter.ui.IsocenterUi.PERSPECTIVE_REGISTRATION.equals(page.getPerspective().getId())
                || page.getWorkbenchWindow().getShell().getSize().x >= NARROW_PX) {
            return;
        }
        // the column's shown tab stands for its stack (minimizing a hidden tab's view does not fold the stack)
        for (String id : new String[] { org.isocenter.ui.IsocenterUi.VIEW_PATIENT_BROWSER,
                org.isocenter.ui.IsocenterUi.VIEW_MARGIN_POLICY, org.isocenter.ui.IsocenterUi.VIEW_PROGRESS }) {
            var ref = page.findViewReference(id);
            if (ref == null || ref.getPart(false) == null || !page.isPartVisible(ref.getPart(false))) {
                continue;
            }
            if (page.getPartState(ref) != org.eclipse.ui.IWorkbenchPage.STATE_MINIMIZED) {
                page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_MINIMIZED);
            }
            return;
        }
    }
}
