/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.ui.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isocenter.ui.internal.contouring.UnsavedEdits;

/**
 * The tests' stand-in for the unsaved-edits dialogs: answers every question with a set choice (Discard unless told
 * otherwise), "chooses" a set file for Save, and records what was asked, so that no modal dialog blocks a test
 * and no edit is dropped without an answer.
 */
final class DiscardingDialogs implements UnsavedEdits.Dialogs {

    /** Answers Discard. */
    static final DiscardingDialogs INSTANCE = new DiscardingDialogs(UnsavedEdits.Choice.DISCARD, null);

    final UnsavedEdits.Choice answer;
    final Path saveInto;
    final List<String> asked = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    DiscardingDialogs(UnsavedEdits.Choice answer, Path saveInto) {
        this.answer = answer;
        this.saveInto = saveInto;
    }

    @Override
    public UnsavedEdits.Choice ask(String action, String message) {
        asked.add(action + ": " + message);
        return answer;
    }

    @Override
    public Path saveFile(Path proposed) {
        return saveInto;
    }

    @Override
    public void saveFailed(String message) {
        failures.add(message);
    }
}
