package org.hemonet.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Removes what a photo says about where, when and with what it was taken, without re-encoding the image (lossless):
 * a phone's EXIF holds GPS coordinates (often the patient's home), the device's serial numbers and the time; XMP and
 * IPTC can hold names. The pixels are copied byte for byte.
 *
 * <p>JPEG: kept are the markers needed to decode (SOF0–SOF15, DHT, DAC, DQT, DRI, DNL, DHP, EXP, SOS with its entropy
 * coded data unchanged, RST0–RST7, JPG0–JPG13, EOI), APP0 "JFIF" (without its thumbnail), APP2 "ICC_PROFILE" (the
 * colour profile: a Display P3 phone photo shows wrong colours without it, and it describes the camera model's
 * colours, not the person) and APP14 "Adobe" (it says whether the colours were transformed). Dropped are APP1 (Exif,
 * XMP), every other APP0/APP2 (JFXX thumbnails, FlashPix, MPF), APP3–APP13 (APP13 is Photoshop/IPTC), APP15, COM and
 * anything after EOI (MPF secondary images, Samsung trailers, motion-photo videos, each of which can hold its own
 * EXIF). Only the EXIF orientation survives, in a new minimal APP1 holding nothing else: without it a portrait photo
 * from a phone would show sideways to the clinician, and the number 1–8 tells nothing about the patient.
 *
 * <p>PNG: kept are the critical chunks (IHDR, PLTE, IDAT, IEND and any other critical chunk, which a decoder needs)
 * and the ancillary chunks that describe the pixels (tRNS, gAMA, cHRM, sRGB, iCCP, cICP, mDCV, cLLI, sBIT, bKGD,
 * hIST, pHYs, sPLT, and APNG's acTL, fcTL, fdAT). Dropped are tEXt, iTXt, zTXt, eXIf, tIME and any other ancillary
 * chunk (a decoder may ignore those by the PNG specification, so dropping them is safe) and anything after IEND.
 *
 * <p>A file that cannot be walked (a segment or chunk running past the end, a length below its minimum, no SOI or
 * IHDR, no image data, no EOI or IEND, a chunk with a wrong CRC) is refused with a 400 naming the field (security.md
 * §20: bad input gets a clear 400 naming the field, never a 500).
 */
public final class PhotoMetadata {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final Set<String> PNG_ANCILLARY_KEPT = Set.of(
            "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCV", "cLLI", "sBIT", "bKGD", "hIST", "pHYs", "sPLT",
            "acTL", "fcTL", "fdAT");

    private static final int SOI = 0xd8;
    private static final int EOI = 0xd9;
    private static final int SOS = 0xda;
    private static final int APP0 = 0xe0;
    private static final int APP1 = 0xe1;
    private static final int APP2 = 0xe2;
    private static final int APP14 = 0xee;
    private static final int APP15 = 0xef;
    private static final int COM = 0xfe;

    private PhotoMetadata() {}

    /** The photo without its metadata; JPEG or PNG by the first bytes, anything else is refused naming {@code field}. */
    public static byte[] strip(byte[] bytes, String field) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == SOI) {
            return stripJpeg(bytes, field);
        }
        if (bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return stripPng(bytes, field);
        }
        throw new InvalidInputException(field, "A photo must be a JPEG or PNG image.");
    }

    // ---------------------------------------------------------------- JPEG

    static byte[] stripJpeg(byte[] in, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(SOI);
        int pos = 2;
        boolean scanned = false;
        boolean orientationWritten = false;
        while (true) {
            // a marker: one or more 0xFF (fill bytes may precede it), then the code
            if (pos >= in.length) {
                throw bad(field, "The JPEG photo is incomplete: it ends before its end marker.");
            }
            if ((in[pos] & 0xff) != 0xff) {
                throw bad(field, "The JPEG photo is damaged: a segment is not where its marker should be.");
            }
            while (pos < in.length && (in[pos] & 0xff) == 0xff) {
                pos++;
            }
            if (pos >= in.length) {
                throw bad(field, "The JPEG photo is incomplete: it ends before its end marker.");
            }
            int marker = in[pos++] & 0xff;
            if (marker == EOI) {
                if (!scanned) {
                    throw bad(field, "The JPEG photo has no image data.");
                }
                out.write(0xff);
                out.write(EOI);
                return out.toByteArray(); // anything after EOI (secondary images, trailers) is dropped
            }
            if (marker == SOI || marker == 0x00) {
                throw bad(field, "The JPEG photo is damaged: an unexpected marker.");
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                out.write(0xff); // TEM and RSTn stand alone, without a length
                out.write(marker);
                continue;
            }
            if (pos + 2 > in.length) {
                throw bad(field, "The JPEG photo is incomplete: a segment's length is cut off.");
            }
            int length = ((in[pos] & 0xff) << 8) | (in[pos + 1] & 0xff);
            if (length < 2) {
                throw bad(field, "The JPEG photo is damaged: a segment has an impossible length.");
            }
            if (pos + length > in.length) {
                throw bad(field, "The JPEG photo is incomplete: a segment runs past the end of the file.");
            }
            int payload = pos + 2;
            int payloadLength = length - 2;
            int end = pos + length;
            if (marker == APP1 && !orientationWritten) {
                int orientation = exifOrientation(in, payload, payloadLength);
                if (orientation > 1) {
                    writeSegment(out, APP1, orientationExif(orientation));
                    orientationWritten = true;
                }
            } else if (keepJpegSegment(marker, in, payload, payloadLength)) {
                if (marker == APP0 && payloadLength > 14) {
                    // JFIF with a thumbnail: keep version, units and density, drop the thumbnail
                    byte[] jfif = Arrays.copyOfRange(in, payload, payload + 14);
                    jfif[12] = 0;
                    jfif[13] = 0;
                    writeSegment(out, APP0, jfif);
                } else {
                    out.write(in, pos - 2, length + 2);
                }
            }
            pos = end;
            if (marker == SOS) {
                scanned = true;
                pos = copyEntropyCodedData(in, pos, out, field);
            }
        }
    }

    /** Copies a scan's entropy-coded data unchanged, up to the next marker other than stuffing (FF 00) or RSTn. */
    private static int copyEntropyCodedData(byte[] in, int start, ByteArrayOutputStream out, String field) {
        int pos = start;
        while (pos < in.length) {
            if ((in[pos] & 0xff) != 0xff) {
                pos++;
                continue;
            }
            int next = pos + 1;
            while (next < in.length && (in[next] & 0xff) == 0xff) {
                next++;
            }
            if (next >= in.length) {
                break;
            }
            int code = in[next] & 0xff;
            if (code == 0x00 || (code >= 0xd0 && code <= 0xd7)) {
                pos = next + 1;
                continue;
            }
            out.write(in, start, pos - start);
            return pos;
        }
        throw bad(field, "The JPEG photo is incomplete: it ends before its end marker.");
    }

    private static boolean keepJpegSegment(int marker, byte[] in, int payload, int length) {
        if (marker == COM || marker == APP1 || marker == APP15) {
            return false;
        }
        if (marker == APP0) {
            return startsWith(in, payload, length, "JFIF\0") && length >= 14;
        }
        if (marker == APP2) {
            return startsWith(in, payload, length, "ICC_PROFILE\0");
        }
        if (marker == APP14) {
            return startsWith(in, payload, length, "Adobe");
        }
        return marker < APP0 || marker > APP15; // APP3–APP13 dropped; frame, tables, scans and the rest kept
    }

    private static boolean startsWith(byte[] in, int offset, int length, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return length >= p.length && Arrays.equals(in, offset, offset + p.length, p, 0, p.length);
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.write(0xff);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
    }

    /**
     * The orientation (tag 0x0112 of IFD0, 1–8) of an APP1 Exif payload, or 0 when it has none or cannot be read (an
     * unreadable EXIF is dropped like any other, the photo is not refused for it).
     */
    static int exifOrientation(byte[] in, int offset, int length) {
        if (!startsWith(in, offset, length, "Exif\0\0")) {
            return 0;
        }
        int tiff = offset + 6;
        int tiffLength = length - 6;
        if (tiffLength < 8) {
            return 0;
        }
        boolean little;
        if (in[tiff] == 'I' && in[tiff + 1] == 'I') {
            little = true;
        } else if (in[tiff] == 'M' && in[tiff + 1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        long ifd = u32(in, tiff + 4, little);
        if (ifd < 8 || ifd + 2 > tiffLength) {
            return 0;
        }
        int entries = u16(in, tiff + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > tiffLength) {
                return 0;
            }
            int at = tiff + (int) entry;
            if (u16(in, at, little) == 0x0112 && u16(in, at + 2, little) == 3 && u32(in, at + 4, little) == 1) {
                int value = u16(in, at + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** An APP1 Exif payload with one IFD0 entry, the orientation, and nothing else (big-endian TIFF). */
    public static byte[] orientationExif(int orientation) {
        return new byte[] {
            'E',
            'x',
            'i',
            'f',
            0,
            0, // identifier
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // TIFF header, IFD0 at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0 // no next IFD
        };
    }

    private static int u16(byte[] in, int at, boolean little) {
        int a = in[at] & 0xff;
        int b = in[at + 1] & 0xff;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static long u32(byte[] in, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = in[at + (little ? 3 - i : i)] & 0xff;
            value = (value << 8) | b;
        }
        return value;
    }

    // ---------------------------------------------------------------- PNG

    static byte[] stripPng(byte[] in, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_SIGNATURE.length);
        int pos = PNG_SIGNATURE.length;
        boolean first = true;
        boolean data = false;
        while (true) {
            if (pos + 8 > in.length) {
                throw bad(field, "The PNG photo is incomplete: it ends before its IEND chunk.");
            }
            long length = u32(in, pos, false);
            String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw bad(field, "The PNG photo is damaged: a chunk has an invalid type.");
            }
            if (length > Integer.MAX_VALUE || pos + 12 + length > in.length) {
                throw bad(field, "The PNG photo is incomplete: a chunk runs past the end of the file.");
            }
            int end = pos + 12 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(in, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32(in, end - 4, false)) {
                throw bad(field, "The PNG photo is damaged: a chunk's checksum is wrong.");
            }
            if (first && !type.equals("IHDR")) {
                throw bad(field, "The PNG photo is damaged: it does not start with its header chunk.");
            }
            first = false;
            data |= type.equals("IDAT");
            boolean critical = Character.isUpperCase(type.charAt(0));
            if (critical || PNG_ANCILLARY_KEPT.contains(type)) {
                out.write(in, pos, end - pos);
            }
            pos = end;
            if (type.equals("IEND")) {
                if (!data) {
                    throw bad(field, "The PNG photo has no image data.");
                }
                return out.toByteArray(); // anything after IEND is dropped
            }
        }
    }

    private static InvalidInputException bad(String field, String message) {
        return new InvalidInputException(field, message);
    }
}
