package dev.cloudshop.image.rendering;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF orientation of a JPEG, which cameras and phones write instead of turning the
 * pixels. The renditions carry no metadata, so the orientation is applied to the pixels
 * before the metadata is dropped; otherwise a portrait photo would show on its side.
 * <p>
 * Only the orientation tag of the first image directory is read, with every offset
 * checked against the segment: the rest of the EXIF data, whatever it claims, is never
 * parsed.
 */
final class ExifOrientation {

	static final int UPRIGHT = 1;

	private static final int SOI = 0xD8;

	private static final int SOS = 0xDA;

	private static final int EOI = 0xD9;

	private static final int APP1 = 0xE1;

	private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

	private static final int ORIENTATION_TAG = 0x0112;

	private static final int TYPE_SHORT = 3;

	private ExifOrientation() {
	}

	/**
	 * Reads the orientation of a JPEG.
	 * @param jpeg the JPEG file
	 * @return its EXIF orientation, from 1 (upright) to 8, or 1 where there is none or it
	 * cannot be read
	 */
	static int of(byte[] jpeg) {
		ByteBuffer bytes = ByteBuffer.wrap(jpeg).order(ByteOrder.BIG_ENDIAN);
		if (jpeg.length < 4 || bytes.get(0) != (byte) 0xFF || (bytes.get(1) & 0xFF) != SOI) {
			return UPRIGHT;
		}
		int position = 2;
		// The EXIF segment comes before the image data: walk the segments up to the first
		// scan.
		while (position + 4 <= jpeg.length) {
			if (bytes.get(position) != (byte) 0xFF) {
				return UPRIGHT;
			}
			int marker = bytes.get(position + 1) & 0xFF;
			if (marker == 0xFF) {
				position++;
				continue;
			}
			if (marker == SOS || marker == EOI) {
				return UPRIGHT;
			}
			int length = bytes.getShort(position + 2) & 0xFFFF;
			int start = position + 4;
			int end = position + 2 + length;
			if (length < 2 || end > jpeg.length) {
				return UPRIGHT;
			}
			if (marker == APP1 && end - start >= EXIF_HEADER.length
					&& Arrays.equals(jpeg, start, start + EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
				return fromTiff(bytes.slice(start + EXIF_HEADER.length, end - start - EXIF_HEADER.length));
			}
			position = end;
		}
		return UPRIGHT;
	}

	// A TIFF header, then the first image directory: a count, then 12-byte entries.
	private static int fromTiff(ByteBuffer tiff) {
		if (tiff.remaining() < 8) {
			return UPRIGHT;
		}
		if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
			tiff.order(ByteOrder.LITTLE_ENDIAN);
		}
		else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
			return UPRIGHT;
		}
		long directory = tiff.getInt(4) & 0xFFFFFFFFL;
		if (tiff.getShort(2) != 42 || directory + 2 > tiff.remaining()) {
			return UPRIGHT;
		}
		int entries = tiff.getShort((int) directory) & 0xFFFF;
		for (int i = 0; i < entries; i++) {
			int entry = (int) directory + 2 + 12 * i;
			if (entry + 12 > tiff.remaining()) {
				return UPRIGHT;
			}
			if ((tiff.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
				int type = tiff.getShort(entry + 2) & 0xFFFF;
				int value = tiff.getShort(entry + 8) & 0xFFFF;
				return (type == TYPE_SHORT && value >= 1 && value <= 8) ? value : UPRIGHT;
			}
		}
		return UPRIGHT;
	}

	/**
	 * Turns and flips an image as its orientation says, so that it is upright with no
	 * orientation tag.
	 * <p>
	 * Copies rows of the raster straight into rows or columns of the result: Java2D
	 * drawing with a rotation would make a third full-size copy on the way, another 160
	 * MB at 40 megapixels.
	 * @param image the image as decoded, with byte or int samples
	 * @param orientation its EXIF orientation, from 1 to 8
	 * @return the upright image: the same one when it already is
	 */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation < 2 || orientation > 8) {
			return image;
		}
		int width = image.getWidth();
		int height = image.getHeight();
		// 5 to 8 turn the image a quarter: each stored row becomes a column.
		boolean quarterTurn = orientation >= 5;
		// Whether a stored row is read backwards, and whether the rows are taken from the
		// bottom up.
		boolean mirrorRows = orientation == 2 || orientation == 3 || orientation == 7 || orientation == 8;
		boolean mirrorOrder = orientation == 3 || orientation == 4 || orientation == 6 || orientation == 7;
		WritableRaster source = image.getRaster();
		WritableRaster target = source.createCompatibleWritableRaster(quarterTurn ? height : width,
				quarterTurn ? width : height);
		int samples = source.getNumDataElements();
		Object row = null;
		for (int y = 0; y < height; y++) {
			row = source.getDataElements(0, y, width, 1, row);
			if (mirrorRows) {
				reverse(row, samples);
			}
			int line = mirrorOrder ? height - 1 - y : y;
			if (quarterTurn) {
				target.setDataElements(line, 0, 1, width, row);
			}
			else {
				target.setDataElements(0, line, width, 1, row);
			}
		}
		return new BufferedImage(image.getColorModel(), target, image.isAlphaPremultiplied(), null);
	}

	// Reverses the order of the pixels of a row, each of a number of array elements.
	private static void reverse(Object row, int samples) {
		int pixels = Array.getLength(row) / samples;
		Object pixel = Array.newInstance(row.getClass().getComponentType(), samples);
		for (int left = 0, right = pixels - 1; left < right; left++, right--) {
			System.arraycopy(row, left * samples, pixel, 0, samples);
			System.arraycopy(row, right * samples, row, left * samples, samples);
			System.arraycopy(pixel, 0, row, right * samples, samples);
		}
	}

}
