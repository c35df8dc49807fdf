package dev.cloudshop.image.rendering;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The image formats this service reads, recognised by their first bytes (their magic
 * number), never by a file name or a client's {@code Content-Type}. JPEG and PNG are also
 * what renditions are written as.
 */
public enum ImageFormat {

	/** JPEG/JFIF/EXIF: starts with an SOI marker followed by another marker. */
	JPEG("image/jpeg", "jpeg", "jpg"),

	/** PNG: starts with its eight-byte signature. */
	PNG("image/png", "png", "png"),

	/**
	 * WebP: a RIFF container of form type {@code WEBP}. Read only: Java cannot write it.
	 */
	WEBP("image/webp", "webp", "webp");

	private static final byte[] JPEG_SOI = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String contentType;

	private final String formatName;

	private final String extension;

	ImageFormat(String contentType, String formatName, String extension) {
		this.contentType = contentType;
		this.formatName = formatName;
		this.extension = extension;
	}

	/**
	 * @return the media type, such as {@code image/jpeg}
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * @return the Image I/O format name, such as {@code jpeg}
	 */
	String formatName() {
		return this.formatName;
	}

	/**
	 * @return the usual file name extension, such as {@code jpg}
	 */
	public String extension() {
		return this.extension;
	}

	/**
	 * @return the media types of the formats this service reads
	 */
	public static List<String> acceptedContentTypes() {
		return Arrays.stream(values()).map(ImageFormat::contentType).toList();
	}

	/**
	 * Recognises the format of an upload by its first bytes.
	 * @param bytes the upload, or at least its first 16 bytes
	 * @return its format
	 * @throws RefusedImageException (415) if it is not one of the formats read here,
	 * saying what it looks like instead
	 */
	public static ImageFormat detect(byte[] bytes) {
		if (startsWith(bytes, 0, JPEG_SOI)) {
			return JPEG;
		}
		if (startsWith(bytes, 0, PNG_SIGNATURE)) {
			return PNG;
		}
		if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
			return WEBP;
		}
		throw RefusedImageException.unsupportedType(describe(bytes));
	}

	// What a refused upload looks like, so that the uploader learns what to convert.
	private static String describe(byte[] bytes) {
		if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) {
			return "a GIF image";
		}
		if (startsWith(bytes, 0, ascii("BM"))) {
			return "a BMP image";
		}
		if (startsWith(bytes, 0, ascii("II*\0")) || startsWith(bytes, 0, ascii("MM\0*"))) {
			return "a TIFF image";
		}
		if (startsWith(bytes, 4, ascii("ftyp"))) {
			return "an HEIF, AVIF or other ISO media file";
		}
		if (startsWith(bytes, 0, ascii("%PDF"))) {
			return "a PDF document";
		}
		if (isMarkup(bytes)) {
			return "SVG, HTML or other markup, never accepted";
		}
		return "not an image this service recognises";
	}

	// Text whose first character, after a byte order mark and white space, opens a tag.
	private static boolean isMarkup(byte[] bytes) {
		int start = startsWith(bytes, 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }) ? 3 : 0;
		for (int i = start; i < Math.min(bytes.length, 1024); i++) {
			if (!Character.isWhitespace(bytes[i])) {
				return bytes[i] == '<';
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
