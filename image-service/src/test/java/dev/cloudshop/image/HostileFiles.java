package dev.cloudshop.image;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Files an attacker, or an unlucky user, uploads instead of a photo: made in code, small,
 * and each refused for its own reason.
 */
public final class HostileFiles {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private HostileFiles() {
	}

	/**
	 * A decompression bomb: a valid PNG header declaring a huge image, followed by a few
	 * rows of black, the kind of data a bomb repeats to the declared size. Decoding it
	 * would first allocate width x height x 3 bytes.
	 * @param width the width the header declares
	 * @param height the height the header declares
	 * @return a PNG of a few kilobytes
	 */
	public static byte[] pngDeclaring(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
		header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit
																						// RGB
		byte[] rows = new byte[(1 + 3 * width) * 16];
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(rows);
		deflater.finish();
		byte[] buffer = new byte[rows.length / 100 + 1024];
		int length = deflater.deflate(buffer);
		deflater.end();
		return ProductImages.concat(PNG_SIGNATURE, chunk("IHDR", header.array()),
				chunk("IDAT", Arrays.copyOf(buffer, length)), chunk("IEND", new byte[0]));
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length)
			.putInt(data.length)
			.put(typeBytes)
			.put(data)
			.putInt((int) crc.getValue())
			.array();
	}

	/**
	 * A small JPEG whose frame header (SOF) declares another size.
	 * @param width the width the header declares, up to 65535
	 * @param height the height the header declares, up to 65535
	 * @return the JPEG
	 */
	public static byte[] jpegDeclaring(int width, int height) {
		byte[] jpeg = ProductImages.jpeg("Bomb", 64, 48);
		int position = 2;
		while ((jpeg[position + 1] & 0xFF) != 0xC0) {
			position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
		}
		// FF C0, length (2), precision (1), height (2), width (2)
		ByteBuffer.wrap(jpeg).putShort(position + 5, (short) height).putShort(position + 7, (short) width);
		return jpeg;
	}

	/**
	 * A lossless WebP whose data ends right after its header: a decoder that reads on
	 * past the end for every pixel spends seconds a megapixel on these few bytes.
	 * @param width the width, 1 to 16384
	 * @param height the height, 1 to 16384
	 * @return the WebP file, 34 bytes
	 */
	public static byte[] webpEndingEarly(int width, int height) {
		return ProductImages.webp(width, height, 0xFF000000, 0);
	}

	/**
	 * @param bytes a file
	 * @param fraction how much of it to keep, such as 0.5
	 * @return its beginning, as an interrupted upload leaves it
	 */
	public static byte[] truncated(byte[] bytes, double fraction) {
		return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
	}

	/**
	 * @param length how many bytes
	 * @return bytes from a seeded generator, the same every time
	 */
	public static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(42).nextBytes(bytes);
		return bytes;
	}

	/**
	 * @return an HTML page with a script
	 */
	public static byte[] html() {
		return """
				<!DOCTYPE html>
				<html><body><script>fetch('/api/images').then(r => r.text()).then(alert)</script></body></html>
				""".getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @return an SVG image with a script, behind a byte order mark and white space
	 */
	public static byte[] svg() {
		return ProductImages.concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, """

				<?xml version="1.0" encoding="UTF-8"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" onload="alert(document.cookie)">
				  <rect width="200" height="200" fill="teal"/>
				</svg>
				""".getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param formatName gif, bmp or tiff
	 * @return a product photo in a format the service does not take
	 */
	public static byte[] productIn(String formatName) {
		BufferedImage opaque = ProductImages.draw("Garden Chair", 160, 120, false);
		return ProductImages.encode(opaque, formatName);
	}

	/**
	 * @return a valid PNG, 1 pixel wide and 60000 high: few pixels, an absurd side
	 */
	public static byte[] strip() {
		return ProductImages.encode(new BufferedImage(1, 60000, BufferedImage.TYPE_INT_RGB), "png");
	}

}
