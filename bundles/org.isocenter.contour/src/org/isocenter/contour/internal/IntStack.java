/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.contour.internal;

import java.util.Arrays;

/** A growable stack of int voxel indices for flood fills. */
public final class IntStack {

    private int[] items = new int[1024];
    private int size;

    public void push(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    public int pop() {
        return items[--size];
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
