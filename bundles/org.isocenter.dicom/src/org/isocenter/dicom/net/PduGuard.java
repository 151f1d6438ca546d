/*
 * Copyright (c) 2026 Isocenter contributors
 * SPDX-License-Identifier: EPL-2.0
 */

package org.isocenter.dicom.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks the bytes a peer sends, PDU by PDU, before PixelMed reads them. PixelMed allocates a buffer of
 * the length a PDU header states before reading the body, so a 6-byte header stating 2 GB would exhaust
 * the heap. This stream refuses, with a {@link Violation}, the read that would hand over the last byte of
 * such a header: a PDU type other than 1..7, an association PDU (A-ASSOCIATE-RQ/AC/RJ, A-RELEASE,
 * A-ABORT) longer than {@link #MAX_ASSOCIATION_PDU}, a P-DATA-TF longer than {@link #MAX_DATA_PDU}, a
 * presentation data value item that does not fit in its PDU, or a command message whose fragments add up
 * to more than {@link #MAX_COMMAND}. Once refused, every further read fails the same way.
 * Not thread-safe: one reader at a time, as PixelMed reads.
 */
class PduGuard extends FilterInputStream {

    /**
     * Longest association PDU accepted (bytes after the 6-byte header). An A-ASSOCIATE-RQ/AC carries AE
     * titles, presentation contexts and user information: a few KiB even with a hundred contexts. The
     * other association PDUs have 4 bytes.
     */
    static final int MAX_ASSOCIATION_PDU = 64 * 1024;

    /**
     * Longest P-DATA-TF PDU accepted. Both our SCU and SCP advertise PixelMed's maximum length
     * (16 KiB), which a peer must not exceed; this allows 256 times that for sloppy peers while
     * bounding what PixelMed buffers per association.
     */
    static final int MAX_DATA_PDU = 4 * 1024 * 1024;

    /** Most bytes of one command message (all its fragments); DIMSE commands are a few hundred bytes. */
    static final int MAX_COMMAND = 64 * 1024;

    /** The read was refused because the peer broke a limit; the message names PDU and limit. */
    static final class Violation extends IOException {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    private final byte[] one = new byte[1];
    private final byte[] header = new byte[6];
    private int headerFill;
    private int pduType;
    private long pduRemaining;
    private final byte[] item = new byte[6];
    private int itemFill;
    private long itemRemaining;
    private long commandBytes;
    private int pdusSeen;
    private boolean firstComplete;
    private volatile String violation;

    PduGuard(InputStream in) {
        super(in);
    }

    /** What the peer did wrong, or null while it behaves. */
    String violation() {
        return violation;
    }

    /** Called once, on the reading thread, when the first PDU has been read completely. */
    void firstPduComplete() {
    }

    /** Called on the reading thread for each PDU whose header passed the checks, before it is handed on. */
    void pduAccepted(int type) {
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        refuseIfViolated();
        int n = super.read(b, off, len);
        if (n > 0) {
            check(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read through the checks so that the PDU boundaries stay known
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: re-reading would confuse the checks
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void refuseIfViolated() throws Violation {
        String v = violation;
        if (v != null) {
            throw new Violation(v);
        }
    }

    private void fail(String message) throws Violation {
        violation = message;
        throw new Violation(message);
    }

    /** Walks the PDU structure over {@code n} bytes just read; throws before they are handed on. */
    private void check(byte[] b, int off, int n) throws Violation {
        int i = off;
        int end = off + n;
        while (i < end) {
            if (pduRemaining == 0) {
                header[headerFill++] = b[i++];
                if (headerFill == header.length) {
                    headerFill = 0;
                    startPdu();
                }
            } else if (pduType != 4) {
                int k = (int) Math.min(pduRemaining, end - i);
                i += k;
                pduRemaining -= k;
            } else if (itemRemaining > 0) {
                int k = (int) Math.min(itemRemaining, end - i);
                i += k;
                itemRemaining -= k;
                pduRemaining -= k;
            } else {
                item[itemFill++] = b[i++];
                pduRemaining--;
                if (itemFill == item.length) {
                    itemFill = 0;
                    startItem();
                } else if (pduRemaining == 0) {
                    fail("P-DATA-TF PDU that ends inside a presentation data value item header");
                }
            }
        }
        if (!firstComplete && pdusSeen > 0 && pduRemaining == 0 && headerFill == 0) {
            firstComplete = true;
            firstPduComplete();
        }
    }

    private void startPdu() throws Violation {
        pduType = header[0] & 0xFF;
        long length = uint(header, 2);
        pdusSeen++;
        if (pduType < 1 || pduType > 7) {
            fail("PDU of unknown type 0x" + Integer.toHexString(pduType) + " (stated length " + length + " bytes)");
        }
        long max = pduType == 4 ? MAX_DATA_PDU : MAX_ASSOCIATION_PDU;
        if (length > max) {
            fail(pduName(pduType) + " PDU of " + length + " bytes, longer than the " + max + " bytes accepted");
        }
        pduRemaining = length;
        itemFill = 0;
        itemRemaining = 0;
        pduAccepted(pduType);
    }

    private void startItem() throws Violation {
        long length = uint(item, 0);
        // the item length counts the presentation context ID and the message control header
        if (length < 2 || length - 2 > pduRemaining) {
            fail("P-DATA-TF PDU with a presentation data value item of " + length + " bytes where "
                    + (pduRemaining + 2) + " bytes remain in the PDU");
        }
        int control = item[5] & 0xFF;
        if ((control & 1) != 0) {
            commandBytes += length - 2;
            if (commandBytes > MAX_COMMAND) {
                fail("command message of more than " + MAX_COMMAND + " bytes (" + commandBytes + " so far)");
            }
            if ((control & 2) != 0) {
                commandBytes = 0;
            }
        }
        itemRemaining = length - 2;
    }

    static String pduName(int type) {
        return switch (type) {
            case 1 -> "A-ASSOCIATE-RQ";
            case 2 -> "A-ASSOCIATE-AC";
            case 3 -> "A-ASSOCIATE-RJ";
            case 4 -> "P-DATA-TF";
            case 5 -> "A-RELEASE-RQ";
            case 6 -> "A-RELEASE-RP";
            case 7 -> "A-ABORT";
            default -> "type 0x" + Integer.toHexString(type);
        };
    }

    private static long uint(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    /** A-ABORT from the service provider with reason "invalid PDU parameter value" (PS3.8 9.3.8). */
    static byte[] abortPdu() {
        return new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6};
    }

    /**
     * A-ASSOCIATE-RJ, rejected-transient by the service provider (presentation related function),
     * reason local-limit-exceeded (PS3.8 9.3.4).
     */
    static byte[] rejectLocalLimitPdu() {
        return new byte[] {3, 0, 0, 0, 0, 4, 0, 2, 3, 2};
    }
}
