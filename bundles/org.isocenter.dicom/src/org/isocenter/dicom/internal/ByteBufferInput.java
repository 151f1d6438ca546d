/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.internal;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * An input stream over a byte buffer (a memory-mapped file), from its position to its limit: a file already mapped
 * is parsed without opening it a second time. Not thread-safe; the buffer's position (and mark) move as it is read.
 */
public final class ByteBufferInput extends InputStream {

    private final ByteBuffer buffer;

    public ByteBufferInput(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public int read() {
        return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) {
        int k = (int) Math.max(0, Math.min(n, buffer.remaining()));
        buffer.position(buffer.position() + k);
        return k;
    }

    @Override
    public int available() {
        return buffer.remaining();
    }

    @Override
    public boolean markSupported() {
        return true; // as the buffered file stream it stands in for: the parser looks ahead at the file's start
    }

    @Override
    public void mark(int readLimit) {
        buffer.mark();
    }

    @Override
    public void reset() {
        buffer.reset();
    }
}
