package org.hemonet.diary.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real JPEG and PNG files (written by ImageIO) with metadata put in the way phones and editors do, for tests. */
public final class PhotoFixtures {

    public static final String GPS = "GPS-51.5072N-0.1276W";
    public static final String SERIAL = "SERIAL-4C0FFEE123";
    public static final String NAME = "Tom Patient of 12 Home Lane";

    private PhotoFixtures() {}

    public static BufferedImage image() {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | ((x + y) * 6));
            }
        }
        return image;
    }

    public static byte[] jpeg() {
        return write(image(), "jpg");
    }

    public static byte[] png() {
        return write(image(), "png");
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, format, out)).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int[] pixels(byte[] file) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
            assertThat(image).as("decodes").isNotNull();
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG as a phone and an editor leave it: EXIF with GPS and a serial number (and the orientation when above 0),
     * XMP, an ICC profile, MPF, IPTC, an Adobe segment, a comment, and a second image with EXIF after EOI.
     */
    public static byte[] jpegWithMetadata(int orientation) {
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>" + NAME + "</dc:creator></x:xmpmeta>")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] icc = concat("ICC_PROFILE\0\u0001\u0001".getBytes(StandardCharsets.ISO_8859_1), icc());
        byte[] mpf = concat("MPF\0".getBytes(StandardCharsets.ISO_8859_1), new byte[16]);
        byte[] iptc = ("Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\u0020" + NAME).getBytes(StandardCharsets.ISO_8859_1);
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1}; // transform 1: YCbCr
        byte[] withSegments = withJpegSegments(
                jpeg(),
                segment(0xe1, exif(orientation, false)),
                segment(0xe1, xmp),
                segment(0xe2, icc),
                segment(0xe2, mpf),
                segment(0xed, iptc),
                segment(0xee, adobe),
                comment(NAME));
        byte[] secondImage = withJpegSegments(jpeg(), segment(0xe1, exif(0, true)));
        return concat(withSegments, secondImage);
    }

    public static byte[] icc() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** An APP1 Exif payload: IFD0 with Make, a body serial number, the orientation when above 0, and a GPS IFD. */
    public static byte[] exif(int orientation, boolean little) {
        ByteBuffer tiff = ByteBuffer.allocate(512)
                .order(little ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        tiff.put(little ? (byte) 'I' : (byte) 'M').put(little ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        int entries = orientation > 0 ? 4 : 3;
        int ifd0End = 8 + 2 + 12 * entries + 4;
        int serialAt = ifd0End;
        int gpsAt = serialAt + SERIAL.length() + 1;
        tiff.putShort((short) entries);
        entry(
                tiff,
                0x010f,
                2,
                4,
                ByteBuffer.wrap("Cam\0".getBytes(StandardCharsets.US_ASCII)).getInt());
        if (orientation > 0) {
            tiff.putShort((short) 0x0112)
                    .putShort((short) 3)
                    .putInt(1)
                    .putShort((short) orientation)
                    .putShort((short) 0);
        }
        entry(tiff, 0x8825, 4, 1, gpsAt); // GPS IFD pointer
        entry(tiff, 0xa431, 2, SERIAL.length() + 1, serialAt); // body serial number
        tiff.putInt(0);
        tiff.put(SERIAL.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        tiff.putShort((short) 1);
        entry(tiff, 0x001b, 7, GPS.length(), gpsAt + 2 + 12 + 4); // GPSProcessingMethod, UNDEFINED
        tiff.putInt(0);
        tiff.put(GPS.getBytes(StandardCharsets.US_ASCII));
        byte[] body = Arrays.copyOf(tiff.array(), tiff.position());
        return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    public static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    public static byte[] comment(String text) {
        return segment(0xfe, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The JPEG with segments put right after its first segment (APP0 JFIF, as ImageIO writes it). */
    public static byte[] withJpegSegments(byte[] jpeg, byte[]... segments) {
        int afterApp0 = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        byte[] out = Arrays.copyOf(jpeg, afterApp0);
        for (byte[] s : segments) {
            out = concat(out, s);
        }
        return concat(out, Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    /** ImageIO's JPEG with its APP0 replaced by the given segments. */
    public static byte[] replacingApp0(byte[] jpeg, byte[]... segments) {
        int afterApp0 = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        byte[] out = {(byte) 0xff, (byte) 0xd8};
        for (byte[] s : segments) {
            out = concat(out, s);
        }
        return concat(out, Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    /** The markers of a JPEG's segments in order, as hex, up to EOI (entropy-coded data skipped). */
    public static List<String> jpegMarkers(byte[] jpeg) {
        List<String> markers = new ArrayList<>();
        markers.add("D8");
        int pos = 2;
        while (pos + 1 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xff;
            markers.add(String.format("%02X", marker));
            if (marker == 0xd9) {
                break;
            }
            int length = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            pos += 2 + length;
            if (marker == 0xda) {
                while (!((jpeg[pos] & 0xff) == 0xff && (jpeg[pos + 1] & 0xff) != 0 && (jpeg[pos + 1] & 0xf8) != 0xd0)) {
                    pos++;
                }
            }
        }
        return markers;
    }

    public static byte[] chunk(String type, String data) {
        byte[] typeAndData =
                concat(type.getBytes(StandardCharsets.ISO_8859_1), data.getBytes(StandardCharsets.ISO_8859_1));
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return ByteBuffer.allocate(4 + typeAndData.length + 4)
                .putInt(data.length())
                .put(typeAndData)
                .putInt((int) crc.getValue())
                .array();
    }

    /** The PNG with chunks put right after IHDR. */
    public static byte[] withPngChunks(byte[] png, byte[]... chunks) {
        int afterHeader = 8 + 25;
        byte[] out = Arrays.copyOf(png, afterHeader);
        for (byte[] c : chunks) {
            out = concat(out, c);
        }
        return concat(out, Arrays.copyOfRange(png, afterHeader, png.length));
    }

    public static List<String> pngChunks(byte[] png) {
        List<String> chunks = new ArrayList<>();
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            chunks.add(new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1));
            pos += 12 + length;
        }
        return chunks;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return indexOf(haystack, needle.getBytes(StandardCharsets.ISO_8859_1)) >= 0;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
