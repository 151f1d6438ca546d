/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.internal.contouring;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.isocenter.core.structure.StructureSet;

/**
 * One structure edit in the workbench's operation history: the structure set before and after (immutable, so the
 * step costs two references). Undo and redo are offered only while the session holds the set they start from, so
 * a history never applies to a set it was not made on.
 */
final class StructureEditOperation extends AbstractOperation {

    private final EditableStructures session;
    private final StructureSet before;
    private final StructureSet after;
    private final int selectAfter;
    private final int selectBefore;

    StructureEditOperation(String label, EditableStructures session, StructureSet before, StructureSet after,
            int selectAfter) {
        super(label);
        this.session = session;
        this.before = before;
        this.after = after;
        this.selectAfter = selectAfter;
        this.selectBefore = session.selected().map(r -> r.number()).orElse(-1);
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
        session.replace(after, selectAfter);
        return Status.OK_STATUS;
    }

    @Override
    public boolean canRedo() {
        return session.set() == before;
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
        return canRedo() ? execute(monitor, info) : Status.CANCEL_STATUS;
    }

    @Override
    public boolean canUndo() {
        return session.set() == after;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
        if (!canUndo()) {
            return Status.CANCEL_STATUS;
        }
        session.replace(before, selectBefore);
        return Status.OK_STATUS;
    }
}
