package org.thyronco.genomics.normalize;

import htsjdk.tribble.readers.AsciiLineReader;
import htsjdk.tribble.readers.PositionalBufferedStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens an uploaded text file for streaming: detects gzip/bgzip by its magic bytes (never by name), rejects empty and
 * binary content, and reads lines through htsjdk's {@link AsciiLineReader} while counting 1-based line numbers.
 * Corrupt or truncated gzip data surfaces as a {@link MalformedInputException} at the line where it was found.
 */
final class TextSource implements AutoCloseable {

    private static final int SNIFF = 8192;

    private final AsciiLineReader reader;
    private final boolean gzip;
    private long line;

    private TextSource(AsciiLineReader reader, boolean gzip) {
        this.reader = reader;
        this.gzip = gzip;
    }

    static TextSource open(InputStream raw) throws MalformedInputException {
        if (raw == null) {
            throw new MalformedInputException(new FieldError("file", null, null, "no input stream"));
        }
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        int b0;
        int b1;
        try {
            b.mark(2);
            b0 = b.read();
            b1 = b0 < 0 ? -1 : b.read();
            b.reset();
        } catch (IOException e) {
            throw new MalformedInputException(new FieldError("file", null, null, "cannot read input: " + e.getMessage()));
        }
        if (b0 < 0) {
            throw new MalformedInputException(new FieldError("file", null, null, "empty file"));
        }
        boolean gz = b0 == 0x1f && b1 == 0x8b;
        InputStream text = b;
        if (gz) {
            try {
                text = new GZIPInputStream(b, 1 << 16);
            } catch (IOException e) {
                throw new MalformedInputException(new FieldError(
                        "file", null, null, "starts like gzip but is not a valid gzip stream: " + e.getMessage()));
            }
        }
        BufferedInputStream t = new BufferedInputStream(text, 1 << 16);
        byte[] head = new byte[SNIFF];
        int n = 0;
        try {
            t.mark(SNIFF);
            int r;
            while (n < SNIFF && (r = t.read(head, n, SNIFF - n)) > 0) {
                n += r;
            }
            t.reset();
        } catch (IOException e) {
            throw new MalformedInputException(new FieldError(
                    "file", null, null, (gz ? "corrupt gzip data: " : "cannot read input: ") + e.getMessage()));
        }
        if (n == 0) {
            throw new MalformedInputException(new FieldError("file", null, null,
                    gz ? "empty file (gzip stream with no content)" : "empty file"));
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xff;
            if (c == 0) {
                control = n;
                break;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        if (control * 20 > n) {
            throw new MalformedInputException(new FieldError("file", null, null,
                    gz ? "binary data inside the gzip stream; expected text" : "binary data; expected a text file"));
        }
        return new TextSource(AsciiLineReader.from(new PositionalBufferedStream(t)), gz);
    }

    /** The next line without its terminator, or null at end of file. */
    String next() throws MalformedInputException {
        try {
            String s = reader.readLine();
            if (s != null) {
                line++;
            }
            return s;
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(new FieldError("file", line + 1, null,
                    (gzip ? "corrupt or truncated gzip data at line " : "cannot read line ") + (line + 1) + ": "
                            + e.getMessage()));
        }
    }

    /** 1-based number of the line last returned. */
    long line() {
        return line;
    }

    @Override
    public void close() {
        reader.close();
    }
}
