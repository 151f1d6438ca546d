/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.isocenter.ui.internal.UiErrors;

/**
 * The one question asked before unsaved structure edits would be lost (Close Patient, loading another image,
 * File ▸ Exit, closing the window): Save (as a new RT Structure Set, the file chosen in a save dialog), Discard
 * or Cancel. Saving that is cancelled or fails cancels the action. The dialogs are behind {@link Dialogs}, which
 * a test replaces ({@link #setDialogs}) to answer them; nothing is ever dropped without an answer.
 */
public final class UnsavedEdits {

    /** The answer to the question. */
    public enum Choice {
        SAVE, DISCARD, CANCEL
    }

    /** The dialogs the question uses (the workbench's by default; a test's stand-in). */
    public interface Dialogs {

        /** Asks what to do with the unsaved edits before {@code action}. */
        Choice ask(String action, String message);

        /** The file to save into (proposed: {@code proposed}), null when the user cancels. */
        Path saveFile(Path proposed);

        /** Reports that saving failed (the action is then cancelled). */
        void saveFailed(String message);
    }

    /** The workbench's dialogs: a three-button question, the platform's save dialog, an error dialog. */
    public static final Dialogs WORKBENCH = new Dialogs() {
        @Override
        public Choice ask(String action, String message) {
            MessageDialog d = new MessageDialog(shell(), NLS.bind(Messages.UnsavedEdits_title, action), null, message,
                    MessageDialog.WARNING, 2, Messages.UnsavedEdits_save, Messages.UnsavedEdits_discard,
                    Messages.UnsavedEdits_cancel);
            return switch (d.open()) {
            case 0 -> Choice.SAVE;
            case 1 -> Choice.DISCARD;
            default -> Choice.CANCEL; // Cancel, Escape or the window's close box
            };
        }

        @Override
        public Path saveFile(Path proposed) {
            FileDialog d = new FileDialog(shell(), SWT.SAVE);
            d.setText(Messages.UnsavedEdits_saveDialogTitle);
            d.setFilterPath(proposed.getParent().toString());
            d.setFileName(proposed.getFileName().toString());
            d.setFilterExtensions(new String[] { "*.dcm", "*" });
            d.setOverwrite(false);
            String chosen = d.open();
            return chosen == null ? null : Path.of(chosen);
        }

        @Override
        public void saveFailed(String message) {
            UiErrors.show(shell(), Messages.UnsavedEdits_notSavedTitle, message, null);
        }

        private Shell shell() {
            Display display = Display.getCurrent();
            return display == null ? null : display.getActiveShell();
        }
    };

    private static Dialogs dialogs = WORKBENCH;

    private UnsavedEdits() {
    }

    /** Replaces the dialogs (tests); null restores the workbench's. */
    public static void setDialogs(Dialogs replacement) {
        dialogs = replacement == null ? WORKBENCH : replacement;
    }

    /** The dialogs in use. */
    public static Dialogs dialogs() {
        return dialogs;
    }

    /** The structure set whose edits the user chose to discard at Exit (so that one exit asks once). */
    private static Object discardedAtExit;

    /**
     * Before File ▸ Exit or closing the window: {@link #resolve} once per exit (closing the window asks, then the
     * workbench's shutdown does not ask again about the same, unchanged edits).
     */
    public static boolean resolveForExit(EditableStructures session) {
        if (session.isLoaded() && session.isDirty() && discardedAtExit == session.set()) {
            return true;
        }
        boolean proceed = resolve(session, Messages.UnsavedEdits_exit);
        discardedAtExit = proceed && session.isDirty() ? session.set() : null;
        return proceed;
    }

    /**
     * Before {@code action}: true when the session has no unsaved edits, or the user saved them (a new file,
     * read back), or chose to discard them; false when the user cancelled (or saving was cancelled or failed).
     */
    public static boolean resolve(EditableStructures session, String action) {
        if (!session.isLoaded() || !session.isDirty()) {
            return true;
        }
        String message = NLS.bind(Messages.UnsavedEdits_question, new Object[] {
                session.image().info().seriesDescription(), session.set().rois().size(), action });
        Choice choice = dialogs.ask(action, message);
        if (choice == Choice.DISCARD) {
            return true;
        }
        if (choice != Choice.SAVE) {
            return false;
        }
        Path file = dialogs.saveFile(StructureSetSaving.defaultFile(session));
        if (file == null) {
            return false;
        }
        if (Files.exists(file)) {
            dialogs.saveFailed(NLS.bind(Messages.UnsavedEdits_exists, file));
            return false;
        }
        try {
            StructureSetSaving.save(session, file);
            return true;
        } catch (Exception e) {
            dialogs.saveFailed(NLS.bind(Messages.UnsavedEdits_couldNotSave, new Object[] { file, e.getMessage(), action }));
            return false;
        }
    }
}
