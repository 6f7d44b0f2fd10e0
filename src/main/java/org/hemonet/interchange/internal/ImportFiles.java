package org.hemonet.interchange.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Import files are UTF-8; a byte-order mark (as spreadsheet programs write) is skipped. */
final class ImportFiles {

    private ImportFiles() {}

    static Reader reader(InputStream in) throws IOException {
        PushbackReader reader =
                new PushbackReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
