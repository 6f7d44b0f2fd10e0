package org.hemonet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hemonet.diary.internal.PhotoFixtures.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Photos lose what they say about where, when and with what they were taken, and keep their pixels byte for byte:
 * real JPEG and PNG files written by ImageIO, with EXIF (GPS, serial number), XMP, IPTC, comments and PNG text chunks
 * put in the way phones and editors do.
 */
class PhotoMetadataTest {

    // ---------------------------------------------------------------- JPEG

    @Test
    void aJpegLosesExifWithGpsXmpIptcCommentsAndTrailersAndDecodesToTheSamePixels() {
        byte[] original = jpegWithMetadata(0);
        assertThat(contains(original, GPS)).isTrue(); // the fixture really carries it

        byte[] stripped = PhotoMetadata.strip(original, "photo");

        for (String secret : List.of(GPS, SERIAL, NAME, "Exif", "http://ns.adobe.com/xap", "Photoshop", "MPF")) {
            assertThat(contains(stripped, secret)).as(secret).isFalse();
        }
        List<String> expected = new ArrayList<>(jpegMarkers(jpeg())); // SOI, APP0, tables, frame, scan, EOI
        expected.addAll(2, List.of("E2", "EE")); // ICC profile and Adobe, after APP0 where they were put
        assertThat(jpegMarkers(stripped)).isEqualTo(expected);
        assertThat(pixels(stripped)).isEqualTo(pixels(original));
        assertThat(stripped.length).isLessThan(original.length);
    }

    @Test
    void theEntropyCodedDataIsCopiedByteForByte() {
        byte[] plain = jpeg();
        byte[] stripped = PhotoMetadata.strip(withJpegSegments(plain, comment(NAME)), "photo");
        assertThat(stripped).isEqualTo(plain); // ImageIO's own file has nothing to drop: same bytes back
    }

    @Test
    void theIccProfileAndAdobeSegmentAreKeptUnchanged() {
        byte[] icc = icc();
        byte[] stripped = PhotoMetadata.strip(jpegWithMetadata(0), "photo");
        assertThat(indexOf(stripped, icc)).isPositive();
        assertThat(contains(stripped, "Adobe")).isTrue();
    }

    @Test
    void theExifOrientationAloneSurvivesInAMinimalApp1SoPortraitPhotosStayUpright() {
        byte[] stripped = PhotoMetadata.strip(jpegWithMetadata(6), "photo");

        assertThat(jpegMarkers(stripped)).startsWith("D8", "E0", "E1", "E2");
        byte[] minimal = PhotoMetadata.orientationExif(6);
        int at = indexOf(stripped, minimal);
        assertThat(at).isPositive();
        int segmentLength = ((stripped[at - 2] & 0xff) << 8) | (stripped[at - 1] & 0xff);
        assertThat(segmentLength).isEqualTo(minimal.length + 2); // nothing else in that APP1
        assertThat(PhotoMetadata.exifOrientation(minimal, 0, minimal.length)).isEqualTo(6);
        assertThat(contains(stripped, GPS)).isFalse();
        assertThat(pixels(stripped)).isEqualTo(pixels(jpegWithMetadata(6)));
    }

    @Test
    void anUprightPhotoGetsNoApp1AtAll() {
        assertThat(jpegMarkers(PhotoMetadata.strip(jpegWithMetadata(1), "photo")))
                .doesNotContain("E1");
    }

    @Test
    void littleEndianExifOrientationIsReadToo() {
        byte[] exif = exif(8, true);
        assertThat(PhotoMetadata.exifOrientation(exif, 0, exif.length)).isEqualTo(8);
        byte[] big = exif(3, false);
        assertThat(PhotoMetadata.exifOrientation(big, 0, big.length)).isEqualTo(3);
    }

    @Test
    void anUnreadableExifIsDroppedWithoutRefusingThePhoto() {
        byte[] brokenExif = Arrays.copyOf(exif(6, false), 20); // IFD cut off
        byte[] stripped = PhotoMetadata.strip(withJpegSegments(jpeg(), segment(0xe1, brokenExif)), "photo");
        assertThat(jpegMarkers(stripped)).doesNotContain("E1");
        assertThat(pixels(stripped)).isEqualTo(pixels(jpeg()));
    }

    @Test
    void aJfifThumbnailIsDroppedAndJfxxToo() {
        byte[] jfifWithThumb = new byte[14 + 3 * 2 * 2];
        System.arraycopy("JFIF\0".getBytes(StandardCharsets.ISO_8859_1), 0, jfifWithThumb, 0, 5);
        jfifWithThumb[5] = 1;
        jfifWithThumb[6] = 1;
        jfifWithThumb[12] = 2; // 2 x 2 thumbnail
        jfifWithThumb[13] = 2;
        byte[] plain = jpeg();
        byte[] withThumb = replacingApp0(
                plain,
                segment(0xe0, jfifWithThumb),
                segment(0xe0, "JFXX\0\u0013thumbnail".getBytes(StandardCharsets.ISO_8859_1)));

        byte[] stripped = PhotoMetadata.strip(withThumb, "photo");

        assertThat(jpegMarkers(stripped)).startsWith("D8", "E0", "DB");
        assertThat(stripped[4] & 0xff).isZero();
        assertThat(stripped[5] & 0xff).isEqualTo(16); // APP0 length: JFIF header without thumbnail
        assertThat(contains(stripped, "JFXX")).isFalse();
        assertThat(pixels(stripped)).isEqualTo(pixels(plain));
    }

    @Test
    void zeroLengthSegmentsAreDroppedAndTheImageStillDecodes() {
        byte[] stripped = PhotoMetadata.strip(
                withJpegSegments(jpeg(), segment(0xe1, new byte[0]), segment(0xfe, new byte[0])), "photo");
        assertThat(stripped).isEqualTo(jpeg());
    }

    @Test
    void aSegmentLengthBelowTwoIsRefused() {
        byte[] file = withJpegSegments(jpeg(), new byte[] {(byte) 0xff, (byte) 0xe1, 0, 0});
        assertRefused(file, "impossible length");
        assertRefused(withJpegSegments(jpeg(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}), "impossible length");
    }

    @Test
    void aSegmentRunningPastTheEndIsRefused() {
        byte[] file = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x10, 0x00, 'E', 'x', 'i', 'f'};
        assertRefused(file, "runs past the end");
        assertRefused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x10}, "length is cut off");
    }

    @Test
    void aFileThatIsOnlySoiOrSoiAndEoiIsRefused() {
        assertRefused(new byte[] {(byte) 0xff, (byte) 0xd8}, "ends before its end marker");
        assertRefused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "ends before its end marker");
        assertRefused(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9}, "no image data");
    }

    @Test
    void aJpegCutOffInItsImageDataIsRefused() {
        byte[] plain = jpeg();
        assertRefused(Arrays.copyOf(plain, plain.length - 2), "ends before its end marker");
        assertRefused(Arrays.copyOf(plain, plain.length - 40), "ends before its end marker");
    }

    @Test
    void bytesBetweenSegmentsAreRefused() {
        byte[] plain = jpeg();
        byte[] broken = withJpegSegments(plain, new byte[] {0x12, 0x34});
        assertRefused(broken, "not where its marker should be");
    }

    // ---------------------------------------------------------------- PNG

    @Test
    void aPngLosesTextExifAndTimeChunksAndKeepsWhatDescribesThePixels() {
        byte[] plain = png();
        byte[] original = withPngChunks(
                plain,
                chunk("tEXt", "Author\0" + NAME),
                chunk("iTXt", "Description\0\0\0\0\0" + GPS),
                chunk("zTXt", "Comment\0\0" + "x"),
                chunk("eXIf", new String(exif(6, false), StandardCharsets.ISO_8859_1).substring(6) + SERIAL),
                chunk("tIME", "\u0007\u00ea\u000b\u001b\u0016\u0023\u0000"),
                chunk("prVt", "private " + NAME),
                chunk("pHYs", "\0\0\u000b\u0013\0\0\u000b\u0013\u0001"),
                chunk("gAMA", "\0\0\u00b1\u008f"));

        byte[] stripped = PhotoMetadata.strip(original, "photo");

        assertThat(pngChunks(stripped)).containsExactly("IHDR", "pHYs", "gAMA", "IDAT", "IEND");
        for (String secret : List.of(GPS, SERIAL, NAME)) {
            assertThat(contains(stripped, secret)).as(secret).isFalse();
        }
        assertThat(pixels(stripped)).isEqualTo(pixels(plain));
        assertThat(PhotoMetadata.strip(plain, "photo")).isEqualTo(plain);
    }

    @Test
    void anythingAfterIendIsDropped() {
        byte[] plain = png();
        byte[] trailer = concat(plain, NAME.getBytes(StandardCharsets.US_ASCII));
        assertThat(PhotoMetadata.strip(trailer, "photo")).isEqualTo(plain);
    }

    @Test
    void aPngWithoutIendOrWithAChunkPastTheEndOrAWrongChecksumIsRefused() {
        byte[] plain = png();
        assertRefused(Arrays.copyOf(plain, plain.length - 12), "ends before its IEND");
        byte[] longChunk = plain.clone();
        longChunk[8 + 3] = (byte) 0xff; // IHDR claims 255 bytes... then more than the file holds
        longChunk[8 + 2] = (byte) 0xff;
        assertRefused(longChunk, "runs past the end");
        byte[] badCrc = plain.clone();
        badCrc[8 + 8 + 3] ^= 1; // a bit of IHDR's width
        assertRefused(badCrc, "checksum");
        byte[] noHeader = concat(Arrays.copyOf(plain, 8), Arrays.copyOfRange(plain, 8 + 25, plain.length));
        assertRefused(noHeader, "header chunk");
        assertRefused(Arrays.copyOf(plain, 8), "ends before its IEND");
    }

    @Test
    void aPngWithoutImageDataIsRefused() {
        byte[] plain = png();
        byte[] headerOnly = concat(Arrays.copyOf(plain, 8 + 25), chunk("IEND", ""));
        assertRefused(headerOnly, "no image data");
    }

    @Test
    void otherFilesAreRefused() {
        assertRefused("GIF89a".getBytes(StandardCharsets.US_ASCII), "JPEG or PNG");
        assertRefused(new byte[0], "JPEG or PNG");
    }

    // ---------------------------------------------------------------- fuzz-ish

    @Test
    void damagedFilesAreEitherReadOrRefusedNeverAnotherException() {
        Random random = new Random(20261128);
        for (byte[] base : List.of(jpegWithMetadata(6), png())) {
            for (int i = 0; i < 3000; i++) {
                byte[] mutated = base.clone();
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    mutated[2 + random.nextInt(mutated.length - 2)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    mutated = Arrays.copyOf(mutated, 2 + random.nextInt(mutated.length - 2));
                }
                try {
                    byte[] stripped = PhotoMetadata.strip(mutated, "photo");
                    assertThat(stripped.length).isLessThanOrEqualTo(mutated.length + 40);
                } catch (InvalidInputException refused) {
                    assertThat(refused.field()).isEqualTo("photo");
                }
            }
        }
    }

    // ---------------------------------------------------------------- fixtures

    static void assertRefused(byte[] file, String problem) {
        assertThatThrownBy(() -> PhotoMetadata.strip(file, "photo"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("photo"));
    }
}
